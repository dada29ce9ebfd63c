package jp.madoguchi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import jp.madoguchi.reader.emulator.EmulatedMyNumberCard;
import jp.madoguchi.reader.emulator.EmulatedMyNumberCard.State;
import jp.madoguchi.reader.json.JsonParser;
import jp.madoguchi.reader.log.DailyEventLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The local log decides which card {@code lock} may block. A line of the case that is not
 * strict JSON (or a reading with a malformed time or card) may be the case's latest
 * reading, so {@code lock} and {@code record-annotation} refuse with one line (exit 18)
 * and never touch a card. Before, such a line was skipped and an older reading — another
 * card — was trusted.
 */
class DamagedLogTest {

	@TempDir
	Path logDir;

	private Counter counter;

	private EmulatedMyNumberCard cardA;

	@BeforeEach
	void setUp() {
		counter = new Counter(logDir);
	}

	/**
	 * Case C-5 was read with card A, then with card B: B is the case's card (line 2).
	 * Card A is back in the reader.
	 */
	private Path caseReadWithAThenB() throws IOException {
		counter.insert(Counter.READER_A, State.TEMPORARY_PIN_SET, "card-a");
		assertEquals(0, counter.run("read", "--case", "C-5", "--operator", "clerk-7").exitCode());
		counter.remove(Counter.READER_A);
		counter.insert(Counter.READER_A, State.TEMPORARY_PIN_SET, "card-b");
		assertEquals(0, counter.run("read", "--case", "C-5", "--operator", "clerk-7").exitCode());
		counter.remove(Counter.READER_A);
		cardA = counter.insert(Counter.READER_A, State.TEMPORARY_PIN_SET, "card-a");
		List<Path> files = new DailyEventLog(logDir, "counter-1").files();
		assertEquals(1, files.size());
		return files.get(0);
	}

	private static void editLine(Path file, int index, UnaryOperator<String> edit) throws IOException {
		List<String> lines = new ArrayList<>(DailyEventLog.completeLines(file));
		String edited = edit.apply(lines.get(index));
		assertFalse(edited.equals(lines.get(index)), "the edit changed the line");
		lines.set(index, edited);
		Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
	}

	static Stream<Arguments> damages() {
		return Stream.of(
				Arguments.of("duplicate member",
						(UnaryOperator<String>) line -> line.replace("\"outcome\":\"READ\"",
								"\"outcome\":\"READ\",\"outcome\":\"READ\""),
						"duplicate member name"),
				Arguments.of("leading zero",
						(UnaryOperator<String>) line -> line.replaceFirst("\"triesLeft\":3", "\"triesLeft\":03"),
						"leading zero in a number"),
				Arguments.of("plus sign",
						(UnaryOperator<String>) line -> line.replaceFirst("\"triesLeft\":3", "\"triesLeft\":+3"),
						"unexpected character"),
				Arguments.of("\\u-041",
						(UnaryOperator<String>) line -> line.replace("\"operator\":\"clerk-7\"",
								"\"operator\":\"clerk-7\\u-041\""),
						"\\u not followed by four hex digits"),
				Arguments.of("cut short",
						(UnaryOperator<String>) line -> line.substring(0, line.indexOf("\"command\"")),
						"unexpected end"),
				Arguments.of("100,000 [",
						(UnaryOperator<String>) line -> line.replace("\"outcome\":\"READ\"",
								"\"outcome\":\"READ\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000)),
						"nested deeper than 64 arrays/objects"),
				Arguments.of("time not a date-time",
						(UnaryOperator<String>) line -> line.replaceFirst("\"time\":\"[^\"]*\"",
								"\"time\":\"yesterday\""),
						"time is not a date-time"),
				Arguments.of(
						"certSerial not a string", (UnaryOperator<String>) line -> line
							.replaceFirst("\"certSerial\":\"[^\"]*\"", "\"certSerial\":7"),
						"card.certSerial is not a string"));
	}

	@Test
	void withoutDamageTheCaseCardIsTheLatestReading() throws IOException {
		caseReadWithAThenB();
		Counter.Run lock = counter.run("lock", "--case", "C-5", "--operator", "clerk-7", "--confirm");
		assertEquals(Fault.CARD_MISMATCH.exitCode, lock.exitCode(), lock.err());
		assertEquals(3, cardA.triesLeft(EmulatedMyNumberCard.JPKI, 0x0018));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("damages")
	void lockRefusesWhenALineOfTheCaseIsDamagedAndTouchesNoCard(String name, UnaryOperator<String> damage,
			String reason) throws IOException {
		Path file = caseReadWithAThenB();
		editLine(file, 1, damage);

		Counter.Run lock = counter.run("lock", "--case", "C-5", "--operator", "clerk-7", "--confirm");

		assertEquals(18, lock.exitCode(), lock.err());
		assertEquals(
				Fault.LOG_DAMAGED.message(file.getFileName() + ", line 2: "
						+ (reason.startsWith("time") || reason.startsWith("card") ? reason
								: "invalid JSON: " + reason + " at offset ")),
				lock.err().strip().replaceFirst("offset \\d+\\)$", "offset )"));
		assertEquals("LOG_DAMAGED", JsonParser.parseObject(lock.onlyLine()).get("outcome"), "the refusal is logged");
		assertEquals(3, cardA.triesLeft(EmulatedMyNumberCard.JPKI, 0x0018), "card A untouched");
		assertEquals(3, cardA.triesLeft(EmulatedMyNumberCard.COMMON, 0x001C), "card A untouched");
	}

	@Test
	void recordAnnotationRefusesToo() throws IOException {
		editLine(caseReadWithAThenB(), 1,
				line -> line.replace("\"outcome\":\"READ\"", "\"outcome\":\"READ\",\"outcome\":\"READ\""));
		Counter.Run annotation = counter.run("record-annotation", "--case", "C-5", "--operator", "clerk-7");
		assertEquals(18, annotation.exitCode(), annotation.err());
		assertTrue(annotation.err().startsWith("エラー: この案件の操作ログに読み取れない行があります"), annotation.err());
		assertEquals("LOG_DAMAGED", JsonParser.parseObject(annotation.onlyLine()).get("outcome"));
	}

	@Test
	void aDamagedLineOfAnotherCaseDoesNotStopTheLock() throws IOException {
		cardA = counter.insert(Counter.READER_A, State.TEMPORARY_PIN_SET, "card-a");
		assertEquals(0, counter.run("read", "--case", "C-5", "--operator", "clerk-7").exitCode());
		assertEquals(0, counter.run("read", "--case", "C-6", "--operator", "clerk-7").exitCode());
		editLine(new DailyEventLog(logDir, "counter-1").files().get(0), 1,
				line -> line.replace("\"outcome\":\"READ\"", "\"outcome\":\"READ\",\"outcome\":\"READ\""));

		Counter.Run lock = counter.run("lock", "--case", "C-5", "--operator", "clerk-7", "--confirm");

		assertEquals(0, lock.exitCode(), lock.err());
		assertEquals(0, cardA.triesLeft(EmulatedMyNumberCard.JPKI, 0x0018));
	}

}
