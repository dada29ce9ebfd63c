package jp.madoguchi.records;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A disposal: proposed as of a day by one officer, approved by another ADMIN or
 * RECORDS_OFFICER, then carried out.
 *
 * @param state {@code PROPOSED}, {@code APPROVED} (being carried out), {@code COMPLETED}
 * @param records the records it lists
 * @param disposed records disposed (once completed)
 * @param held records kept because a hold was placed on them after the proposal
 */
record Disposal(long id, LocalDate asOf, String state, int records, String proposedBy, OffsetDateTime proposedAt,
		@Schema(nullable = true) String approvedBy, @Schema(nullable = true) OffsetDateTime approvedAt,
		@Schema(nullable = true) OffsetDateTime completedAt, @Schema(nullable = true) Integer disposed,
		@Schema(nullable = true) Integer held) {

	/** Whether it waits for a second person's approval; public for the pages. */
	public boolean proposed() {
		return "PROPOSED".equals(state);
	}

}
