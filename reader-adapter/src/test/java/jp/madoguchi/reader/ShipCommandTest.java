package jp.madoguchi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.madoguchi.reader.emulator.EmulatedMyNumberCard.State;
import jp.madoguchi.reader.json.JsonParser;
import jp.madoguchi.reader.ship.StubDeviceEventService;
import jp.madoguchi.reader.ship.SyntheticLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.IOException;
import java.util.function.Consumer;
import jp.madoguchi.reader.log.DailyEventLog;

/**
 * {@code ship} against a small in-test service that verifies the chain like the real one
 * must.
 */
class ShipCommandTest {

	@TempDir
	Path logDir;

	private Counter counter;

	private StubDeviceEventService service;

	@BeforeEach
	void setUp() throws Exception {
		counter = new Counter(logDir);
		counter.variables.put("MADOGUCHI_PASSWORD", StubDeviceEventService.PASSWORD);
		counter.variables.put("MADOGUCHI_KEY", StubDeviceEventService.WORKSTATION_KEY);
		service = new StubDeviceEventService();
	}

	@AfterEach
	void tearDown() {
		service.close();
	}

	private Counter.Run ship() {
		return counter.run("ship", "--service", service.uri().toString(), "--user", StubDeviceEventService.USER,
				"--password-env", "MADOGUCHI_PASSWORD");
	}

	private Path threeReadEvents() {
		counter.insert(Counter.READER_A, State.FULLY_LOCKED, "card-a");
		for (int i = 0; i < 3; i++) {
			assertEquals(0, counter.run("read", "--case", "C-" + i, "--operator", "clerk-7").exitCode());
		}
		try {
			return new DailyEventLog(logDir, "counter-1").files().get(0);
		}
		catch (IOException e) {
			throw new AssertionError(e);
		}
	}

	@Test
	void shipsNewEventsOnceAsNdjsonAndRemembersThePosition() throws Exception {
		threeReadEvents();

		Counter.Run first = ship();
		assertEquals(0, first.exitCode(), first.err());
		Map<String, Object> summary = JsonParser.parseObject(first.onlyLine());
		assertEquals(3L, summary.get("accepted"));
		assertEquals("application/x-ndjson", service.lastContentType);

		assertEquals(0, counter.run("read", "--case", "C-9", "--operator", "clerk-7").exitCode());
		Counter.Run second = ship();
		assertEquals(0, second.exitCode(), second.err());
		assertEquals(1L, JsonParser.parseObject(second.onlyLine()).get("linesSent"));
		assertEquals(4, service.storedEvents());

		Counter.Run third = ship();
		assertEquals(0L, JsonParser.parseObject(third.onlyLine()).get("linesSent"));
	}

	@Test
	void bigFilesGoInChunksOfAtMost5000LinesThatEachContinueTheChain() throws Exception {
		SyntheticLog.write(logDir, "counter-1", "2026-11-20", 12_001);
		Counter.Run run = ship();
		assertEquals(0, run.exitCode(), run.err());
		assertEquals(List.of(5000, 5000, 2001), service.requestLineCounts);
		assertEquals(12_001, service.storedEvents());
	}

	@Test
	void workstationKeyIsAnAlternativeToAUser() throws Exception {
		threeReadEvents();
		Counter.Run run = counter.run("ship", "--service", service.uri().toString(), "--key-env", "MADOGUCHI_KEY");
		assertEquals(0, run.exitCode(), run.err());
		assertEquals(3, service.storedEvents());
	}

	@Test
	void retriesAfterServerErrors() throws Exception {
		threeReadEvents();
		service.failNextRequestsWith503.set(2);
		Counter.Run run = ship();
		assertEquals(0, run.exitCode(), run.err());
		assertEquals(3, service.storedEvents());
	}

	@Test
	void givesUpWithAClearMessageWhenTheServiceStaysDown() throws Exception {
		threeReadEvents();
		service.failNextRequestsWith503.set(100);
		Counter.Run run = ship();
		assertEquals(15, run.exitCode());
		assertTrue(run.err().contains("after 5 attempts: HTTP 503"), run.err());
		service.failNextRequestsWith503.set(0);
		assertEquals(0, ship().exitCode(), "the unshipped lines go with the next run");
		assertEquals(3, service.storedEvents());
	}

	@Test
	void wrongPasswordIsUnauthorized() throws Exception {
		threeReadEvents();
		counter.variables.put("MADOGUCHI_PASSWORD", "wrong");
		assertEquals(16, ship().exitCode());
	}

	@Test
	void missingPasswordVariableIsAUsageError() {
		counter.variables.remove("MADOGUCHI_PASSWORD");
		Counter.Run run = ship();
		assertEquals(2, run.exitCode());
		assertTrue(run.err().contains("MADOGUCHI_PASSWORD"));
	}

	private void tamper(Path file, Consumer<List<String>> change) throws Exception {
		List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
		change.accept(lines);
		Files.write(file, lines, StandardCharsets.UTF_8);
	}

	@Test
	void serviceRejectsAnEditedLine() throws Exception {
		Path file = threeReadEvents();
		tamper(file, lines -> lines.set(1, lines.get(1).replace("\"C-1\"", "\"C-X\"")));
		Counter.Run run = ship();
		assertEquals(14, run.exitCode());
		assertTrue(run.err().contains("CHAIN_BROKEN") && run.err().contains("line 2"), run.err());
		assertEquals(0, service.storedEvents());
	}

	@Test
	void serviceRejectsADeletedLine() throws Exception {
		Path file = threeReadEvents();
		tamper(file, lines -> lines.remove(1));
		Counter.Run run = ship();
		assertEquals(14, run.exitCode());
		assertTrue(run.err().contains("line 2"), run.err());
	}

	@Test
	void serviceRejectsSwappedLines() throws Exception {
		Path file = threeReadEvents();
		tamper(file, lines -> lines.add(0, lines.remove(1)));
		Counter.Run run = ship();
		assertEquals(14, run.exitCode());
		assertTrue(run.err().contains("line 1"), run.err());
	}

	@Test
	void changingLinesAfterTheyWereShippedIsDetectedLocally() throws Exception {
		Path file = threeReadEvents();
		assertEquals(0, ship().exitCode());
		tamper(file, lines -> lines.remove(2));
		Counter.Run run = ship();
		assertEquals(17, run.exitCode());
	}

}
