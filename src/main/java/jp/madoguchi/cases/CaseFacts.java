package jp.madoguchi.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What a projection (the search index) needs of a case of a completed roster, read in
 * batches: the applicant as the roster gave them, where they live, and the workflow.
 */
public record CaseFacts(long id, long municipalityId, long rosterId, String name, String reading, LocalDate birthDate,
		String sex, String address, String facility, String room, Workflow workflow, OffsetDateTime createdAt) {
}
