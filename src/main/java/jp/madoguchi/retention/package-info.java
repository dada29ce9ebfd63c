/**
 * What records management needs of every module that keeps records, and what stays of a
 * record once disposed: the {@link jp.madoguchi.retention.RecordKeeper} each owning
 * module implements (its records with their dates, and the deletion of their content),
 * and the {@link jp.madoguchi.retention.Tombstones} (a disposed record's type, id,
 * SHA-256, dates, retention and who proposed and approved), which the owning module
 * answers with (410) where it served the content. Below every module that keeps records;
 * the records module drives both.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Retention")
package jp.madoguchi.retention;
