package jp.madoguchi.tenant;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused unchecked: its username failed too often in a row and may try again
 * at {@link #retryAt()}. The web module answers it with 429 and {@code Retry-After}.
 */
public class SignInThrottled extends AuthenticationException {

	private final Instant retryAt;

	private final long retryAfterSeconds;

	SignInThrottled(Instant retryAt, long retryAfterSeconds) {
		super("SIGN_IN_THROTTLED");
		this.retryAt = retryAt;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/** When the username may try again. */
	public Instant retryAt() {
		return this.retryAt;
	}

	/** Seconds until then, at least 1: the value of {@code Retry-After}. */
	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
