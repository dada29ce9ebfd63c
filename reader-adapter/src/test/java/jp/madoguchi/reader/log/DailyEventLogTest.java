package jp.madoguchi.reader.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailyEventLogTest {

	private static final LocalDate DAY = LocalDate.of(2026, 11, 21);

	@TempDir
	Path dir;

	@Test
	void appendsChainedLinesThatVerify() throws Exception {
		DailyEventLog log = new DailyEventLog(dir, "窓口PC 1");
		for (int i = 0; i < 3; i++) {
			log.append(DAY, "{\"eventId\":\"e" + i + "\"");
		}
		Path file = log.fileFor(DAY);
		assertTrue(file.getFileName().toString().matches("__PC_1-[0-9a-f]{8}_2026-11-21\\.jsonl"), file.toString());
		assertTrue(!log.fileFor(DAY).equals(new DailyEventLog(dir, "受付PC 1").fileFor(DAY)));
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		assertEquals(3, lines.size());
		assertEquals(ChainVerifier.GENESIS, ChainVerifier.prevHashOf(lines.get(0)));
		assertTrue(ChainVerifier.verifyText(Files.readString(file)).intact());
	}

	@Test
	void eachDayStartsANewChain() throws Exception {
		DailyEventLog log = new DailyEventLog(dir, "ws1");
		log.append(DAY, "{\"eventId\":\"a\"");
		log.append(DAY.plusDays(1), "{\"eventId\":\"b\"");
		assertEquals(ChainVerifier.GENESIS,
				ChainVerifier.prevHashOf(Files.readAllLines(log.fileFor(DAY.plusDays(1))).get(0)));
		assertEquals(2, log.files().size());
	}

	@Test
	void tornTailFromACrashIsMovedAsideAndTheChainContinues() throws Exception {
		DailyEventLog log = new DailyEventLog(dir, "ws1");
		log.append(DAY, "{\"eventId\":\"a\"");
		log.append(DAY, "{\"eventId\":\"b\"");
		Path file = log.fileFor(DAY);
		String before = Files.readString(file);
		String partial = "{\"eventId\":\"c\",\"time\":\"2026-";
		Files.writeString(file, partial, StandardOpenOption.APPEND);
		assertEquals(ChainVerifier.Problem.TORN, ChainVerifier.verifyText(Files.readString(file)).problem());

		DailyEventLog.Appended appended = log.append(DAY, "{\"eventId\":\"d\"");

		assertEquals(partial.length(), appended.tornBytesRemoved());
		String after = Files.readString(file);
		assertTrue(after.startsWith(before), "earlier lines are untouched");
		assertTrue(ChainVerifier.verifyText(after).intact());
		assertEquals(3, ChainVerifier.splitLines(after).size());
		assertEquals(partial + "\n", Files.readString(file.resolveSibling(file.getFileName() + ".torn")));
	}

	@Test
	void repairWithoutAppendingCutsOnlyTheTornTail() throws Exception {
		DailyEventLog log = new DailyEventLog(dir, "ws1");
		log.append(DAY, "{\"eventId\":\"a\"");
		Path file = log.fileFor(DAY);
		Files.writeString(file, "{\"event", StandardOpenOption.APPEND);
		assertEquals(7, log.repair(DAY));
		assertEquals(0, log.repair(DAY));
		assertTrue(ChainVerifier.verifyText(Files.readString(file)).intact());
		assertEquals(1, DailyEventLog.completeLines(file).size());
	}

}
