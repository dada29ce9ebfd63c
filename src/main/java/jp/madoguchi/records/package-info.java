/**
 * Records management: what the municipality keeps and for whom it is visible. So far the
 * audit viewer (ADMIN): the municipality's audit log, filtered and exported as CSV.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Records")
package jp.madoguchi.records;
