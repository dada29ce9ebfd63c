package jp.madoguchi.forms.internal.template;

import java.time.LocalDate;

import jp.madoguchi.forms.Applicant;
import jp.madoguchi.forms.MunicipalitySettings;

/** Everything a placeholder or condition can read for one document. */
public record FieldValues(Applicant applicant, MunicipalitySettings municipality, LocalDate issueDate,
		String documentId) {

	/** How the person is named in refusal messages. */
	public String personLabel() {
		return applicant.name() + " (id " + applicant.id() + ")";
	}
}
