package jp.madoguchi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import jp.madoguchi.reader.emulator.EmulatedMyNumberCard.State;
import jp.madoguchi.reader.json.JsonParser;
import jp.madoguchi.reader.log.DailyEventLog;
import jp.madoguchi.reader.ship.LogShipper;
import jp.madoguchi.reader.ship.StubDeviceEventService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ship} reads the service's answers with the strict parser: a 200 whose body is
 * not strict JSON (a proxy's page, a truncated or hostile body) is no acknowledgement —
 * one-line failure, position kept, the lines go with the next run; a 422 stays a refusal.
 */
class ServiceAnswerTest {

	@TempDir
	Path logDir;

	private Counter counter;

	private HttpServer server;

	private volatile int status;

	private volatile byte[] answer;

	@BeforeEach
	void setUp() throws IOException {
		counter = new Counter(logDir);
		counter.variables.put("MADOGUCHI_PASSWORD", StubDeviceEventService.PASSWORD);
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/api/device-events", exchange -> {
			try (exchange) {
				exchange.getRequestBody().readAllBytes();
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(status, answer.length);
				exchange.getResponseBody().write(answer);
			}
		});
		server.start();
	}

	@AfterEach
	void tearDown() {
		server.stop(0);
	}

	private Counter.Run ship(String uri) {
		return counter.run("ship", "--service", uri, "--user", StubDeviceEventService.USER, "--password-env",
				"MADOGUCHI_PASSWORD");
	}

	private Path twoReadEvents() throws IOException {
		counter.insert(Counter.READER_A, State.FULLY_LOCKED, "card-a");
		assertEquals(0, counter.run("read", "--case", "C-1", "--operator", "clerk-7").exitCode());
		assertEquals(0, counter.run("read", "--case", "C-2", "--operator", "clerk-7").exitCode());
		return new DailyEventLog(logDir, "counter-1").files().get(0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "<html><body>Welcome to the hotel Wi-Fi</body></html>", "", "{\"accepted\":2",
			"{\"accepted\":2,\"accepted\":0,\"duplicates\":0}", "{\"accepted\":1e999999999,\"duplicates\":0}",
			"{\"accepted\":02,\"duplicates\":0}", "[1]", "DEEP" })
	void anUnreadable200IsNoAcknowledgementAndTheLinesGoAgain(String body) throws IOException {
		Path file = twoReadEvents();
		status = 200;
		answer = (body.equals("DEEP") ? "[".repeat(100_000) : body).getBytes(StandardCharsets.UTF_8);

		Counter.Run run = assertTimeoutPreemptively(Duration.ofSeconds(20),
				() -> ship("http://127.0.0.1:" + server.getAddress().getPort()));

		assertEquals(Fault.SHIP_FAILED.exitCode, run.exitCode(), run.err());
		String err = run.err().strip();
		assertFalse(err.contains("\n"), "one line: " + err);
		String expected = Fault.SHIP_FAILED
			.message("the service answered HTTP 200 with an unreadable body (invalid JSON: ");
		assertTrue(err.startsWith(expected.substring(0, expected.length() - 1)), err);
		assertFalse(Files.exists(file.resolveSibling(file.getFileName() + LogShipper.SIDECAR_SUFFIX)),
				"position not advanced");

		try (StubDeviceEventService service = new StubDeviceEventService()) {
			Counter.Run again = ship(service.uri().toString());
			assertEquals(0, again.exitCode(), again.err());
			assertEquals(2L, JsonParser.parseObject(again.onlyLine()).get("accepted"));
		}
	}

	@Test
	void anUnreadable422IsStillARefusal() throws IOException {
		twoReadEvents();
		status = 422;
		answer = "{\"code\":\"CHAIN_BROKEN\",\"line\":+1}".getBytes(StandardCharsets.UTF_8);

		Counter.Run run = ship("http://127.0.0.1:" + server.getAddress().getPort());

		assertEquals(Fault.SHIP_REJECTED.exitCode, run.exitCode(), run.err());
		assertTrue(run.err().contains("answer unreadable: invalid JSON: unexpected character at offset 30"), run.err());
	}

	/** How the oversized answers are sent. */
	enum Oversized {

		/** 2 MiB with a Content-Length. */
		DECLARED,
		/** 2 MiB, chunked (no length known in advance). */
		CHUNKED,
		/**
		 * Chunked, without end (up to 256 MiB, until the adapter drops the connection).
		 */
		ENDLESS

	}

	private void answerOversized(int status, Oversized how) {
		server.removeContext("/api/device-events");
		server.createContext("/api/device-events", exchange -> {
			try (exchange) {
				exchange.getRequestBody().readAllBytes();
				byte[] block = new byte[64 * 1024];
				Arrays.fill(block, (byte) ' ');
				block[0] = '{';
				int blocks = how == Oversized.ENDLESS ? 4096 : 32;
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(status, how == Oversized.DECLARED ? (long) blocks * block.length : 0);
				for (int i = 0; i < blocks; i++) {
					exchange.getResponseBody().write(block);
					block[0] = ' ';
				}
			}
			catch (IOException dropped) {
				// the adapter stopped reading: what it should do
			}
		});
	}

	@ParameterizedTest
	@EnumSource(Oversized.class)
	void anOversized200IsNoAcknowledgementAndTheLinesGoAgain(Oversized how) throws IOException {
		Path file = twoReadEvents();
		answerOversized(200, how);

		Counter.Run run = assertTimeoutPreemptively(Duration.ofSeconds(30),
				() -> ship("http://127.0.0.1:" + server.getAddress().getPort()));

		assertEquals(Fault.SHIP_FAILED.exitCode, run.exitCode(), run.err());
		String err = run.err().strip();
		assertFalse(err.contains("\n"), "one line: " + err);
		assertTrue(err.contains("HTTP 200 with a body over 1048576 bytes"), err);
		assertFalse(Files.exists(file.resolveSibling(file.getFileName() + LogShipper.SIDECAR_SUFFIX)),
				"position not advanced");

		try (StubDeviceEventService service = new StubDeviceEventService()) {
			Counter.Run again = ship(service.uri().toString());
			assertEquals(0, again.exitCode(), again.err());
			assertEquals(2L, JsonParser.parseObject(again.onlyLine()).get("accepted"));
		}
	}

	@ParameterizedTest
	@EnumSource(Oversized.class)
	void anOversized422IsStillARefusalAndKeepsThePosition(Oversized how) throws IOException {
		Path file = twoReadEvents();
		answerOversized(422, how);

		Counter.Run run = assertTimeoutPreemptively(Duration.ofSeconds(30),
				() -> ship("http://127.0.0.1:" + server.getAddress().getPort()));

		assertEquals(Fault.SHIP_REJECTED.exitCode, run.exitCode(), run.err());
		assertTrue(run.err().contains("answer unreadable: over 1048576 bytes, not read"), run.err());
		assertFalse(Files.exists(file.resolveSibling(file.getFileName() + LogShipper.SIDECAR_SUFFIX)));
	}

}
