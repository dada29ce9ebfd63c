package jp.madoguchi.errors;

import org.springframework.http.HttpStatus;

/**
 * A client's mistake: answered with {@link #status()}, the stable {@link #code()} and the
 * Japanese text the message catalogue holds for that code (with {@link #args()} filled
 * in). The exception's own message is the code only: it never carries personal data.
 */
public class ClientError extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final transient Object[] args;

	private final String field;

	private final String expected;

	public ClientError(HttpStatus status, String code, Object... args) {
		this(status, code, null, null, args);
	}

	private ClientError(HttpStatus status, String code, String field, String expected, Object[] args) {
		super(code, null, false, false);
		this.status = status;
		this.code = code;
		this.field = field;
		this.expected = expected;
		this.args = args.clone();
	}

	public static ClientError badRequest(String code, Object... args) {
		return new ClientError(HttpStatus.BAD_REQUEST, code, args);
	}

	public static ClientError notFound() {
		return new ClientError(HttpStatus.NOT_FOUND, "NOT_FOUND");
	}

	public static ClientError forbidden() {
		return new ClientError(HttpStatus.FORBIDDEN, "FORBIDDEN");
	}

	public static ClientError conflict(String code, Object... args) {
		return new ClientError(HttpStatus.CONFLICT, code, args);
	}

	public static ClientError unprocessable(String code, Object... args) {
		return new ClientError(HttpStatus.UNPROCESSABLE_CONTENT, code, args);
	}

	/** The same error, naming the request field (or form field) it is about. */
	public ClientError field(String field) {
		return new ClientError(this.status, this.code, field, this.expected, this.args);
	}

	/** The same error, saying what was expected instead (a stable value, not prose). */
	public ClientError expected(String expected) {
		return new ClientError(this.status, this.code, this.field, expected, this.args);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public Object[] args() {
		return this.args.clone();
	}

	/** The field the error is about, or null. */
	public String field() {
		return this.field;
	}

	/** What was expected instead, or null. */
	public String expected() {
		return this.expected;
	}

}
