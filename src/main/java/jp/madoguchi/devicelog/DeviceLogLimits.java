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

	/** Who shipped: a username, or {@code workstation:<name>} for a key (cut to fit). */
	public static final int SHIPPED_BY = 100;

	/** The field a finding names, e.g. {@code card.fingerprint}. */
	public static final int FINDING_FIELD = 40;

	/** Lines of one request: the adapter ships at most 5,000. */
	public static final int MAX_LINES = 5_000;

	/**
	 * Bytes of one request body. The adapter's lines are about 700 bytes (5,000 lines:
	 * 3.5 MB); 16 MiB leaves more than four times that, and is refused before it is read
	 * when the request says its length, else as soon as that many bytes have arrived.
	 */
	public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

	private DeviceLogLimits() {
	}

}
