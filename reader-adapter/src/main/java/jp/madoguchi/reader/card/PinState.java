package jp.madoguchi.reader.card;

/**
 * State of one PIN as read from the card. UNKNOWN counts as "not blocked" wherever a lock
 * must be proven.
 */
public enum PinState {

	OK, BLOCKED, UNKNOWN

}
