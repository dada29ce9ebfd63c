package jp.madoguchi.cases;

/**
 * The widths of {@code applicant_case}'s text columns (V1__foundation.sql): the one
 * source the roster's row validation uses, so no value that passed it can fail in the
 * database; a test compares them with the database's metadata.
 */
public final class CaseLimits {

	public static final int NAME = 200;

	public static final int READING = 200;

	public static final int ADDRESS = 500;

	public static final int FACILITY = 200;

	public static final int ROOM = 50;

	public static final int PROXY_NAME = 200;

	public static final int PROXY_RELATIONSHIP = 100;

	public static final int REMARKS = 2000;

	/** {@code case_step}'s reason, note and supervisor's comment (V15). */
	public static final int STEP_TEXT = 1000;

	/** {@code case_step}'s staff (a username). */
	public static final int STEP_STAFF = 100;

	private CaseLimits() {
	}

}
