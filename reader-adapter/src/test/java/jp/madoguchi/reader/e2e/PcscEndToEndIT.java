package jp.madoguchi.reader.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.madoguchi.reader.emulator.EmulatedMyNumberCard.State;
import jp.madoguchi.reader.json.JsonParser;
import jp.madoguchi.reader.log.ChainVerifier;
import jp.madoguchi.reader.log.DailyEventLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The built jar, run with {@code java -jar} like on a counter PC, reading an emulated
 * card through pcscd and vpcd with {@code TerminalFactory.getDefault()}: nothing in the
 * adapter knows it is a test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PcscEndToEndIT {

	@TempDir
	static Path workDir;

	private static PcscStack stack;

	private static Path logDir;

	@BeforeAll
	static void startStack() throws Exception {
		stack = PcscStack.start(workDir);
		logDir = workDir.resolve("log");
	}

	@AfterAll
	static void stopStack() throws Exception {
		if (stack != null) {
			stack.close();
		}
	}

	/**
	 * The issue asks that vpcd stays on loopback: nothing of this machine's own network
	 * may reach it.
	 */
	@Test
	void vpcdIsNotReachableFromThisMachinesNetwork() throws Exception {
		if (!stack.startedPcscd()) {
			Assumptions.abort("a pcscd started outside the test owns vpcd's socket");
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.assertTrue(stack.vpcdIsolated(), "CI runs as root: vpcd must be isolated");
		}
		Assumptions.assumeTrue(stack.vpcdIsolated(), "vpcd could not be isolated here");
		stack.insert(State.FULLY_LOCKED, "card-a", null);
		String sockets = Files.readString(Path.of("/proc/self/net/tcp"))
				+ Files.readString(Path.of("/proc/self/net/tcp6"));
		// A listening socket (state 0A) on port 0x8C7B in this namespace would be vpcd
		// open to the network.
		Assertions.assertFalse(Pattern.compile(":8C7B [0-9A-F]+:0000 0A").matcher(sockets).find(),
				"vpcd's port 35963 listens in the host network namespace");
	}

	record Run(int exitCode, String out, String err) {

		Map<String, Object> event() {
			return JsonParser.parseObject(out.strip());
		}
	}

	static Run adapter(String... args) throws Exception {
		Path jar = Path.of("target", "reader-adapter.jar");
		assertTrue(Files.exists(jar), "run after `package`: " + jar.toAbsolutePath());
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
		command.addAll(List.of(args));
		if (!args[0].equals("readers")) {
			command.addAll(List.of("--log-dir", logDir.toString(), "--workstation", "e2e-counter"));
		}
		Process process = new ProcessBuilder(command).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(process.waitFor(30, TimeUnit.SECONDS));
		return new Run(process.exitValue(), out, err);
	}

	static String fingerprintOf(String certificate) throws Exception {
		try (InputStream in = PcscEndToEndIT.class.getResourceAsStream("/emulator/" + certificate + "-auth-cert.der")) {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> member(Map<String, Object> object, String name) {
		return (Map<String, Object>) object.get(name);
	}

	@Test
	@Order(1)
	void withoutACardTheReadersAreListedAndReadSaysNoCard() throws Exception {
		Run readers = adapter("readers");
		assertEquals(0, readers.exitCode(), readers.err());
		assertTrue(readers.out().contains("{\"reader\":\"" + PcscStack.VPCD_READER + "\",\"cardPresent\":false}"),
				readers.out());

		Run read = adapter("read", "--case", "E2E-0", "--operator", "clerk-1");
		assertEquals(5, read.exitCode(), read.err());
		assertEquals("NO_CARD", read.event().get("outcome"));
	}

	@Test
	@Order(2)
	void readsAFullyLockedCardAndVerifiesTheLock() throws Exception {
		stack.insert(State.FULLY_LOCKED, "card-a", null);

		Run read = adapter("read", "--case", "E2E-1", "--operator", "clerk-1");
		assertEquals(0, read.exitCode(), read.err());
		Map<String, Object> event = read.event();
		assertEquals(PcscStack.VPCD_READER, event.get("reader"));
		assertEquals(fingerprintOf("card-a"), member(event, "card").get("fingerprint"));
		assertEquals("BLOCKED", member(member(event, "pins"), "jpkiAuth").get("state"));

		Run verify = adapter("verify-lock", "--case", "E2E-1", "--operator", "clerk-1");
		assertEquals(0, verify.exitCode(), verify.err());
		assertEquals("LOCKED", verify.event().get("outcome"));
	}

	@Test
	@Order(3)
	void partlyLockedCardFailsVerifyLock() throws Exception {
		stack.insert(State.PARTLY_LOCKED, "card-a", null);
		Run verify = adapter("verify-lock", "--case", "E2E-2", "--operator", "clerk-1");
		assertEquals(1, verify.exitCode(), verify.err());
		assertEquals("NOT_LOCKED", verify.event().get("outcome"));
		assertEquals(2L, member(member(verify.event(), "pins"), "residentRegistry").get("triesLeft"));
	}

	@Test
	@Order(4)
	void locksTheCaseCardThroughPcscd() throws Exception {
		stack.insert(State.TEMPORARY_PIN_SET, "card-b", null);
		assertEquals(0, adapter("read", "--case", "E2E-3", "--operator", "clerk-1").exitCode());
		Run lock = adapter("lock", "--case", "E2E-3", "--operator", "clerk-1", "--confirm");
		assertEquals(0, lock.exitCode(), lock.err());
		Run verify = adapter("verify-lock", "--case", "E2E-3", "--operator", "clerk-2");
		assertEquals(0, verify.exitCode(), verify.err());
	}

	@Test
	@Order(5)
	void notAMyNumberCard() throws Exception {
		stack.insert(State.NOT_A_MY_NUMBER_CARD, "card-a", null);
		Run read = adapter("read", "--case", "E2E-4", "--operator", "clerk-1");
		assertEquals(7, read.exitCode(), read.err());
		assertEquals("NOT_MY_NUMBER_CARD", read.event().get("outcome"));
	}

	@Test
	@Order(6)
	void cardPulledOutMidReadIsReportedWithoutStackTrace() throws Exception {
		stack.insert(State.FRESH, "card-a", 6);
		Run read = adapter("read", "--case", "E2E-5", "--operator", "clerk-1");
		stack.awaitCardGone();
		assertEquals(8, read.exitCode(), read.out() + read.err());
		assertEquals("CARD_REMOVED", read.event().get("outcome"));
		assertFalse(read.err().contains("\tat "), read.err());
		assertEquals(1, read.err().strip().lines().count(), read.err());
	}

	@Test
	@Order(7)
	void everythingLoggedOnTheWayFormsOneIntactChain() throws Exception {
		List<Path> files = new DailyEventLog(logDir, "e2e-counter").files();
		assertEquals(1, files.size());
		List<String> lines = DailyEventLog.completeLines(files.get(0));
		assertTrue(lines.size() >= 9, lines.size() + " lines");
		ChainVerifier.Result result = ChainVerifier.verify(lines);
		assertTrue(result.intact(), result.message());
	}

}
