package jp.madoguchi.reader.card;

import java.util.Map;

/** One read of a card: who it is and the state of each PIN (in {@link Pin} order). */
public record CardReading(CardIdentity identity, Map<Pin, PinStatus> pins) {

	/**
	 * True only when every 4-digit PIN is positively BLOCKED; an UNKNOWN state never
	 * counts as locked.
	 */
	public boolean allFourDigitPinsBlocked() {
		for (Pin pin : Pin.values()) {
			if (pin.fourDigit()) {
				PinStatus status = pins.get(pin);
				if (status == null || status.state() != PinState.BLOCKED) {
					return false;
				}
			}
		}
		return true;
	}
}
