package jp.madoguchi.errors;

/**
 * The API's one error body: a stable {@code code} for programs, a Japanese
 * {@code message} for people (from the message catalogue), and the field it is about when
 * there is one (omitted otherwise).
 */
public record ApiError(String code, String message, String field) {

	public ApiError(String code, String message) {
		this(code, message, null);
	}

}
