package jp.madoguchi.reader;

import java.time.OffsetDateTime;
import java.util.Map;
import jp.madoguchi.reader.card.CardIdentity;
import jp.madoguchi.reader.card.Pin;
import jp.madoguchi.reader.card.PinStatus;
import jp.madoguchi.reader.json.JsonObjectBuilder;
import jp.madoguchi.reader.log.EventIds;

/**
 * One event before it is sealed into the log. Member order is fixed (the line is hashed
 * as text) and follows the command contract; optional members ({@code detail},
 * {@code annotation}, {@code countersignedBy}) come after {@code pins} and only when set.
 */
final class DeviceEvent {

	final String command;

	final String caseId;

	final String operator;

	String reader;

	String outcome;

	CardIdentity card;

	Map<Pin, PinStatus> pins;

	String detail;

	String annotation;

	String countersignedBy;

	DeviceEvent(String command, String caseId, String operator) {
		this.command = command;
		this.caseId = caseId;
		this.operator = operator;
	}

	/**
	 * The event as a JSON object without closing brace, ready to be sealed with prevHash
	 * and hash.
	 */
	String toOpenJson(OffsetDateTime time, String workstation) {
		JsonObjectBuilder json = new JsonObjectBuilder().add("eventId", EventIds.next(time.toInstant().toEpochMilli()))
			.add("time", isoTime(time))
			.add("workstation", workstation)
			.add("reader", reader)
			.add("operator", operator)
			.add("caseId", caseId)
			.add("command", command)
			.add("outcome", outcome)
			.add("card",
					card == null ? null
							: new JsonObjectBuilder().add("fingerprint", card.fingerprint())
								.add("certSerial", card.certSerial())
								.add("notAfter", card.notAfter())
								.add("cardSerialHash", card.cardSerialHash()))
			.add("pins", pins == null ? null : pinsJson());
		if (detail != null) {
			json.add("detail", detail);
		}
		if (annotation != null) {
			json.add("annotation", annotation);
		}
		if (countersignedBy != null) {
			json.add("countersignedBy", countersignedBy);
		}
		return json.toOpenJson();
	}

	/**
	 * ISO-8601 with milliseconds and offset, fixed width (e.g.
	 * 2026-11-21T19:05:00.120+09:00). Written by hand: DateTimeFormatter costs tens of
	 * milliseconds of class loading on every start of the program.
	 */
	static String isoTime(OffsetDateTime time) {
		StringBuilder text = new StringBuilder(29);
		pad(text, time.getYear(), 4).append('-');
		pad(text, time.getMonthValue(), 2).append('-');
		pad(text, time.getDayOfMonth(), 2).append('T');
		pad(text, time.getHour(), 2).append(':');
		pad(text, time.getMinute(), 2).append(':');
		pad(text, time.getSecond(), 2).append('.');
		pad(text, time.getNano() / 1_000_000, 3);
		int offsetSeconds = time.getOffset().getTotalSeconds();
		if (offsetSeconds == 0) {
			return text.append('Z').toString();
		}
		text.append(offsetSeconds < 0 ? '-' : '+');
		int minutes = Math.abs(offsetSeconds) / 60;
		pad(text, minutes / 60, 2).append(':');
		return pad(text, minutes % 60, 2).toString();
	}

	private static StringBuilder pad(StringBuilder text, int value, int width) {
		String digits = Integer.toString(value);
		for (int i = digits.length(); i < width; i++) {
			text.append('0');
		}
		return text.append(digits);
	}

	private JsonObjectBuilder pinsJson() {
		JsonObjectBuilder json = new JsonObjectBuilder();
		for (Pin pin : Pin.values()) {
			PinStatus status = pins.get(pin);
			json.add(pin.jsonName(),
					status == null ? null
							: new JsonObjectBuilder().add("triesLeft", status.triesLeft())
								.add("state", status.state().name())
								.add("sw", status.sw()));
		}
		return json;
	}

}
