package jp.madoguchi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import jp.madoguchi.reader.json.JsonParser;
import jp.madoguchi.reader.log.ChainVerifier;
import jp.madoguchi.reader.ship.LogShipper;
import jp.madoguchi.reader.ship.StubDeviceEventService;
import jp.madoguchi.reader.ship.StubDeviceEventService.Answer;
import jp.madoguchi.reader.ship.SyntheticLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every refusal of the service (issue 9) ends {@code ship} with one line in Japanese and
 * English naming the code, the file and the line, an exit code per class, and the ship
 * position where it was: the next run sends exactly the refused chunk onward, so nothing
 * is skipped and nothing acknowledged is sent twice. A chunk too large for the service
 * (413) is halved within the run, down to a single line.
 */
class ShipRefusalTest {

	private static final String FILE = "counter-1_2026-11-20.jsonl";

	@TempDir
	Path logDir;

	private Counter counter;

	private StubDeviceEventService service;

	@BeforeEach
	void setUp() throws Exception {
		counter = new Counter(logDir);
		counter.variables.put("MADOGUCHI_KEY", StubDeviceEventService.WORKSTATION_KEY);
		service = new StubDeviceEventService();
	}

	@AfterEach
	void tearDown() {
		service.close();
	}

	private Counter.Run ship() {
		return counter.run("ship", "--service", service.uri().toString(), "--key-env", "MADOGUCHI_KEY");
	}

	/** The acknowledged position, or 0 lines when there is no sidecar. */
	private Properties position(Path file) throws IOException {
		Properties position = new Properties();
		Path sidecar = file.resolveSibling(file.getFileName() + LogShipper.SIDECAR_SUFFIX);
		if (Files.exists(sidecar)) {
			position.load(new StringReader(Files.readString(sidecar, StandardCharsets.UTF_8)));
		}
		else {
			position.setProperty("lines", "0");
		}
		return position;
	}

	private static String oneLine(Counter.Run run) {
		String err = run.err().strip();
		assertFalse(err.isEmpty(), "a message");
		assertFalse(err.contains("\n"), "one line: " + err);
		assertTrue(err.startsWith("エラー: ") && err.contains(" / error: "), "Japanese / English: " + err);
		return err;
	}

	/** The second run sends from the refused chunk's first line, once. */
	private void nextRunSendsFrom(int firstLine, int totalLines, Path file) throws IOException {
		service.refusal = null;
		service.maxBodyBytes = Integer.MAX_VALUE;
		int before = service.requestFirstLines.size();
		Counter.Run again = ship();
		assertEquals(0, again.exitCode(), again.err());
		assertEquals(firstLine, service.requestFirstLines.get(before), "resent from the refused chunk");
		Map<String, Object> summary = JsonParser.parseObject(again.onlyLine());
		assertEquals((long) totalLines - firstLine + 1, summary.get("linesSent"));
		assertEquals((long) totalLines - firstLine + 1, summary.get("accepted"));
		assertEquals(0L, summary.get("duplicates"), "nothing acknowledged is sent twice");
		assertEquals(totalLines, service.storedEvents(), "nothing skipped");
		assertEquals(Integer.toString(totalLines), position(file).getProperty("lines"));
	}

