package jp.madoguchi.cases;

/** One case with everything its roster row said. */
public record CaseDetail(long id, long rosterId, Applicant applicant, boolean possibleDuplicate) {

	public Workflow workflow() {
		return applicant.workflow();
	}
}
