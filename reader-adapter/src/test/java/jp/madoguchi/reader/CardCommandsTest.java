package jp.madoguchi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jp.madoguchi.reader.emulator.EmulatedMyNumberCard;
import jp.madoguchi.reader.emulator.EmulatedMyNumberCard.State;
import jp.madoguchi.reader.json.JsonParser;
import jp.madoguchi.reader.log.ChainVerifier;
import jp.madoguchi.reader.log.DailyEventLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The command contract, run in-process against emulated cards in jCardSim's
 * javax.smartcardio terminals.
 */
class CardCommandsTest {

	@TempDir
	Path logDir;

	private Counter counter;

	@BeforeEach
	void setUp() {
		counter = new Counter(logDir);
	}

	private static Map<String, Object> json(String line) {
		return JsonParser.parseObject(line);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> member(Map<String, Object> object, String... path) {
		Map<String, Object> current = object;
		for (String name : path) {
			current = (Map<String, Object>) current.get(name);
		}
		return current;
	}

	private List<String> loggedLines() throws Exception {
		List<Path> files = new DailyEventLog(logDir, "counter-1").files();
		assertEquals(1, files.size());
		return DailyEventLog.completeLines(files.get(0));
	}

	@Test
	void readPrintsTheLoggedEventWithEveryContractField() throws Exception {
		counter.insert(Counter.READER_A, State.FRESH, "card-a");

		Counter.Run run = counter.run("read", "--case", "C-100", "--operator", "clerk-7");

		assertEquals(0, run.exitCode(), run.err());
		Map<String, Object> event = json(run.onlyLine());
		assertEquals(List.of("eventId", "time", "workstation", "reader", "operator", "caseId", "command", "outcome",
				"card", "pins", "prevHash", "hash"), List.copyOf(event.keySet()));
		assertEquals("counter-1", event.get("workstation"));
		assertEquals(Counter.READER_A, event.get("reader"));
		assertEquals("clerk-7", event.get("operator"));
		assertEquals("C-100", event.get("caseId"));
		assertEquals("read", event.get("command"));
		assertEquals("READ", event.get("outcome"));
		assertEquals(List.of("fingerprint", "certSerial", "notAfter", "cardSerialHash"),
				List.copyOf(member(event, "card").keySet()));
		assertEquals(List.of("jpkiAuth", "cardInfoInput", "residentRegistry", "commonAp", "jpkiSign"),
				List.copyOf(member(event, "pins").keySet()));
		assertEquals(Map.of("triesLeft", 3L, "state", "OK", "sw", "63C3"), member(event, "pins", "jpkiAuth"));
		assertTrue(((String) event.get("time"))
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)"));
		assertEquals(List.of(run.onlyLine()), loggedLines());
		assertTrue(ChainVerifier.verify(loggedLines()).intact());
	}

	@Test
	void verifyLockSucceedsOnlyWhenEveryFourDigitPinIsBlocked() throws Exception {
		counter.insert(Counter.READER_A, State.PARTLY_LOCKED, "card-a");
		Counter.Run partly = counter.run("verify-lock", "--case", "C-1", "--operator", "clerk-7");
		assertEquals(1, partly.exitCode());
		assertEquals("NOT_LOCKED", json(partly.onlyLine()).get("outcome"));
		assertTrue(partly.err().contains("residentRegistry=2 tries"), partly.err());

		counter.remove(Counter.READER_A);
		counter.insert(Counter.READER_A, State.FULLY_LOCKED, "card-a");
		Counter.Run fully = counter.run("verify-lock", "--case", "C-1", "--operator", "clerk-7");
		assertEquals(0, fully.exitCode(), fully.err());
		assertEquals("LOCKED", json(fully.onlyLine()).get("outcome"));
		assertEquals("6983", member(json(fully.onlyLine()), "pins", "commonAp").get("sw"));

		List<String> lines = loggedLines();
		assertEquals(2, lines.size());
		assertTrue(ChainVerifier.verify(lines).intact());
	}

	@Test
	void verifyLockOnAFreshCardFails() {
		counter.insert(Counter.READER_A, State.FRESH, "card-a");
		assertEquals(1, counter.run("verify-lock", "--case", "C-1", "--operator", "clerk-7").exitCode());
	}

	@Test
	void lockBlocksEveryFourDigitPinOfTheCaseCard() {
		EmulatedMyNumberCard card = counter.insert(Counter.READER_A, State.TEMPORARY_PIN_SET, "card-a");
		assertEquals(0, counter.run("read", "--case", "C-2", "--operator", "clerk-7").exitCode());

		Counter.Run lock = counter.run("lock", "--case", "C-2", "--operator", "clerk-7", "--confirm");

		assertEquals(0, lock.exitCode(), lock.err());
		assertEquals("LOCKED", json(lock.onlyLine()).get("outcome"));
		assertEquals(0, card.triesLeft(EmulatedMyNumberCard.JPKI, 0x0018));
		assertEquals(5, card.triesLeft(EmulatedMyNumberCard.JPKI, 0x001B), "signature password untouched");
		assertEquals(0, counter.run("verify-lock", "--case", "C-2", "--operator", "clerk-8").exitCode());
	}

	@Test
	void lockRefusesACardNeverReadForTheCase() {
		EmulatedMyNumberCard card = counter.insert(Counter.READER_A, State.FRESH, "card-a");
		Counter.Run lock = counter.run("lock", "--case", "C-3", "--operator", "clerk-7", "--confirm");
		assertEquals(11, lock.exitCode());
		assertEquals("CASE_CARD_UNKNOWN", json(lock.onlyLine()).get("outcome"));
		assertEquals(3, card.triesLeft(EmulatedMyNumberCard.JPKI, 0x0018));
	}

	@Test
	void lockRefusesAnotherPersonsCard() {
		counter.insert(Counter.READER_A, State.FRESH, "card-a");
		assertEquals(0, counter.run("read", "--case", "C-4", "--operator", "clerk-7").exitCode());
		counter.remove(Counter.READER_A);
		EmulatedMyNumberCard other = counter.insert(Counter.READER_A, State.FRESH, "card-b");

		Counter.Run lock = counter.run("lock", "--case", "C-4", "--operator", "clerk-7", "--confirm");

		assertEquals(10, lock.exitCode());
		assertEquals("CARD_MISMATCH", json(lock.onlyLine()).get("outcome"));
		for (int ef : new int[] { 0x0018 }) {
			assertEquals(3, other.triesLeft(EmulatedMyNumberCard.JPKI, ef));
		}
		assertEquals(3, other.triesLeft(EmulatedMyNumberCard.COMMON, 0x001C));
	}

	@Test
	void lockNeedsConfirmAndLogsNothingWithout() throws Exception {
		EmulatedMyNumberCard card = counter.insert(Counter.READER_A, State.FRESH, "card-a");
		Counter.Run lock = counter.run("lock", "--case", "C-5", "--operator", "clerk-7");
		assertEquals(2, lock.exitCode());
		assertTrue(lock.out().isEmpty());
		assertEquals(0, card.apduCount());
		assertTrue(new DailyEventLog(logDir, "counter-1").files().isEmpty());
	}

	@Test
	void noReaderNoCardAndTwoCardsEachHaveTheirOwnExitCode() {
		Counter.Run noReader = new Counter(logDir, new String[0]).run("read", "--case", "C-6", "--operator", "clerk-7");
		assertEquals(4, noReader.exitCode(), noReader.err());
		assertEquals("NO_READER", json(noReader.onlyLine()).get("outcome"));

		Counter oneReader = new Counter(logDir, new String[] { "Only Reader" });
		Counter.Run noCard = oneReader.run("read", "--case", "C-6", "--operator", "clerk-7");
		assertEquals(5, noCard.exitCode());
		assertEquals("NO_CARD", json(noCard.onlyLine()).get("outcome"));
		assertTrue(noCard.err().contains("カードリーダーにカードがありません") && noCard.err().contains("no card"));
		assertFalse(noCard.err().contains("\tat "), "no stack trace");

		Counter.Run unknownReader = oneReader.run("read", "--case", "C-6", "--operator", "clerk-7", "--reader", "X");
		assertEquals(4, unknownReader.exitCode());

		counter.insert(Counter.READER_A, State.FRESH, "card-a");
		counter.insert(Counter.READER_B, State.FRESH, "card-b");
		Counter.Run two = counter.run("read", "--case", "C-6", "--operator", "clerk-7");
		assertEquals(6, two.exitCode());
		assertEquals("MULTIPLE_CARDS", json(two.onlyLine()).get("outcome"));
		Counter.Run chosen = counter.run("read", "--case", "C-6", "--operator", "clerk-7", "--reader",
				Counter.READER_B);
		assertEquals(0, chosen.exitCode(), chosen.err());
		assertEquals("5E6F7081", member(json(chosen.onlyLine()), "card").get("certSerial"));
	}

	@Test
	void notAMyNumberCardIsLoggedAsSuch() {
		counter.insert(Counter.READER_A, State.NOT_A_MY_NUMBER_CARD, "card-a");
		Counter.Run run = counter.run("read", "--case", "C-7", "--operator", "clerk-7");
		assertEquals(7, run.exitCode());
		Map<String, Object> event = json(run.onlyLine());
		assertEquals("NOT_MY_NUMBER_CARD", event.get("outcome"));
		assertNull(event.get("card"));
		assertTrue(run.err().contains("マイナンバーカードではありません"));
	}

	@Test
	void unusablePcscLibraryIsNoPcscService() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = ReaderAdapter.run(
				new String[] { "read", "--case", "C-9", "--operator", "clerk-7", "--log-dir", logDir.toString(),
						"--pcsc-library", logDir.resolve("missing-libpcsclite.so").toString() },
				new PrintStream(out, true), new PrintStream(err, true));
		assertEquals(3, code);
		assertTrue(out.toString().contains("\"outcome\":\"NO_PCSC_SERVICE\""));
	}

