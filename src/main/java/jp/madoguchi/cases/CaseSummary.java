package jp.madoguchi.cases;

import java.time.LocalDate;

/** A case as lists show it: who, which workflow, what comes next. */
public record CaseSummary(long id, int rowNumber, String name, String reading, LocalDate birthDate, String facility,
		String room, Workflow workflow, ApplicantType applicantType, CaseStep nextStep, boolean possibleDuplicate) {
}
