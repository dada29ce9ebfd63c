package jp.madoguchi.cases;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A step recorded on a case.
 *
 * @param staff who did it: the clerk who recorded it, then (registration by two staff)
 * the one who confirmed it
 * @param awaitingConfirmation a registration by two staff that the second has not
 * confirmed yet (it does not count as done)
 * @param lockEventId for {@code LOCK_ALL_PINS}: the reader adapter's {@code verify-lock}
 * event that confirmed the lock (null for a supervisor's override)
 */
public record RecordedStep(long id, CaseStep step, String label, OffsetDateTime performedAt, OffsetDateTime recordedAt,
		List<String> staff,
		@Schema(description = "the second staff named to confirm (registration by two staff)",
				nullable = true) String confirmingStaff,
		boolean awaitingConfirmation, @Schema(nullable = true) String reason, @Schema(nullable = true) String note,
		StepKind kind, @Schema(nullable = true) String exceptionComment, @Schema(nullable = true) String lockEventId) {

	public RecordedStep {
		staff = List.copyOf(staff);
	}

	/** Whether the step counts as done (a registration by two staff once confirmed). */
	public boolean done() {
		return !awaitingConfirmation;
	}

}