	@Test
	void recordAnnotationIsBoundToTheCaseCardAndMayBeCountersigned() {
		Counter.Run before = counter.run("record-annotation", "--case", "C-10", "--operator", "clerk-7");
		assertEquals(11, before.exitCode());

		counter.insert(Counter.READER_A, State.FULLY_LOCKED, "card-a");
		String fingerprint = (String) member(
				json(counter.run("verify-lock", "--case", "C-10", "--operator", "clerk-7").onlyLine()), "card")
			.get("fingerprint");
		counter.remove(Counter.READER_A);

		Counter.Run run = counter.run("record-annotation", "--case", "C-10", "--operator", "clerk-7", "--countersign",
				"clerk-8");
		assertEquals(0, run.exitCode(), run.err());
		Map<String, Object> event = json(run.onlyLine());
		assertEquals("ANNOTATION_RECORDED", event.get("outcome"));
		assertEquals("顔認証", event.get("annotation"));
		assertEquals("clerk-8", event.get("countersignedBy"));
		assertEquals(fingerprint, member(event, "card").get("fingerprint"));
		assertEquals(2,
				counter.run("record-annotation", "--case", "C-10", "--operator", "clerk-7", "--countersign", "clerk-7")
					.exitCode());
	}

	@Test
	void readersListsEachReaderAndWhetherACardIsIn() {
		counter.insert(Counter.READER_B, State.FRESH, "card-a");
		Counter.Run run = counter.run("readers");
		assertEquals(0, run.exitCode(), run.err());
		assertEquals(List.of("{\"reader\":\"Emulated Reader A\",\"cardPresent\":false}",
				"{\"reader\":\"Emulated Reader B\",\"cardPresent\":true}"), run.out());
	}

