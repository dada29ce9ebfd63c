package jp.madoguchi.reader;

/**
 * A fault that ends a command with a message and an exit code instead of a stack trace.
 */
final class AdapterException extends Exception {

	final Fault fault;

	final String detail;

	/** The detail in Japanese, or null. */
	final String japaneseDetail;

	AdapterException(Fault fault, String detail) {
		this(fault, null, detail);
	}

	AdapterException(Fault fault, String japaneseDetail, String detail) {
		super(fault.english + (detail == null ? "" : " (" + detail + ")"));
		this.fault = fault;
		this.detail = detail;
		this.japaneseDetail = japaneseDetail;
	}

	AdapterException(Fault fault, String detail, Throwable cause) {
		this(fault, detail);
		initCause(cause);
	}

	/** The one line for the clerk. */
	String message() {
		return fault.message(japaneseDetail, detail);
	}

}
