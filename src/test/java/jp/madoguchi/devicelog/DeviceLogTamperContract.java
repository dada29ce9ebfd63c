package jp.madoguchi.devicelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import jp.madoguchi.reader.log.ChainVerifier;
import jp.madoguchi.devicelog.AdapterShip.Result;
import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.DeviceLogs;
import jp.madoguchi.support.PageSession;
import jp.madoguchi.support.Rosters;
import jp.madoguchi.support.TestMunicipalities;
import jp.madoguchi.tenant.Tenants;
import tools.jackson.databind.JsonNode;

/**
 * The tamper suite of issue 9, run against each database engine by a subclass (embedded
 * H2, a real PostgreSQL). Valid logs are shipped by the real reader-adapter jar; each
 * attack is a hand-edited variant (through the adapter where it can send it, else posted
 * as the adapter would): it is refused, kept as a finding with its evidence, and the
 * case's events stay what the genuine log said.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
abstract class DeviceLogTamperContract {

	/** {@code ,"prevHash":"<64>","hash":"<64>"}}: the fixed tail of every line. */
	private static final int TAIL = ",\"prevHash\":\"".length() + 64 + "\",\"hash\":\"".length() + 64 + 2;

	private static int uniqueness;

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@TempDir
	Path work;

	ApiClient clerk;

	ApiClient operator;

	long caseId;

	String workstation;

	@BeforeEach
	void aCase() {
		TestMunicipalities.ensureOther(tenants);
		clerk = new ApiClient(port, "clerk", "demo");
		operator = new ApiClient(port, "operator", "demo");
		caseId = importOneCase();
		workstation = "counter-" + (++uniqueness) + "-" + System.nanoTime();
	}

	@Test
	void aSecondChainFromTheGenesisIsRefusedAsAFork() throws Exception {
		List<String> genuine = shipGenuine("NOT_LOCKED", "NOT_LOCKED");
		List<String> forged = DeviceLogs.chain(workstation, Long.toString(caseId), "LOCKED");

		Result shipped = ship(forged);
		assertThat(shipped.exit()).as(shipped.output()).isEqualTo(14);
		assertThat(shipped.output()).contains("CHAIN_BROKEN");
		JsonNode finding = finding("CHAIN_FORKED");
		assertThat(finding.get("badLine").asInt()).isEqualTo(1);
		assertThat(finding.get("expectedHash").asString()).isEqualTo(ChainVerifier.hashOf(genuine.get(1)));
		assertThat(finding.get("receivedHash").asString()).isEqualTo(ChainVerifier.GENESIS);
		assertThat(finding.get("receivedBy").asString()).isEqualTo("operator");
		assertThat(finding.get("logFile").asString()).startsWith(workstation);
		assertUnchanged(genuine);

		// A fork from a later point of the chain is one too.
		List<String> branch = reseal(List.of(genuine.get(0), forged.get(0)));
		var posted = operator.postNdjson("/api/device-events", DeviceLogs.body(branch));
		assertRefused(posted, 2, "CHAIN_FORKED");
		assertUnchanged(genuine);

		// Re-sending the genuine log (an answer lost) is not a fork.
		var again = operator.postNdjson("/api/device-events", DeviceLogs.body(genuine));
		assertThat(again.status()).as(again.text()).isEqualTo(200);
		assertThat(again.json().get("duplicates").asInt()).isEqualTo(2);
	}

	@Test
	void aSilentRewriteWithRecomputedHashesIsRefusedAndKept() throws Exception {
		List<String> genuine = shipGenuine("READ", "NOT_LOCKED", "READ");
		List<String> rewritten = new ArrayList<>(genuine);
		rewritten.set(1, rewritten.get(1).replace("\"NOT_LOCKED\"", "\"LOCKED\""));
		rewritten = reseal(rewritten);
		assertThat(ChainVerifier.verify(rewritten).intact()).isTrue();

		Result shipped = ship(rewritten);
		assertThat(shipped.exit()).as(shipped.output()).isEqualTo(14);
		JsonNode finding = finding("EVENT_REWRITTEN");
		assertThat(finding.get("badLine").asInt()).isEqualTo(2);
		assertThat(finding.get("lineInFile").asInt()).isEqualTo(2);
		assertThat(finding.get("expectedHash").asString()).isEqualTo(ChainVerifier.hashOf(genuine.get(1)));
		assertThat(finding.get("receivedHash").asString()).isEqualTo(ChainVerifier.hashOf(rewritten.get(1)));
		assertThat(finding.get("eventId").asString()).isEqualTo(eventId(genuine.get(1)));
		assertUnchanged(genuine);

		// The page shows the evidence to the operator.
		PageSession session = new PageSession(port);
		session.signIn("operator", "demo");
		var response = session.get("/devicelog/findings");
		assertThat(response.statusCode()).isEqualTo(200);
		String page = response.body();
		assertThat(page).contains("受信済みの記録の書き換え", ChainVerifier.hashOf(genuine.get(1)),
				ChainVerifier.hashOf(rewritten.get(1)), "受信済みの記録と同じIDで内容が異なります");
	}

	@Test
	void aStoredEventIdContinuingTheHeadIsARewrite() throws Exception {
		List<String> genuine = shipGenuine("READ", "NOT_LOCKED");
		// After the head, a line reusing the first event's id with another outcome.
		String forged = ChainVerifier.seal(open(genuine.get(0)).replace("\"READ\"", "\"LOCKED\""),
				ChainVerifier.hashOf(genuine.get(1)));
		String fresh = open(DeviceLogs.chain(workstation, Long.toString(caseId), "READ").get(0));
		var posted = operator.postNdjson("/api/device-events",
				DeviceLogs.body(List.of(forged, ChainVerifier.seal(fresh, ChainVerifier.hashOf(forged)))));
		assertRefused(posted, 1, "EVENT_REWRITTEN");
		JsonNode finding = finding("EVENT_REWRITTEN");
		assertThat(finding.get("eventId").asString()).isEqualTo(eventId(genuine.get(0)));
		assertThat(finding.get("expectedHash").asString()).isEqualTo(ChainVerifier.hashOf(genuine.get(0)));
		assertThat(finding.get("receivedHash").asString()).isEqualTo(ChainVerifier.hashOf(forged));
		assertUnchanged(genuine);

		// The head did not move: the next genuine line is taken.
		var taken = operator.postNdjson("/api/device-events",
				DeviceLogs.body(List.of(ChainVerifier.seal(fresh, ChainVerifier.hashOf(genuine.get(1))))));
		assertThat(taken.status()).as(taken.text()).isEqualTo(200);
		assertThat(taken.json().get("accepted").asInt()).isEqualTo(1);
	}

	@Test
	void anotherWorkstationContinuingTheChainIsASplice() throws Exception {
		List<String> genuine = shipGenuine("NOT_LOCKED");
		String intruder = workstation + "-b";
		String open = open(DeviceLogs.chain(intruder, Long.toString(caseId), "LOCKED").get(0));
		String spliced = ChainVerifier.seal(open, ChainVerifier.hashOf(genuine.get(0)));

		// Shipped with the intruder's own workstation key, through the adapter.
		var issued = operator.postJson("/api/workstation-keys", "{\"workstation\":\"" + intruder + "\"}");
		assertThat(issued.status()).isEqualTo(201);
		Result shipped = ship(List.of(spliced), "--key-env", issued.json().get("key").asString());
		assertThat(shipped.exit()).as(shipped.output()).isEqualTo(14);
		JsonNode finding = finding("CHAIN_SPLICED");
		assertThat(finding.get("workstation").asString()).isEqualTo(intruder);
		assertThat(finding.get("workstationKeyId").asLong()).isEqualTo(issued.json().get("id").asLong());
		assertThat(finding.get("receivedHash").asString()).isEqualTo(ChainVerifier.hashOf(genuine.get(0)));
		assertUnchanged(genuine);

		// Inside one chunk: this workstation's line followed by the intruder's.
		List<String> mixed = reseal(List.of(genuine.get(0), spliced));
		assertRefused(operator.postNdjson("/api/device-events", DeviceLogs.body(mixed)), 2, "CHAIN_SPLICED");
		assertUnchanged(genuine);
	}

	@Test
	void eventsOfAnUnknownCaseAreStoredAndFlagged() throws Exception {
		String unknown = "9" + System.nanoTime() % 1_000_000_000L;
		Result shipped = ship(DeviceLogs.chain(workstation, unknown, "NOT_LOCKED", "LOCKED"));
		assertThat(shipped.exit()).as(shipped.output()).isZero();
		assertThat(shipped.output()).contains("\"accepted\":2");
		JsonNode finding = finding("UNKNOWN_CASE");
		assertThat(finding.get("caseRef").asString()).isEqualTo(unknown);
		assertThat(finding.get("badLine").asInt()).isEqualTo(1);
		assertThat(findings().stream()
			.filter(f -> "UNKNOWN_CASE".equals(f.get("problem").asString())
					&& unknown.equals(f.path("caseRef").asString(""))))
			.hasSize(1);

		// Events of a case that exists are not flagged.
		workstation = workstation + "-known";
		shipGenuine("NOT_LOCKED");
		assertThat(findings().stream().filter(f -> String.valueOf(caseId).equals(f.path("caseRef").asString(""))))
			.isEmpty();
	}

	@Test
	void overLongFieldsAre422NamingTheFieldAndKept() {
		Map<String, String[]> fields = Map.of("workstation", new String[] { workstation, "w".repeat(201) }, "caseId",
				new String[] { "\"caseId\":\"" + caseId + "\"", "\"caseId\":\"" + "1".repeat(101) + "\"" }, "operator",
				new String[] { "\"operator\":\"staff-1\"", "\"operator\":\"" + "o".repeat(101) + "\"" }, "command",
				new String[] { "\"command\":\"verify-lock\"", "\"command\":\"" + "c".repeat(41) + "\"" }, "outcome",
				new String[] { "\"outcome\":\"NOT_LOCKED\"", "\"outcome\":\"" + "X".repeat(41) + "\"" },
				"card.fingerprint", new String[] { "ab".repeat(32), "ab".repeat(33) }, "eventId",
				new String[] { "\"eventId\":\"", "\"eventId\":\"" + "e".repeat(65) });
		fields.forEach((field, edit) -> {
			List<String> lines = DeviceLogs.chain(workstation, Long.toString(caseId), "READ", "NOT_LOCKED");
			lines.set(1, lines.get(1).replace(edit[0], edit[1]));
			var r = operator.postNdjson("/api/device-events", DeviceLogs.body(reseal(lines)));
			assertThat(r.status()).as(field + ": " + r.text()).isEqualTo(422);
			assertThat(r.json().get("code").asString()).isEqualTo("FIELD_TOO_LONG");
			assertThat(r.json().get("field").asString()).isEqualTo(field);
			assertThat(r.json().get("line").asInt()).isEqualTo(2);
			assertThat(r.json().get("message").asString()).contains(field, "文字以内");
		});
		assertThat(findings().stream()
			.filter(f -> "FIELD_TOO_LONG".equals(f.get("problem").asString()) && f.get("badLine").asInt() == 2)
			.map(f -> f.path("field").asString(""))).containsAll(fields.keySet());
		assertThat(events()).isEmpty();
	}

	@Test
	void anOverLongLogFileHeaderNeverLosesTheFinding() throws Exception {
		List<String> lines = DeviceLogs.chain(workstation, Long.toString(caseId), "NOT_LOCKED", "LOCKED");
		List<String> broken = new ArrayList<>(lines);
		broken.set(1, broken.get(1).replace("\"LOCKED\"", "\"NOT_LOCKED\""));
		String name301 = workstation + "_" + "f".repeat(301 - workstation.length() - 1);
		assertThat(name301).hasSize(301);

		var r = operator.postNdjson("/api/device-events", DeviceLogs.body(broken),
				Map.of("X-Device-Log-File", name301, "X-Device-Log-First-Line", "7"));
		assertRefused(r, 2, "EDITED");
		JsonNode finding = finding("EDITED");
		assertThat(finding.get("logFile").asString()).hasSize(300)
			.startsWith(name301.substring(0, 290))
			.endsWith("［以下省略］");
		assertThat(finding.get("lineInFile").asInt()).isEqualTo(8);
		assertThat(finding.get("receivedHash").asString()).isEqualTo(ChainVerifier.hashOf(broken.get(1)));
		assertThat(finding.get("workstation").asString()).isEqualTo(workstation);
		assertThat(finding.get("expectedHash").asString()).isNotEqualTo(finding.get("receivedHash").asString())
			.hasSize(64);

		// On an intact chunk it is refused itself (and kept); nothing is stored.
		var intact = operator.postNdjson("/api/device-events", DeviceLogs.body(lines),
				Map.of("X-Device-Log-File", name301));
		assertThat(intact.status()).as(intact.text()).isEqualTo(422);
		assertThat(intact.json().get("code").asString()).isEqualTo("FIELD_TOO_LONG");
		assertThat(intact.json().get("field").asString()).isEqualTo("X-Device-Log-File");
		assertThat(finding("FIELD_TOO_LONG").get("field").asString()).isEqualTo("X-Device-Log-File");
		assertThat(events()).isEmpty();
	}

	@Test
	void aTamperedChunkInAnOtherwiseMalformedRequestIsStillKept() {
		List<String> lines = DeviceLogs.chain(workstation, Long.toString(caseId), "NOT_LOCKED", "LOCKED");
		List<String> broken = new ArrayList<>(lines);
		broken.set(1, broken.get(1).replace("\"LOCKED\"", "\"NOT_LOCKED\""));
		var r = operator.postNdjson("/api/device-events", DeviceLogs.body(broken),
				Map.of("X-Device-Log-First-Line", "zwei", "X-Device-Log-File", workstation + "_odd.jsonl"));
		assertRefused(r, 2, "EDITED");
		JsonNode finding = finding("EDITED");
		assertThat(finding.get("logFile").asString()).isEqualTo(workstation + "_odd.jsonl");
		assertThat(finding.has("firstLine")).isFalse();

		var octets = operator.post("/api/device-events", "application/octet-stream",
				DeviceLogs.body(broken).getBytes(StandardCharsets.UTF_8));
		assertRefused(octets, 2, "EDITED");

		// A NUL is valid JSON but no database text: malformed, never a database error.
		List<String> nul = new ArrayList<>(lines);
		nul.set(1, nul.get(1).replace("\"operator\":\"staff-1\"", "\"operator\":\"staff\\u0000-1\""));
		assertRefused(operator.postNdjson("/api/device-events", DeviceLogs.body(reseal(nul))), 2, "MALFORMED");

		// A second "outcome" would read as LOCKED to a last-wins reader: malformed.
		List<String> twice = new ArrayList<>(lines);
		twice.set(1,
				twice.get(1).replace("\"outcome\":\"LOCKED\"", "\"outcome\":\"NOT_LOCKED\",\"outcome\":\"LOCKED\""));
		assertThat(twice.get(1)).contains("\"outcome\":\"NOT_LOCKED\",\"outcome\":\"LOCKED\"");
		assertRefused(operator.postNdjson("/api/device-events", DeviceLogs.body(reseal(twice))), 2, "MALFORMED");
		assertThat(events()).isEmpty();
	}

	@Test
	void identicalChunksPostedAtOnceAreStoredOnce() throws Exception {
		List<String> lines = DeviceLogs.chain(workstation, Long.toString(caseId), "READ", "NOT_LOCKED", "LOCKED");
		String body = DeviceLogs.body(lines);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<ApiClient.Response>> posts = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				posts.add(() -> operator.postNdjson("/api/device-events", body));
			}
			int accepted = 0;
			for (Future<ApiClient.Response> f : pool.invokeAll(posts)) {
				ApiClient.Response r = f.get();
				assertThat(r.status()).as(r.text()).isEqualTo(200);
				accepted += r.json().get("accepted").asInt();
			}
			assertThat(accepted).isEqualTo(3);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(events()).hasSize(3);
	}

	@Test
	void anEmptyBodyIs400InJapanese() {
		for (String body : List.of("", "\n", "  \n")) {
			var r = operator.postNdjson("/api/device-events", body);
			assertThat(r.status()).as(r.text()).isEqualTo(400);
			assertThat(r.json().get("code").asString()).isEqualTo("BAD_DEVICE_LOG_EMPTY");
			assertThat(r.json().get("message").asString()).isEqualTo("送信された記録が空です。");
		}
	}

	@Test
	void anOversizedBodyIs413WithoutBeingRead() throws Exception {
		// Declared: refused on its Content-Length, before a byte of it is read.
		String declared = exchange("Content-Length: 200000000\r\n", null);
		assertThat(declared).startsWith("HTTP/1.1 413").contains("DEVICE_LOG_TOO_LARGE");
		// Chunked: refused as soon as the limit is passed while counting.
		String chunked = exchange("Transfer-Encoding: chunked\r\n", 200L * 1024 * 1024);
		assertThat(chunked).startsWith("HTTP/1.1 413").contains("DEVICE_LOG_TOO_LARGE");
		assertThat(finding("TOO_LARGE").get("receivedBy").asString()).isEqualTo("operator");
		// The service still works.
		assertThat(operator
			.postNdjson("/api/device-events",
					DeviceLogs.body(DeviceLogs.chain(workstation, Long.toString(caseId), "READ")))
			.status()).isEqualTo(200);
	}

	/**
	 * Posts by hand on a socket: the headers, then (chunked) up to {@code bytes} of body
	 * from another thread while the answer is read.
	 */
	private String exchange(String lengthHeader, Long bytes) throws Exception {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/device-events HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
					+ operator.authorization() + "\r\nContent-Type: application/x-ndjson\r\nX-Device-Log-File: "
					+ workstation + "_big.jsonl\r\n" + lengthHeader + "Connection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			Thread writer = new Thread(() -> {
				byte[] chunk = new byte[1024 * 1024];
				Arrays.fill(chunk, (byte) 'x');
				byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
				try {
					for (long sent = 0; bytes != null && sent < bytes; sent += chunk.length) {
						out.write(head);
						out.write(chunk);
						out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
					}
					if (bytes != null) {
						out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
					}
					out.flush();
				}
				catch (Exception closedByTheServer) {
					// expected once the service has answered
				}
			});
			writer.start();
			InputStream in = socket.getInputStream();
			byte[] answer = new byte[8192];
			int n = 0;
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (n < answer.length && System.nanoTime() < until) {
				int read = in.read(answer, n, answer.length - n);
				if (read < 0) {
					break;
				}
				n += read;
				String text = new String(answer, 0, n, StandardCharsets.UTF_8);
				if (text.contains("}")) {
					break;
				}
			}
			socket.close();
			writer.join(10_000);
			return new String(answer, 0, n, StandardCharsets.UTF_8);
		}
	}

	private List<String> shipGenuine(String... outcomes) throws Exception {
		List<String> lines = DeviceLogs.chain(workstation, Long.toString(caseId), outcomes);
		Result shipped = ship(lines);
		assertThat(shipped.exit()).as(shipped.output()).isZero();
		assertThat(shipped.output()).contains("\"accepted\":" + outcomes.length);
		assertUnchanged(lines);
		return lines;
	}

	/** The case's events are exactly these lines of this workstation. */
	private void assertUnchanged(List<String> lines) {
		assertThat(events()).containsExactlyElementsOf(lines);
	}

	private List<String> events() {
		JsonNode events = clerk.get("/api/cases/" + caseId + "/device-events").json();
		return StreamSupport.stream(events.spliterator(), false)
			.filter(e -> workstation.equals(e.get("workstation").asString()))
			.map(e -> e.get("line").asString())
			.toList();
	}

	private List<JsonNode> findings() {
		JsonNode page = operator.get("/api/device-log-findings").json();
		return StreamSupport.stream(page.get("findings").spliterator(), false).toList();
	}

	/** The newest finding of this kind about this test's workstation (or log file). */
	private JsonNode finding(String problem) {
		return findings().stream()
			.filter(f -> problem.equals(f.get("problem").asString()))
			.filter(f -> f.path("workstation").asString("").startsWith(workstation)
					|| f.path("logFile").asString("").startsWith(workstation))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + problem + " finding in " + findings()));
	}

	private static void assertRefused(ApiClient.Response r, int line, String problem) {
		assertThat(r.status()).as(r.text()).isEqualTo(422);
		assertThat(r.json().get("code").asString()).isEqualTo("CHAIN_BROKEN");
		assertThat(r.json().get("line").asInt()).isEqualTo(line);
		assertThat(r.json().get("problem").asString()).isEqualTo(problem);
		assertThat(r.json().get("message").asString()).isNotBlank();
	}

	/** The lines with their chain recomputed from the genesis, as a forger would. */
	private static List<String> reseal(List<String> lines) {
		List<String> sealed = new ArrayList<>();
		String prev = ChainVerifier.GENESIS;
		for (String line : lines) {
			String next = ChainVerifier.seal(open(line), prev);
			sealed.add(next);
			prev = ChainVerifier.hashOf(next);
		}
		return sealed;
	}

	private static String open(String line) {
		return line.substring(0, line.length() - TAIL);
	}

	private static String eventId(String line) {
		int from = line.indexOf("\"eventId\":\"") + "\"eventId\":\"".length();
		return line.substring(from, line.indexOf('"', from));
	}

	private long importOneCase() {
		return Rosters.importOne(clerk, Rosters.row("改竄　検査" + uniqueness, "カイザン　ケンサ", "S21.2.2", "新規交付（交付時来庁）", "本人"));
	}

	private Result ship(List<String> lines) throws Exception {
		return ship(lines, "--user", "operator");
	}

	/**
	 * The real adapter's {@code ship} of these lines as one day file in a fresh log
	 * directory; {@code secret} is the password or the key.
	 */
	private Result ship(List<String> lines, String credential, String value) throws Exception {
		Path logDir = Files.createTempDirectory(work, "log");
		Files.writeString(logDir.resolve(workstation + "_2026-11-21.jsonl"), DeviceLogs.body(lines));
		List<String> credentials = credential.equals("--user")
				? List.of("--user", value, "--password-env", AdapterShip.SECRET_ENV)
				: List.of("--key-env", AdapterShip.SECRET_ENV);
		return AdapterShip.run(logDir, port, credentials, credential.equals("--user") ? "demo" : value);
	}

}
