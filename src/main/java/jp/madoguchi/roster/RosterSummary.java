package jp.madoguchi.roster;

import java.time.OffsetDateTime;

/** A stored roster: its file and what its import kept. */
public record RosterSummary(long id, String fileName, String format, String sha256, long fileSize, String uploadedBy,
		OffsetDateTime uploadedAt, int totalRows, int acceptedRows, int rejectedRows) {
}
