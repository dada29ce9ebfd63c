package jp.madoguchi.devicelog;

import java.time.OffsetDateTime;

/**
 * The reader adapter's {@code verify-lock} found all four 4-digit PINs of a case's card
 * blocked (outcome {@code LOCKED}), and the event was accepted into its workstation-day's
 * chain. Published in the transaction that stores the event (Spring Modulith's event
 * registry keeps it until every listener has it); the cases module's lock gate listens.
 *
 * @param caseId the case the adapter was run for ({@code --case})
 * @param byWorkstationKey whether the counter PC shipped it with its own key (a person's
 * account is weaker evidence, see docs/device-log.md)
 */
public record DeviceLockVerified(long municipalityId, long caseId, String eventId, OffsetDateTime eventTime,
		String workstation, String cardFingerprint, boolean byWorkstationKey) {
}
