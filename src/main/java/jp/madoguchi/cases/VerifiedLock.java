package jp.madoguchi.cases;

import java.time.OffsetDateTime;

/**
 * A lock the reader adapter verified on the case's card ({@code verify-lock}, outcome
 * {@code LOCKED}), as the cases module heard of it.
 */
public record VerifiedLock(String eventId, OffsetDateTime eventTime, String workstation, boolean byWorkstationKey) {
}
