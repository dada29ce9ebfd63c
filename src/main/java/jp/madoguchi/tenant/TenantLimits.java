package jp.madoguchi.tenant;

/**
 * The widths of the tenant module's text columns (V1__foundation.sql,
 * V4__workstation_keys.sql): the one source for validation; a test compares them with the
 * database's metadata.
 */
public final class TenantLimits {

	public static final int MUNICIPALITY_NAME = 100;

	public static final int MAYOR_TITLE = 100;

	public static final int DEPARTMENT = 200;

	public static final int PHONE = 50;

	public static final int OFFICE_HOURS = 200;

	public static final int USERNAME = 100;

	public static final int DISPLAY_NAME = 200;

	public static final int WORKSTATION = 200;

	private TenantLimits() {
	}

}
