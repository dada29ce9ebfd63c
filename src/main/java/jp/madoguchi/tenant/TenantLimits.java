package jp.madoguchi.tenant;

/**
 * The one source of the tenant module's field limits: validation, the pages'
 * {@code maxlength} and the database columns (V1, V4, V5) agree, and
 * {@code ColumnWidthsContract} compares them with the columns of the migrated database
 * (H2 and PostgreSQL).
 */
public final class TenantLimits {

	/** app_user.username VARCHAR(100). */
	public static final int USERNAME_MAX = 100;

	public static final int USERNAME_MIN = 3;

	/** Lower-case letters, digits, dot, underscore and hyphen: easy to type at any PC. */
	public static final String USERNAME_PATTERN = "[a-z0-9._-]{" + USERNAME_MIN + "," + USERNAME_MAX + "}";

	/** app_user.display_name VARCHAR(200). */
	public static final int DISPLAY_NAME_MAX = 200;

	/** app_user.staff_id VARCHAR(50). */
	public static final int STAFF_ID_MAX = 50;

	/** municipality.name VARCHAR(100). */
	public static final int MUNICIPALITY_NAME_MAX = 100;

	/** municipality.mayor_title VARCHAR(100). */
	public static final int MAYOR_TITLE_MAX = 100;

	/** municipality.department VARCHAR(200). */
	public static final int DEPARTMENT_MAX = 200;

	/** municipality.phone VARCHAR(50). */
	public static final int PHONE_MAX = 50;

	/** municipality.office_hours VARCHAR(200). */
	public static final int OFFICE_HOURS_MAX = 200;

	/** workstation_key.workstation VARCHAR(200). */
	public static final int WORKSTATION_MAX = 200;

	/** Passwords: the policy's minimum, and bcrypt's limit of 72 bytes (UTF-8). */
	public static final int PASSWORD_MIN = 12;

	public static final int PASSWORD_MAX_BYTES = 72;

	/** The same limits for the pages' {@code maxlength} ({@code ${limits.phoneMax}}). */
	public static final Limits FOR_PAGES = new Limits(USERNAME_MAX, DISPLAY_NAME_MAX, STAFF_ID_MAX,
			MUNICIPALITY_NAME_MAX, MAYOR_TITLE_MAX, DEPARTMENT_MAX, PHONE_MAX, OFFICE_HOURS_MAX, PASSWORD_MIN);

	public record Limits(int usernameMax, int displayNameMax, int staffIdMax, int municipalityNameMax,
			int mayorTitleMax, int departmentMax, int phoneMax, int officeHoursMax, int passwordMin) {
	}

	private TenantLimits() {
	}

}
