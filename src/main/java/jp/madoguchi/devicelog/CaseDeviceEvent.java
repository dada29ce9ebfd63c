package jp.madoguchi.devicelog;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A stored device event of a case, as the reconciliation weighs it (no raw line).
 *
 * @param logDay the workstation-day whose chain holds it
 * @param byWorkstationKey shipped with the counter PC's own key (not a person's account)
 */
public record CaseDeviceEvent(long caseId, String eventId, OffsetDateTime time, String workstation, LocalDate logDay,
		String command, String outcome, String cardFingerprint, boolean byWorkstationKey) {

	public boolean verifiedLocked() {
		return "verify-lock".equals(command) && "LOCKED".equals(outcome);
	}

	public boolean verifiedNotLocked() {
		return "verify-lock".equals(command) && "NOT_LOCKED".equals(outcome);
	}

}
