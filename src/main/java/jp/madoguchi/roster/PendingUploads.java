package jp.madoguchi.roster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

import jp.madoguchi.storage.StagedFile;

/**
 * Uploads refused for some rows that the clerk may still import the valid rows of: the
 * staged file (personal data) is kept for {@link #LIFETIME} at most, for the user who
 * uploaded it, and deleted when it is used, when it expires, or at shutdown.
 */
@Component
class PendingUploads {

	static final Duration LIFETIME = Duration.ofMinutes(30);

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	private final Clock clock;

	private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "pending-upload-sweeper");
		t.setDaemon(true);
		return t;
	});

	PendingUploads() {
		this(Clock.systemUTC());
	}

	PendingUploads(Clock clock) {
		this.clock = clock;
		this.sweeper.scheduleWithFixedDelay(this::removeExpired, 1, 1, TimeUnit.MINUTES);
	}

	/**
	 * Holds the file for its user, with the clerk's choice about hidden rows; the token
	 * is what the page posts back.
	 */
	String hold(String username, String fileName, StagedFile staged, boolean includeHiddenRows) {
		removeExpired();
		String token = UUID.randomUUID().toString();
		this.pending.put(token,
				new Pending(username, fileName, staged, includeHiddenRows, this.clock.instant().plus(LIFETIME)));
		return token;
	}

	/**
	 * The held file for this user and token, handed over (the caller discards it); null
	 * when unknown, expired or another user's.
	 */
	Pending take(String username, String token) {
		removeExpired();
		Pending p = this.pending.get(token);
		if (p == null || !p.username().equals(username) || !this.pending.remove(token, p)) {
			return null;
		}
		return p;
	}

	int size() {
		return this.pending.size();
	}

	void removeExpired() {
		Instant now = this.clock.instant();
		this.pending.forEach((token, p) -> {
			if (!p.expires().isAfter(now) && this.pending.remove(token, p)) {
				p.staged().discard();
			}
		});
	}

	@PreDestroy
	void discardAll() {
		this.sweeper.shutdownNow();
		this.pending.forEach((token, p) -> {
			if (this.pending.remove(token, p)) {
				p.staged().discard();
			}
		});
	}

	record Pending(String username, String fileName, StagedFile staged, boolean includeHiddenRows, Instant expires) {
	}

}
