package jp.madoguchi.roster;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A stored roster: its file and what its import kept.
 *
 * @param disposedAt when its file (and its rejected rows) were disposed of after their
 * retention; null while kept
 */
public record RosterSummary(long id, String fileName, String format, String sha256, long fileSize, String uploadedBy,
		OffsetDateTime uploadedAt, int totalRows, int acceptedRows, int rejectedRows,
		@Schema(nullable = true) OffsetDateTime disposedAt) {
}
