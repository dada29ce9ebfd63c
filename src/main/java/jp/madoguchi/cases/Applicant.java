package jp.madoguchi.cases;

import java.time.LocalDate;

/**
 * One applicant as a roster row describes them, after validation. Names and addresses are
 * kept exactly as given; optional fields are null when the roster left them blank.
 */
public record Applicant(int rowNumber, String name, String reading, LocalDate birthDate, String sex, String postalCode,
		String address, String facility, String room, ProcedureKind procedureKind, ApplicantType applicantType,
		String proxyName, String proxyRelationship, Boolean wantsFaceAuth, Boolean wantsStaffRegistration,
		Boolean writtenByOther, DeliveryMethod deliveryMethod, String remarks) {

	public Workflow workflow() {
		return Workflow.of(procedureKind, applicantType);
	}
}
