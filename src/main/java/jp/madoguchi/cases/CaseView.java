package jp.madoguchi.cases;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code GET /api/cases/{id}}: the case, its workflow and steps, and what was recorded.
 * {@code applicant} (the person's data) is given to CLERK and RECORDS_OFFICER only and
 * omitted for everyone else (an OPERATOR sees ids, workflow and steps, never personal
 * data).
 *
 * @param steps the workflow's steps in order
 * @param path the steps this case follows (the workflow's, or the shorter path of a
 * setting switch by a person who remembers their PIN)
 * @param recorded the steps recorded, in the order recorded
 * @param nextStep the step expected next; omitted when the case is closed
 * @param verifiedLocks the locks the reader adapter verified on the card (the lock gate's
 * evidence)
 */
record CaseView(long id, long rosterId,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true,
				description = "omitted unless the user is a CLERK or RECORDS_OFFICER") Applicant applicant,
		String workflow, List<CaseStep> steps, List<CaseStep> path, List<RecordedStep> recorded,
		@Schema(nullable = true, description = "omitted when the case is closed") String nextStep, boolean closed,
		List<VerifiedLock> verifiedLocks, boolean possibleDuplicate) {

	static CaseView of(CaseDetail c, CaseProgress progress, List<VerifiedLock> verifiedLocks, boolean withApplicant) {
		return new CaseView(c.id(), c.rosterId(), withApplicant ? c.applicant() : null, c.workflow().name(),
				c.workflow().steps(), progress.path(), progress.recorded(),
				progress.nextStep() == null ? null : progress.nextStep().name(), progress.closed(), verifiedLocks,
				c.possibleDuplicate());
	}

}