	@ParameterizedTest(name = "{0}/{1}")
	@CsvSource(nullValues = "-", quoteCharacter = '"',
			value = { "CHAIN_BROKEN, EDITED, CHAIN_BROKEN/EDITED, a line was edited, 行の内容が書き換えられています",
					"CHAIN_FORKED, -, CHAIN_FORKED, a second chain, 2本目のチェーン",
					"CHAIN_BROKEN, CHAIN_FORKED, CHAIN_BROKEN/CHAIN_FORKED, a second chain, 2本目のチェーン",
					"CHAIN_SPLICED, CHAIN_SPLICED, CHAIN_SPLICED, another workstation's lines continue, 別の端末の行",
					"CHAIN_BROKEN, CHAIN_SPLICED, CHAIN_BROKEN/CHAIN_SPLICED, another workstation's lines, 別の端末の行",
					"EVENT_REWRITTEN, -, EVENT_REWRITTEN, came again with other content, 内容を変えて再送",
					"CHAIN_BROKEN, EVENT_REWRITTEN, CHAIN_BROKEN/EVENT_REWRITTEN, came again with other, 内容を変えて",
					"WORKSTATION_MISMATCH, -, WORKSTATION_MISMATCH, a line's workstation, 端末名",
					"CHAIN_BROKEN, OTHER_WORKSTATION, CHAIN_BROKEN/OTHER_WORKSTATION, a line's workstation, 端末名" })
	void aTamperingRefusalStopsWithExit14AndTheNextRunResendsExactlyTheRefusedChunk(String code, String problem,
			String shown, String english, String japanese) throws Exception {
		Path file = SyntheticLog.write(logDir, "counter-1", "2026-11-20", 7000);
		service.refusal = (firstLine,
				lines) -> firstLine == 5001
						? new Answer(422,
								"{\"code\":\"" + code + "\",\"message\":\"5003行目: 記録が拒否されました。\""
										+ (problem == null ? "" : ",\"problem\":\"" + problem + "\"") + ",\"line\":3}")
						: null;

		Counter.Run run = ship();

		assertEquals(Fault.SHIP_REJECTED.exitCode, run.exitCode(), run.err());
		assertEquals(14, run.exitCode());
		String err = oneLine(run);
		assertTrue(err.contains("[" + shown + ", " + FILE + " line 5003]"), err);
		assertTrue(err.contains("[" + shown + ", " + FILE + " 5003行目]"), err);
		assertTrue(err.contains(english) && err.contains(japanese), err);
		assertTrue(err.contains("nothing from line 5001 on was sent") && err.contains("5001行目以降は未送信"), err);
		assertTrue(err.contains("サービスの説明: 5003行目: 記録が拒否されました。"), "the service's own words: " + err);
		assertEquals(List.of(1, 5001), service.requestFirstLines);
		Properties position = position(file);
		assertEquals("5000", position.getProperty("lines"), "the refused chunk did not move the position");
		assertEquals(ChainVerifier.hashOf(Files.readAllLines(file, StandardCharsets.UTF_8).get(4999)),
				position.getProperty("lastHash"));

		Counter.Run refusedAgain = ship();
		assertEquals(14, refusedAgain.exitCode(), "refused again, still from the same line");
		assertEquals(List.of(1, 5001, 5001), service.requestFirstLines);
		assertEquals("5000", position(file).getProperty("lines"));

		nextRunSendsFrom(5001, 7000, file);
	}

	@Test
	void aValueTooLongIsExit19NamingTheField() throws Exception {
		Path file = SyntheticLog.write(logDir, "counter-1", "2026-11-20", 5);
		service.refusal = (firstLine, lines) -> new Answer(422,
				"{\"code\":\"FIELD_TOO_LONG\",\"message\":\"項目「operator」は64文字以内で入力してください。\","
						+ "\"problem\":\"FIELD_TOO_LONG\",\"line\":2,\"field\":\"operator\"}");

		Counter.Run run = ship();

		assertEquals(19, run.exitCode(), run.err());
		assertEquals(Fault.SHIP_TOO_LARGE.exitCode, run.exitCode());
		String err = oneLine(run);
		assertTrue(err.contains("the value of operator is too long [FIELD_TOO_LONG, " + FILE + " line 2]"), err);
		assertTrue(err.contains("項目「operator」の値が長すぎます [FIELD_TOO_LONG, " + FILE + " 2行目]"), err);
		assertEquals("0", position(file).getProperty("lines"));
		nextRunSendsFrom(1, 5, file);
	}

	@Test
	void aChunkTooLargeIsHalvedWithinTheRunAndEveryLineGoesOnce() throws Exception {
		Path file = SyntheticLog.write(logDir, "counter-1", "2026-11-20", 7000);
		int longest = Files.readAllLines(file, StandardCharsets.UTF_8)
			.stream()
			.mapToInt(String::length)
			.max()
			.getAsInt();
		// 1,250 lines fit, 2,500 do not.
		service.maxBodyBytes = (longest + 1) * 1250;

		Counter.Run run = ship();

		assertEquals(0, run.exitCode(), run.err());
		assertEquals(List.of(5000, 2500, 1250, 1250, 1250, 1250, 1250, 750), service.requestLineCounts);
		assertEquals(List.of(1, 1, 1, 1251, 2501, 3751, 5001, 6251), service.requestFirstLines);
		Map<String, Object> summary = JsonParser.parseObject(run.onlyLine());
		assertEquals(7000L, summary.get("linesSent"));
		assertEquals(7000L, summary.get("accepted"));
		assertEquals(0L, summary.get("duplicates"));
		assertEquals(7000, service.storedEvents());
		assertEquals("7000", position(file).getProperty("lines"));
	}

