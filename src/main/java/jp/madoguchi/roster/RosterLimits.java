package jp.madoguchi.roster;

/**
 * The widths of the roster module's text columns ({@code roster}, {@code roster_error} in
 * V1__foundation.sql): the one source for checks and truncation; a test compares them
 * with the database's metadata.
 */
public final class RosterLimits {

	/**
	 * The longest original file name accepted, in characters (code points): only a guard
	 * against abuse, four times what any file system keeps (255). The column
	 * {@code roster.file_name} is unbounded (V7), so every name within it is kept whole;
	 * a test checks that the column holds far more. The upload's part header and the
	 * download's Content-Disposition are sized for it in application.yml.
	 */
	public static final int FILE_NAME = 1024;

	public static final int ERROR_COLUMN = 50;

	public static final int ERROR_VALUE = 1000;

	public static final int ERROR_MESSAGE = 500;

	private RosterLimits() {
	}

}
