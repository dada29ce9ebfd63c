package jp.madoguchi.retention;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The 410 body for content disposed of: {@code code} {@code DISPOSED}, the Japanese
 * {@code message}, and the record's {@link Tombstone}.
 */
public record DisposedRecordError(String code, String message, String recordType, String recordId, String sha256,
		OffsetDateTime createdAt, String retention, LocalDate keptFrom, LocalDate dueOn, String proposedBy,
		String approvedBy, OffsetDateTime disposedAt) {

	public static DisposedRecordError of(Tombstone t, String message) {
		return new DisposedRecordError("DISPOSED", message, t.recordType(), t.recordId(), t.sha256(), t.createdAt(),
				t.retention(), t.keptFrom(), t.dueOn(), t.proposedBy(), t.approvedBy(), t.disposedAt());
	}

}
