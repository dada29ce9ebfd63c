package jp.madoguchi.records;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A record a disposal lists: due since {@code dueOn} (its retention counted from
 * {@code keptFrom}).
 *
 * @param state {@code PENDING}, {@code DISPOSED}, or {@code HELD} (a hold placed after
 * the proposal kept it)
 */
record DueRecord(String recordType, String recordId, LocalDate dueOn, @Schema(nullable = true) LocalDate keptFrom,
		@Schema(nullable = true) String state) {
}
