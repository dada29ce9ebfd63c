package jp.madoguchi.errors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The message catalogue ({@code messages.properties}, UTF-8): every text a user reads for
 * an error, looked up by its stable code. Pages use the same keys ({@code #{CODE}} in
 * Thymeleaf), so the API and the pages say the same thing.
 */
@Component
public class Messages {

	/** The users are Japanese clerks: one language, whatever the browser says. */
	public static final Locale LOCALE = Locale.JAPANESE;

	private static final JsonMapper JSON = JsonMapper.builder().build();

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
		return new ApiError(error.code(), text(error.code(), error.args()), error.field(), error.expected());
	}

	/**
	 * Writes the error as the API's JSON answer, for the filters that answer before
	 * Spring MVC (sign-in, workstation keys, forced password change).
	 */
	public void write(HttpServletResponse response, ClientError error) throws IOException {
		response.setStatus(error.status().value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(JSON.writeValueAsString(of(error)));
	}

}