	@Test
	void aSingleLineTooLargeStopsThereWithExit19AndTheLinesBeforeItAreShipped() throws Exception {
		Path file = SyntheticLog.write(logDir, "counter-1", "2026-11-20", 10, line -> line == 4 ? 50_000 : 0);
		service.maxBodyBytes = 20_000;

		Counter.Run run = ship();

		assertEquals(19, run.exitCode(), run.err());
		String err = oneLine(run);
		assertTrue(err.contains("a single line is over the service's size limit [DEVICE_LOG_TOO_LARGE, " + FILE
				+ " line 4]; nothing from line 4 on was sent"), err);
		assertTrue(err.contains("1行だけでもサービスの上限を超えています [DEVICE_LOG_TOO_LARGE, " + FILE + " 4行目]"), err);
		// 10 → 5 refused; 1-3 accepted; 4-6, 4-5, 4 refused.
		assertEquals(List.of(10, 5, 3, 3, 2, 1), service.requestLineCounts);
		assertEquals(List.of(1, 1, 1, 4, 4, 4), service.requestFirstLines);
		assertEquals(3, service.storedEvents());
		assertEquals("3", position(file).getProperty("lines"), "the lines before the large one are acknowledged");

		nextRunSendsFrom(4, 10, file);
	}

	@ParameterizedTest(name = "HTTP {0} {1}")
	@CsvSource(delimiter = '|', value = {
			"422|{\"code\":\"SOMETHING_NEW\",\"message\":\"新しい理由\",\"line\":1}|14|SOMETHING_NEW|"
					+ "a reason this adapter does not know [SOMETHING_NEW, " + FILE + " line 1]",
			"400|{\"code\":\"BAD_DEVICE_LOG_EMPTY\",\"message\":\"送信された記録が空です。\"}|20|BAD_DEVICE_LOG_EMPTY|"
					+ "the service found the body empty [BAD_DEVICE_LOG_EMPTY, " + FILE + "]",
			"400|{\"code\":\"BAD_DEVICE_LOG_TOO_MANY\",\"message\":\"多すぎます\"}|20|BAD_DEVICE_LOG_TOO_MANY|"
					+ "too many lines",
			"400|{\"code\":\"MALFORMED_REQUEST\"}|20|MALFORMED_REQUEST|HTTP 400, a refusal this adapter does not know",
			"409|{\"code\":\"X_CONFLICT\",\"message\":\"競合\"}|20|X_CONFLICT|HTTP 409",
			"404|<html>Not Found</html>|20|?|HTTP 404, a refusal this adapter does not know [?, " + FILE
					+ "]; nothing from line 1 on was sent",
			"401|{\"code\":\"UNAUTHORIZED\",\"message\":\"認証が必要です\"}|16|UNAUTHORIZED|HTTP 401 [UNAUTHORIZED, " + FILE
					+ "]",
			"403|{\"code\":\"FORBIDDEN\",\"message\":\"別の端末の鍵です\"}|16|FORBIDDEN|HTTP 403 [FORBIDDEN",
			"422|{\"code\":\"lower case\\u000a\",\"line\":99}|14|?|" + "a reason this adapter does not know [?, " + FILE
					+ "];" })
	void everyOtherRefusalNamesTheCodeAndKeepsThePosition(int status, String json, int exit, String code,
			String english) throws Exception {
		Path file = SyntheticLog.write(logDir, "counter-1", "2026-11-20", 3);
		service.refusal = (firstLine, lines) -> new Answer(status, json);

		Counter.Run run = ship();

		assertEquals(exit, run.exitCode(), run.err());
		String err = oneLine(run);
		assertTrue(err.contains("[" + code), err);
		assertTrue(err.contains(english), err);
		assertEquals("0", position(file).getProperty("lines"));
		nextRunSendsFrom(1, 3, file);
	}

	@Test
	void theServicesMessageIsShownOnOneBoundedLine() throws Exception {
		SyntheticLog.write(logDir, "counter-1", "2026-11-20", 3);
		String hostile = "一行目\\n二行目\\r\\u2028\\u202e" + "長".repeat(5000);
		service.refusal = (firstLine, lines) -> new Answer(422,
				"{\"code\":\"CHAIN_FORKED\",\"message\":\"" + hostile + "\",\"line\":1}");

		Counter.Run run = ship();

		assertEquals(14, run.exitCode());
		String err = oneLine(run);
		assertTrue(err.contains("サービスの説明: 一行目 二行目 長長"), err);
		assertFalse(err.contains("\u202e") || err.contains("\u2028") || err.contains("\r"), err);
		assertTrue(err.length() < 1000, "bounded: " + err.length());
	}

	@Test
	void tooManyRequestsIsRetriedLikeAServerError() throws Exception {
		Path file = SyntheticLog.write(logDir, "counter-1", "2026-11-20", 3);
		int[] calls = { 0 };
		service.refusal = (firstLine, lines) -> calls[0]++ < 2 ? new Answer(429, "{\"code\":\"SLOW_DOWN\"}") : null;

		Counter.Run run = ship();

		assertEquals(0, run.exitCode(), run.err());
		assertEquals(List.of(1, 1, 1), service.requestFirstLines);
		assertEquals(3, service.storedEvents());
		assertEquals("3", position(file).getProperty("lines"));
	}

}
