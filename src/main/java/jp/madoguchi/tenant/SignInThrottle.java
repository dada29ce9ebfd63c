package jp.madoguchi.tenant;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;

/**
 * Slows password guessing per username, for the form login and HTTP Basic alike. Every
 * failed check counts (unknown usernames too, so probing for names is slowed the same
 * way); after {@value #FREE_FAILURES} failures in a row the username is refused for
 * {@link #FIRST_DELAY}, and each further failure doubles the wait up to
 * {@link #LONGEST_DELAY}. While refused, an attempt is turned away before anything else
 * happens — no database read and no bcrypt — even with the right password. When the wait
 * is over, one attempt is checked; a success (a full password check) resets the count,
 * and so does an administrator's {@link #unlock(String)}.
 * <p>
 * The longest wait is one hour: an attacker gets at most about 24 guesses a day per
 * username after the first ten, while a locked-out clerk is never stuck for longer than a
 * working hour even when no administrator is at hand.
 * <p>
 * Usernames are counted as typed, compared without regard to case, width or surrounding
 * space (so "Clerk", "ｃｌｅｒｋ" and "clerk " share one count). The counts live in memory in
 * a bounded cache: {@value #MAX_USERNAMES} usernames, each forgotten after 24 hours
 * without an attempt. Every failure, every refusal and every unlock is audited with the
 * username as typed, never the password.
 */
@Component
public class SignInThrottle {

	/** Failures in a row that are checked normally. */
	static final int FREE_FAILURES = 10;

	static final Duration FIRST_DELAY = Duration.ofMinutes(1);

	static final Duration LONGEST_DELAY = Duration.ofHours(1);

	static final int MAX_USERNAMES = 100_000;

	static final Duration FORGOTTEN_AFTER = Duration.ofHours(24);

	/** The width of {@code app_user.username} and of the audit columns. */
	private static final int USERNAME_LENGTH = 100;

	private static final String TARGET = "username";

	private final Cache<String, Failures> failures = Caffeine.newBuilder()
		.maximumSize(MAX_USERNAMES)
		.expireAfterAccess(FORGOTTEN_AFTER)
		.build();

	private final SignInAccounts accounts;

	private final AuditLog audit;

	private final Clock clock;

	@Autowired
	SignInThrottle(SignInAccounts accounts, AuditLog audit) {
		this(accounts, audit, Clock.systemUTC());
	}

	SignInThrottle(SignInAccounts accounts, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Lets an attempt for this username go on to the password check, or refuses it (and
	 * audits the refusal) while the username waits. Cheap when the username has no
	 * failures: one in-memory look-up.
	 * @throws SignInThrottled while the username must wait
	 */
	void admit(String username) {
		String key = key(username);
		Failures known = this.failures.getIfPresent(key);
		if (known == null || known.count() < FREE_FAILURES) {
			return;
		}
		Instant now = this.clock.instant();
		Failures[] refused = new Failures[1];
		this.failures.asMap().computeIfPresent(key, (k, current) -> {
			if (current.count() < FREE_FAILURES) {
				return current;
			}
			if (now.isBefore(current.lockedUntil())) {
				refused[0] = current;
				return current;
			}
			// The wait is over: this one attempt is checked. Others wait as if it
			// failed, so a crowd of parallel guesses cannot slip through together.
			return new Failures(current.count(), now.plus(delayAfter(current.count() + 1)), current.municipalityId());
		});
		if (refused[0] != null) {
			record(refused[0].municipalityId(), username, AuditAction.SIGN_IN_THROTTLED);
			long seconds = Math.max(1, (Duration.between(now, refused[0].lockedUntil()).toMillis() + 999) / 1000);
			throw new SignInThrottled(refused[0].lockedUntil(), seconds);
		}
	}

	/**
	 * Counts and audits a failed check.
	 * @return whether the username must now wait
	 */
	boolean failed(String username) {
		Long municipalityId = this.accounts.municipalityOf(clip(username)).orElse(null);
		Instant now = this.clock.instant();
		Failures after = this.failures.asMap()
			.merge(key(username), new Failures(1, now.plus(delayAfter(1)), municipalityId), (old,
					first) -> new Failures(old.count() + 1, now.plus(delayAfter(old.count() + 1)), municipalityId));
		record(municipalityId, username, AuditAction.SIGN_IN_FAILED);
		return after.count() >= FREE_FAILURES;
	}

	/** A full password check passed: the count starts again. */
	void succeeded(String username) {
		this.failures.invalidate(key(username));
	}

	/**
	 * Lifts the wait and the count of a username (an administrator's unlock; the caller
	 * audits who did it).
	 */
	public void unlock(String username) {
		this.failures.invalidate(key(username));
	}

	/** Whether the username is waiting now. */
	public boolean isLocked(String username) {
		Failures known = this.failures.getIfPresent(key(username));
		return known != null && known.count() >= FREE_FAILURES && this.clock.instant().isBefore(known.lockedUntil());
	}

	/** The failures in a row counted for a username. */
	int failuresOf(String username) {
		Failures known = this.failures.getIfPresent(key(username));
		return known == null ? 0 : known.count();
	}

	/**
	 * How long a username waits after this many failures in a row: nothing up to
	 * {@value #FREE_FAILURES} − 1, then 1 minute doubling per failure, at most an hour.
	 */
	static Duration delayAfter(int failuresInARow) {
		if (failuresInARow < FREE_FAILURES) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failuresInARow - FREE_FAILURES, 20);
		Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
		return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
	}

	/**
	 * Whether two usernames share one count: equal after NFKC, trimming and lower case.
	 */
	static boolean sameUsername(String a, String b) {
		return key(a).equals(key(b));
	}

	private static String key(String username) {
		if (username == null) {
			return "";
		}
		String key = Normalizer.normalize(username, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
		return key.length() > USERNAME_LENGTH ? key.substring(0, USERNAME_LENGTH) : key;
	}

	private static String clip(String username) {
		if (username == null) {
			return "";
		}
		return username.length() > USERNAME_LENGTH ? username.substring(0, USERNAME_LENGTH) : username;
	}

	private void record(Long municipalityId, String username, AuditAction action) {
		String typed = clip(username);
		String actor = typed.isEmpty() ? "(空)" : typed;
		if (municipalityId == null) {
			this.audit.recordWithoutMunicipality(actor, action, TARGET, actor);
		}
		else {
			this.audit.record(municipalityId, actor, action, TARGET, actor);
		}
	}

	private record Failures(int count, Instant lockedUntil, Long municipalityId) {
	}

}
