/**
 * The one way a client's mistake is answered: {@link jp.madoguchi.errors.ClientError}
 * (HTTP status, stable {@code code}, arguments), its Japanese text from the one message
 * catalogue {@code messages.properties} ({@link jp.madoguchi.errors.Messages}), and the
 * API's error body {@link jp.madoguchi.errors.ApiError}. Every module throws
 * {@code ClientError}; the web module turns it into JSON or the error page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Errors",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package jp.madoguchi.errors;
