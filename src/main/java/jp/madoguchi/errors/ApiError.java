package jp.madoguchi.errors;

/**
 * The API's one error body: a stable {@code code} for programs, a Japanese
 * {@code message} for people (from the message catalogue), the field it is about when
 * there is one, and what was expected instead when the service knows it (e.g. the next
 * step of a case for {@code STEP_OUT_OF_ORDER}); both omitted otherwise.
 */
public record ApiError(String code, String message, String field, String expected) {

	public ApiError(String code, String message) {
		this(code, message, null, null);
	}

}