	@Test
	void watchReadsEachInsertedCard() throws Exception {
		counter.insert(Counter.READER_A, State.FULLY_LOCKED, "card-a");
		counter.insert(Counter.READER_B, State.FRESH, "card-b");
		Counter.Run run = counter.run("watch", "--operator", "clerk-7", "--max-cards", "2", "--timeout", "5");
		assertEquals(0, run.exitCode(), run.err());
		assertEquals(2, run.out().size());
		assertEquals("watch", json(run.out().get(0)).get("command"));
		assertTrue(ChainVerifier.verify(loggedLines()).intact());
		assertTrue(Files.exists(logDir));
	}

	@Test
	void eventTimeIsIsoWithMillisecondsAndOffset() {
		OffsetDateTime time = OffsetDateTime.of(2026, 11, 21, 9, 5, 7, 20_000_000, ZoneOffset.ofHours(9));
		assertEquals("2026-11-21T09:05:07.020+09:00", DeviceEvent.isoTime(time));
		assertEquals("2026-11-21T00:05:07.020Z", DeviceEvent.isoTime(time.withOffsetSameInstant(ZoneOffset.UTC)));
		assertEquals("2026-11-21T09:05:07.020-03:30",
				DeviceEvent.isoTime(time.withOffsetSameLocal(ZoneOffset.ofHoursMinutes(-3, -30))));
	}

	@Test
	void missingCaseIsAUsageErrorWithoutEvent() {
		Counter.Run run = counter.run("read", "--operator", "clerk-7");
		assertEquals(2, run.exitCode());
		assertTrue(run.out().isEmpty());
		assertTrue(run.err().contains("--case"));
	}

}
