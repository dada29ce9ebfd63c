package jp.madoguchi.reconcile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code GET /api/reconciliations?date=…}: the day's latest run and what it found.
 *
 * @param status STARTED, COMPLETED or FAILED
 * @param attempt 0 for the night's run, 1 and up for re-runs of the same day
 */
record Reconciliation(long runId, LocalDate date, int attempt, String status, OffsetDateTime startedAt,
		@Schema(nullable = true) OffsetDateTime finishedAt, long casesChecked, List<Finding> findings) {

	/**
	 * A finding: {@code message} is the Japanese explanation, {@code evidence} the ids of
	 * the steps, device events and documents involved.
	 */
	record Finding(long id, FindingType type, Severity severity, @Schema(nullable = true) Long caseId,
			FoundProblem.Evidence evidence, String message, FindingState state, LocalDate firstFoundOn,
			LocalDate lastFoundOn, @Schema(nullable = true) String comment) {
	}

}
