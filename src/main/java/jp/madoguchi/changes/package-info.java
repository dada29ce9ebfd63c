/**
 * The change log (outbox): a row with a monotonic sequence number, written by the module
 * that changes a record in the same transaction as the change, so that projections (the
 * search index) follow the database exactly — a second service instance on the same
 * database reads the same log. No module but this one touches the {@code change_log}
 * table.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Change log")
package jp.madoguchi.changes;
