package jp.madoguchi.tenant;

/**
 * A municipality and the settings its forms print: 「高梁市長」, the contact department, phone
 * and hours.
 */
public record Municipality(long id, LocalGovernmentCode code, String name, String mayorTitle, String department,
		String phone, String officeHours) {
}
