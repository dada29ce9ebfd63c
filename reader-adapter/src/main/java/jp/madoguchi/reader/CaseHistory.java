package jp.madoguchi.reader;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.madoguchi.reader.card.CardIdentity;
import jp.madoguchi.reader.json.JsonParseException;
import jp.madoguchi.reader.json.JsonParser;
import jp.madoguchi.reader.log.DailyEventLog;

/**
 * Looks up, in the local log, which card was read for a case: the basis for {@code lock}
 * and annotations.
 */
final class CaseHistory {

	/** Commands whose card identity was read from the card itself. */
	private static final Set<String> CARD_READING_COMMANDS = Set.of("read", "verify-lock", "watch", "lock");

	private CaseHistory() {
	}

	/**
	 * The card of the case's most recent successful card reading, if any.
	 * @throws AdapterException {@link Fault#LOG_DAMAGED} when a line that mentions the
	 * case is not strict JSON (see {@link JsonParser}) or a reading of the case has a
	 * malformed time or card: such a line may be the case's latest reading, so no card
	 * can be trusted to be the case's card, and {@code lock} must not touch any.
	 */
	static Optional<CardIdentity> lastCardOf(DailyEventLog log, String caseId) throws IOException, AdapterException {
		CardIdentity latest = null;
		OffsetDateTime latestTime = null;
		for (Path file : log.files()) {
			List<String> lines = DailyEventLog.completeLines(file);
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i);
				if (!line.contains(caseId)) {
					continue; // cheap filter before parsing
				}
				Map<String, Object> event;
				try {
					event = JsonParser.parseObject(line);
				}
				catch (JsonParseException e) {
					throw damaged(file, i, e.getMessage());
				}
				if (!caseId.equals(event.get("caseId")) || !CARD_READING_COMMANDS.contains(event.get("command"))
						|| !(event.get("card") instanceof Map<?, ?> card)
						|| !(card.get("fingerprint") instanceof String fingerprint) || isFault(event.get("outcome"))) {
					continue;
				}
				OffsetDateTime time = dateTime(event.get("time"));
				if (time == null) {
					throw damaged(file, i, "time is not a date-time");
				}
				if (latestTime == null || !time.isBefore(latestTime)) {
					latestTime = time;
					latest = new CardIdentity(fingerprint, text(card, "certSerial", file, i),
							text(card, "notAfter", file, i), text(card, "cardSerialHash", file, i));
				}
			}
		}
		return Optional.ofNullable(latest);
	}

	private static OffsetDateTime dateTime(Object value) {
		if (!(value instanceof String text)) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	/** A card member that must be a string or null. */
	private static String text(Map<?, ?> card, String name, Path file, int index) throws AdapterException {
		Object value = card.get(name);
		if (value != null && !(value instanceof String)) {
			throw damaged(file, index, "card." + name + " is not a string");
		}
		return (String) value;
	}

	private static AdapterException damaged(Path file, int index, String what) {
		return new AdapterException(Fault.LOG_DAMAGED, file.getFileName() + ", line " + (index + 1) + ": " + what);
	}

	/**
	 * Error outcomes (except NOT_LOCKED / LOCK_INCOMPLETE, which still read the card
	 * completely).
	 */
	private static boolean isFault(Object outcome) {
		if (!(outcome instanceof String name)) {
			return true;
		}
		for (Fault fault : Fault.values()) {
			if (fault.name().equals(name)) {
				return fault != Fault.NOT_LOCKED && fault != Fault.LOCK_INCOMPLETE;
			}
		}
		return false;
	}

}
