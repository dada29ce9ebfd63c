package jp.madoguchi.devicelog;

import java.time.OffsetDateTime;

/**
 * A stored device event as screens show it; {@code line} is the event exactly as the
 * adapter logged it.
 */
public record DeviceEvent(String eventId, OffsetDateTime time, String workstation, String operator, String command,
		String outcome, String cardFingerprint, String line) {
}
