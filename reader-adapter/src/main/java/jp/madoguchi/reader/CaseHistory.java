package jp.madoguchi.reader;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.madoguchi.reader.card.CardIdentity;
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

	/** The card of the case's most recent successful card reading, if any. */
	static Optional<CardIdentity> lastCardOf(DailyEventLog log, String caseId) throws IOException {
		CardIdentity latest = null;
		OffsetDateTime latestTime = null;
		for (Path file : log.files()) {
			for (String line : DailyEventLog.completeLines(file)) {
				if (!line.contains(caseId)) {
					continue; // cheap filter before parsing
				}
				Map<String, Object> event;
				try {
					event = JsonParser.parseObject(line);
				}
				catch (IllegalArgumentException e) {
					continue; // a damaged line is the verifier's business, not evidence
								// of a card
				}
				if (!caseId.equals(event.get("caseId")) || !CARD_READING_COMMANDS.contains(event.get("command"))
						|| !(event.get("card") instanceof Map<?, ?> card)
						|| !(card.get("fingerprint") instanceof String) || isFault(event.get("outcome"))) {
					continue;
				}
				OffsetDateTime time = OffsetDateTime.parse((String) event.get("time"));
				if (latestTime == null || !time.isBefore(latestTime)) {
					latestTime = time;
					latest = new CardIdentity((String) card.get("fingerprint"), (String) card.get("certSerial"),
							(String) card.get("notAfter"), (String) card.get("cardSerialHash"));
				}
			}
		}
		return Optional.ofNullable(latest);
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
