package jp.madoguchi.devicelog;

/**
 * The widths of the device log's columns (V2__device_events.sql), the one source the
 * checks of shipped lines use; a test compares them with the database's metadata.
 */
public final class DeviceLogLimits {

	public static final int EVENT_ID = 64;

	public static final int WORKSTATION = 200;

	public static final int CASE_REF = 100;

	public static final int OPERATOR = 100;

	public static final int COMMAND = 40;

	public static final int OUTCOME = 40;

	/** A SHA-256 in hex: {@code hash}, {@code prev_hash}, {@code card_fingerprint}. */
	public static final int HASH = 64;

	public static final int LINE = 20_000;

	public static final int LOG_FILE = 300;

	public static final int FINDING_MESSAGE = 1000;

	private DeviceLogLimits() {
	}

}
