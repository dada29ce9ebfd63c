package jp.madoguchi.cases;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code POST /api/cases/{id}/steps}: a step done at the counter.
 *
 * @param step a {@link CaseStep} name
 * @param staff who did it: the signed-in clerk first; for a registration by two staff,
 * optionally the second, who must confirm it
 * @param at when it was done (ISO-8601 with offset); now when omitted; more than 10
 * minutes ago needs a {@code reason}
 * @param exception a supervisor's comment: records the step out of order, or a lock the
 * card did not confirm (always reported)
 */
record StepRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String step,
		@Schema(nullable = true) List<String> staff, @Schema(nullable = true) String at,
		@Schema(nullable = true) String reason, @Schema(nullable = true) String note,
		@Schema(nullable = true) String exception) {
}
