/**
 * The nightly reconciliation: per municipality and day, a Spring Batch job weighs what
 * clerks recorded on each case (steps), what the reader adapter logged for its card
 * (device events, and whether their log was refused as tampered), and the signed paper
 * received, and keeps findings with a lifecycle (open, acknowledged, resolved). The job's
 * pattern is written down in batch-jobs/README.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reconciliation")
package jp.madoguchi.reconcile;
