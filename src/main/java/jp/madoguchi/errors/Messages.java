package jp.madoguchi.errors;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The message catalogue ({@code messages.properties}, UTF-8): every text a user reads for
 * an error, looked up by its stable code. Pages use the same keys ({@code #{CODE}} in
 * Thymeleaf), so the API and the pages say the same thing.
 */
@Component
public class Messages {

	/** The users are Japanese clerks: one language, whatever the browser says. */
	public static final Locale LOCALE = Locale.JAPANESE;

	private final MessageSource source;

	Messages(MessageSource source) {
		this.source = source;
	}

	/**
	 * The text for a code; a code without an entry is a defect (a test checks every
	 * code).
	 */
	public String text(String code, Object... args) {
		return this.source.getMessage(code, args, LOCALE);
	}

	/** The API error body for a client error. */
	public ApiError of(ClientError error) {
		return new ApiError(error.code(), text(error.code(), error.args()), error.field());
	}

}
