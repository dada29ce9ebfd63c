package jp.madoguchi.records;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A legal hold: a record ({@code recordType} and {@code recordId}) or a whole case
 * ({@code caseId}) that is never proposed for disposal nor disposed while it holds.
 */
record LegalHold(long id, @Schema(nullable = true) String recordType, @Schema(nullable = true) String recordId,
		@Schema(nullable = true) Long caseId, String reason, String placedBy, OffsetDateTime placedAt,
		@Schema(nullable = true) String releasedBy, @Schema(nullable = true) OffsetDateTime releasedAt) {

	public boolean active() {
		return releasedAt == null;
	}

}
