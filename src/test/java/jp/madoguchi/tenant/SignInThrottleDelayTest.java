package jp.madoguchi.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import jp.madoguchi.audit.AuditLog;

/**
 * The wait grows with each further failure (1, 2, 4 … minutes, at most an hour), ends by
 * itself, and admits exactly one checked attempt when it ends. Time is a test clock here;
 * the HTTP tests prove the rest.
 */
class SignInThrottleDelayTest {

	private final MutableClock clock = new MutableClock();

	private final SignInAccounts accounts = mock(SignInAccounts.class);

	private final SignInThrottle throttle = new SignInThrottle(this.accounts, mock(AuditLog.class), this.clock);

	@Test
	void theDelayDoublesFromOneMinuteUpToAnHour() {
		assertThat(SignInThrottle.delayAfter(9)).isZero();
		assertThat(SignInThrottle.delayAfter(10)).isEqualTo(Duration.ofMinutes(1));
		assertThat(SignInThrottle.delayAfter(11)).isEqualTo(Duration.ofMinutes(2));
		assertThat(SignInThrottle.delayAfter(12)).isEqualTo(Duration.ofMinutes(4));
		assertThat(SignInThrottle.delayAfter(15)).isEqualTo(Duration.ofMinutes(32));
		assertThat(SignInThrottle.delayAfter(16)).isEqualTo(Duration.ofHours(1));
		assertThat(SignInThrottle.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aWaitEndsByItselfAndAFurtherFailureDoublesIt() {
		Mockito.when(this.accounts.municipalityOf("clerk")).thenReturn(Optional.of(1L));
		for (int i = 0; i < 9; i++) {
			this.throttle.admit("clerk");
			assertThat(this.throttle.failed("clerk")).isFalse();
		}
		this.throttle.admit("clerk");
		assertThat(this.throttle.failed("clerk")).isTrue();

		SignInThrottled first = refusal("clerk");
		assertThat(first.retryAfterSeconds()).isEqualTo(60);
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(refusal("Ｃｌｅｒｋ ").retryAfterSeconds()).as("width, case and spaces share one count").isEqualTo(1);

		this.clock.advance(Duration.ofSeconds(1));
		this.throttle.admit("clerk"); // the one checked attempt after the wait
		assertThat(refusal("clerk").retryAfterSeconds()).as("parallel attempts wait meanwhile").isEqualTo(120);
		this.throttle.failed("clerk");
		assertThat(refusal("clerk").retryAfterSeconds()).isEqualTo(120);

		this.clock.advance(Duration.ofMinutes(2));
		this.throttle.admit("clerk");
		this.throttle.succeeded("clerk");
		assertThat(this.throttle.failuresOf("clerk")).isZero();
		this.throttle.admit("clerk");
	}

	@Test
	void unlockEndsTheWait() {
		for (int i = 0; i < 10; i++) {
			this.throttle.failed("nobody");
		}
		assertThat(this.throttle.isLocked("nobody")).isTrue();
		this.throttle.unlock("NOBODY");
		assertThat(this.throttle.isLocked("nobody")).isFalse();
		this.throttle.admit("nobody");
	}

	private SignInThrottled refusal(String username) {
		try {
			this.throttle.admit(username);
		}
		catch (SignInThrottled e) {
			return e;
		}
		throw new AssertionError("not refused");
	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-11-30T01:00:00Z");

		void advance(Duration d) {
			this.now = this.now.plus(d);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
