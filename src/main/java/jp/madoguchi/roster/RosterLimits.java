package jp.madoguchi.roster;

/**
 * The widths of the roster module's text columns ({@code roster}, {@code roster_error} in
 * V1__foundation.sql): the one source for checks and truncation; a test compares them
 * with the database's metadata.
 */
public final class RosterLimits {

	public static final int FILE_NAME = 255;

	public static final int ERROR_COLUMN = 50;

	public static final int ERROR_VALUE = 1000;

	public static final int ERROR_MESSAGE = 500;

	private RosterLimits() {
	}

}
