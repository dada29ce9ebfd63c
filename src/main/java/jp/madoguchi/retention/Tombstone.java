package jp.madoguchi.retention;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What stays of a disposed record: what it was, its SHA-256, its dates, the retention it
 * was kept for, and the two people who disposed of it. No name or other content.
 *
 * @param retention the retention class it was kept under, e.g. {@code 5 CASE_CLOSED}
 * @param keptFrom the day its retention was counted from (in Japan)
 */
public record Tombstone(long disposalId, String recordType, String recordId, String sha256, OffsetDateTime createdAt,
		String retention, LocalDate keptFrom, LocalDate dueOn, String proposedBy, OffsetDateTime proposedAt,
		String approvedBy, OffsetDateTime approvedAt, OffsetDateTime disposedAt) {
}
