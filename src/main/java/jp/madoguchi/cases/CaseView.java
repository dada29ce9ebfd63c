package jp.madoguchi.cases;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code GET /api/cases/{id}}: the case, its workflow and steps. {@code applicant} (the
 * person's data) is given to CLERK and RECORDS_OFFICER only and omitted for everyone else
 * (an OPERATOR sees ids, workflow and steps, never personal data).
 */
record CaseView(long id, long rosterId,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true,
				description = "omitted unless the user is a CLERK or RECORDS_OFFICER") Applicant applicant,
		String workflow, List<CaseStep> steps, String nextStep, boolean possibleDuplicate) {

	static CaseView of(CaseDetail c, boolean withApplicant) {
		return new CaseView(c.id(), c.rosterId(), withApplicant ? c.applicant() : null, c.workflow().name(),
				c.workflow().steps(), c.nextStep().name(), c.possibleDuplicate());
	}

}
