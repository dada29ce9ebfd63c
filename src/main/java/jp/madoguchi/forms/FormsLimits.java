package jp.madoguchi.forms;

/**
 * The widths of the forms module's text columns (V1_1__forms_case_document.sql,
 * V3__municipality_templates.sql): the one source for the checks of uploaded templates; a
 * test compares them with the database's metadata.
 */
public final class FormsLimits {

	/**
	 * {@code case_document.template_version}, the narrower of the two version columns.
	 */
	public static final int TEMPLATE_VERSION = 50;

	/** {@code municipality_template.file_version}. */
	public static final int TEMPLATE_FILE_VERSION = 100;

	/** {@code municipality_template.title}. */
	public static final int TEMPLATE_TITLE = 300;

	/** {@code case_document.form}, {@code municipality_template.form}. */
	public static final int FORM_ID = 30;

	private FormsLimits() {
	}

}
