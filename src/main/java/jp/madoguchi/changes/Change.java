package jp.madoguchi.changes;

import java.time.OffsetDateTime;

/** One row of the change log. */
public record Change(long seq, long municipalityId, ChangeKind kind, long recordId, OffsetDateTime changedAt) {
}
