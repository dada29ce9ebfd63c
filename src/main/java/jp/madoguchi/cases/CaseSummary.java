package jp.madoguchi.cases;

import java.time.LocalDate;

/**
 * A case as lists show it: who, which workflow, what comes next ({@code nextStep} null
 * when the case is closed).
 */
public record CaseSummary(long id, int rowNumber, String name, String reading, LocalDate birthDate, String facility,
		String room, Workflow workflow, ApplicantType applicantType, CaseStep nextStep, boolean possibleDuplicate) {

	CaseSummary withNextStep(CaseStep next) {
		return new CaseSummary(id, rowNumber, name, reading, birthDate, facility, room, workflow, applicantType, next,
				possibleDuplicate);
	}

	/** What lists show in the next-step column. */
	public String nextStepLabel() {
		return nextStep == null ? "完了" : nextStep.label();
	}

}
