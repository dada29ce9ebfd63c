/**
 * Records management: what the municipality keeps and for whom it is visible. The audit
 * viewer (ADMIN), retention classes, legal holds (RECORDS_OFFICER), disposal by two
 * people (each module's {@link jp.madoguchi.retention.RecordKeeper} deletes, tombstones
 * stay), and fixity (OPERATOR): the weekly Spring Batch job {@code fixity} that re-hashes
 * every stored file.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Records")
package jp.madoguchi.records;
