package jp.madoguchi.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

import jp.madoguchi.errors.ApiError;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.Messages;
import jp.madoguchi.tenant.SignInThrottled;

/**
 * How a throttled sign-in is answered: 429 with {@code Retry-After} (seconds) and the
 * catalogue's Japanese text saying when to try again — as {@link ApiError} JSON on the
 * API, as the login page on the form login. Other failed form sign-ins go back to
 * {@code /login?error} as before.
 */
@Component
class SignInRefusals implements AuthenticationFailureHandler {

	/** Request attribute carrying the throttle text to the login page. */
	static final String THROTTLED = SignInRefusals.class.getName() + ".throttled";

	static final String CODE = "SIGN_IN_THROTTLED";

	private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("H:mm")
		.withZone(ZoneId.of("Asia/Tokyo"));

	private final Messages messages;

	private final AuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler(
			"/login?error");

	SignInRefusals(Messages messages) {
		this.messages = messages;
	}

	/** The API's answer to a throttled HTTP Basic sign-in. */
	void answerApi(HttpServletResponse response, SignInThrottled throttled) throws IOException {
		startAnswer(response, throttled);
		this.messages.write(response, throttledError(throttled));
	}

	/**
	 * The form login's failures: a throttled one shows the login page again with the
	 * text, status 429 and {@code Retry-After} (a forward, seen as a GET of the page, so
	 * the login filter does not take it for another attempt).
	 */
	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (!(exception instanceof SignInThrottled throttled)) {
			this.wrongPassword.onAuthenticationFailure(request, response, exception);
			return;
		}
		startAnswer(response, throttled);
		request.setAttribute(THROTTLED, text(throttled));
		HttpServletRequest asPageView = new HttpServletRequestWrapper(request) {
			@Override
			public String getMethod() {
				return HttpMethod.GET.name();
			}
		};
		request.getRequestDispatcher("/login").forward(asPageView, response);
	}

	private static void startAnswer(HttpServletResponse response, SignInThrottled throttled) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
	}

	private String text(SignInThrottled throttled) {
		ClientError error = throttledError(throttled);
		return this.messages.text(error.code(), error.args());
	}

	private static ClientError throttledError(SignInThrottled throttled) {
		Instant at = throttled.retryAt();
		long minutes = Math.max(1, Duration.ofSeconds(throttled.retryAfterSeconds()).plusSeconds(59).toMinutes());
		return new ClientError(HttpStatus.TOO_MANY_REQUESTS, CODE, CLOCK_TIME.format(at.plusSeconds(59)),
				Long.toString(minutes));
	}

}
