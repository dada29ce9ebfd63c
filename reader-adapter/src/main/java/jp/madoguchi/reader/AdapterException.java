package jp.madoguchi.reader;

/**
 * A fault that ends a command with a message and an exit code instead of a stack trace.
 */
final class AdapterException extends Exception {

	final Fault fault;

	final String detail;

	AdapterException(Fault fault, String detail) {
		super(fault.english + (detail == null ? "" : " (" + detail + ")"));
		this.fault = fault;
		this.detail = detail;
	}

	AdapterException(Fault fault, String detail, Throwable cause) {
		this(fault, detail);
		initCause(cause);
	}

}
