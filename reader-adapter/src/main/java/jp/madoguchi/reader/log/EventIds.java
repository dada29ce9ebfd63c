package jp.madoguchi.reader.log;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Event ids: time-ordered UUIDs (version 7, RFC 9562) — 48 bits of Unix milliseconds,
 * then 74 random bits. The service keeps every event once by its id; ids that grow with
 * time land at the right edge of its unique index, where random ids (version 4) would
 * rewrite index pages all over it on every chunk (docs/device-log.md).
 */
public final class EventIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private EventIds() {
	}

	/** A new id for an event that happened at {@code epochMillis}. */
	public static String next(long epochMillis) {
		return of(epochMillis, RANDOM.nextLong(), RANDOM.nextLong()).toString();
	}

	static UUID of(long epochMillis, long randomA, long randomB) {
		if (epochMillis < 0 || epochMillis >= 1L << 48) {
			throw new IllegalArgumentException("time outside UUIDv7's 48 bits: " + epochMillis);
		}
		long most = epochMillis << 16 | 0x7000L | randomA & 0x0FFFL;
		long least = Long.MIN_VALUE | randomB & 0x3FFF_FFFF_FFFF_FFFFL;
		return new UUID(most, least);
	}

}
