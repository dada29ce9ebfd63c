package jp.madoguchi.reader.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.TerminalFactory;
import jp.madoguchi.reader.emulator.EmulatedCards;
import jp.madoguchi.reader.emulator.EmulatedMyNumberCard;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PC/SC stack on this machine: pcscd with the vpcd driver (Debian packages
 * pcscd, vsmartcard-vpcd, libpcsclite1) and a jCardSim card connected to vpcd by
 * {@code com.licel.jcardsim.remote.VSmartCard} on 127.0.0.1. Starts pcscd in the
 * foreground only if none is running, and stops only what it started.
 */
public final class PcscStack implements AutoCloseable {

	public static final String VPCD_READER = "Virtual PCD 00 00";
	static final int VPCD_PORT = 0x8C7B; // 35963, CHANNELID in /etc/reader.conf.d/vpcd
	static final Path PCSCD = Path.of("/usr/sbin/pcscd");
	static final Path VPCD_DRIVER = Path.of("/usr/lib/pcsc/drivers/serial/libifdvpcd.so");
	static final Path VPCD_CONFIG = Path.of("/etc/reader.conf.d/vpcd");
	static final Path PCSCD_SOCKET = Path.of("/run/pcscd/pcscd.comm");
	static final List<Path> PCSC_LIBRARIES = List.of(Path.of("/usr/lib/x86_64-linux-gnu/libpcsclite.so.1"),
			Path.of("/usr/lib/aarch64-linux-gnu/libpcsclite.so.1"), Path.of("/usr/lib64/libpcsclite.so.1"),
			Path.of("/usr/lib/libpcsclite.so.1"));

	private final Path workDir;

	private final Path pcscLibrary;

	private Process pcscd;

	private boolean isolated;
	static final Path UNSHARE = Path.of("/usr/bin/unshare");
	static final Path NSENTER = Path.of("/usr/bin/nsenter");
	static final Path IP = Path.of("/usr/sbin/ip");

	private Process card;

	private PcscStack(Path workDir, Path pcscLibrary) {
		this.workDir = workDir;
		this.pcscLibrary = pcscLibrary;
	}

	/**
	 * Checks the machine, then makes sure pcscd runs. Missing packages skip the test with
	 * a visible message, except with CI=true, where they fail it: CI must never pass by
	 * skipping.
	 */
	public static PcscStack start(Path workDir) throws Exception {
		List<String> missing = new ArrayList<>();
		for (Path required : List.of(PCSCD, VPCD_DRIVER, VPCD_CONFIG)) {
			if (!Files.exists(required)) {
				missing.add(required.toString());
			}
		}
		Path library = PCSC_LIBRARIES.stream().filter(Files::exists).findFirst().orElse(null);
		if (library == null) {
			missing.add("libpcsclite.so.1");
		}
		if (!missing.isEmpty()) {
			String message = "PC/SC end-to-end test needs pcscd, vsmartcard-vpcd and libpcsclite1 "
					+ "(apt-get install -y pcscd vsmartcard-vpcd libpcsclite1); missing: " + missing;
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message + " [CI=true: failing instead of skipping]");
			}
			System.err.println("SKIPPED: " + message);
			Assumptions.abort(message);
		}
		PcscStack stack = new PcscStack(workDir, library);
		if (!pcscdRunning()) {
			stack.isolated = canIsolateNetwork();
			// vpcd listens on every address and has no option to bind one. Started in a
			// network namespace of its
			// own, which holds only the loopback interface, it is reachable from this
			// machine's processes in
			// that namespace and from nowhere else. pcscd's client socket is a file, so
			// the adapter is unaffected.
			List<String> command = stack.isolated
					? List.of(UNSHARE.toString(), "--net", "--", "sh", "-c",
							"ip link set lo up && " + quickackInNamespace() + "exec " + PCSCD + " --foreground")
					: List.of(PCSCD.toString(), "--foreground");
			if (!stack.isolated) {
				System.err.println("NOTE: not root or no unshare/nsenter/ip: vpcd listens on all addresses of this"
						+ " machine during the test");
			}
			stack.pcscd = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(workDir.resolve("pcscd.out").toFile())
				.start();
			waitFor("pcscd socket " + PCSCD_SOCKET, Duration.ofSeconds(10), () -> Files.exists(PCSCD_SOCKET));
		}
		return stack;
	}

	/**
	 * True when vpcd runs in a network namespace of its own (loopback only) for this
	 * test.
	 */
	public boolean vpcdIsolated() {
		return isolated;
	}

	/**
	 * MADOGUCHI_VPCD_QUICKACK=1 (bench/reader-read.sh --quickack): vpcd writes each APDU
	 * in two sends without TCP_NODELAY, so on a default loopback every APDU waits for a
	 * delayed ACK (~40 ms) — an artefact of the virtual reader. quickack on the
	 * namespace's own loopback route removes it without touching the machine's routes.
	 */
	private static String quickackInNamespace() {
		return "1".equals(System.getenv("MADOGUCHI_VPCD_QUICKACK"))
				? "ip route change $(ip route show table local | grep '^local 127.0.0.1 ') table local quickack 1 && "
				: "";
	}

	private static boolean canIsolateNetwork() {
		return "root".equals(System.getProperty("user.name")) && Files.isExecutable(UNSHARE)
				&& Files.isExecutable(NSENTER) && Files.isExecutable(IP);
	}

	public Path pcscLibrary() {
		return pcscLibrary;
	}

	/** True when this object started pcscd (and will stop it). */
	public boolean startedPcscd() {
		return pcscd != null;
	}

	/** A live (not zombie) pcscd process with its socket in place. */
	static boolean pcscdRunning() throws IOException {
		if (!Files.exists(PCSCD_SOCKET)) {
			return false;
		}
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			return processes.filter(p -> p.getFileName().toString().matches("\\d+")).anyMatch(p -> {
				try {
					String status = Files.readString(p.resolve("status"));
					return status.startsWith("Name:\tpcscd\n") && !status.contains("State:\tZ");
				}
				catch (IOException | RuntimeException e) {
					return false;
				}
			});
		}
	}

	/**
	 * Connects an emulated card in the given state to vpcd, waits until pcscd sees it and
	 * creates the applets. {@code vanishAfterApdus} (may be null) makes the card process
	 * die mid-conversation.
	 */
	public void insert(EmulatedMyNumberCard.State state, String certificate, Integer vanishAfterApdus)
			throws Exception {
		remove();
		Properties config = EmulatedCards.vsmartcardConfig(state, certificate, "127.0.0.1", VPCD_PORT,
				vanishAfterApdus);
		Path configFile = workDir.resolve("jcardsim-" + state + ".cfg");
		try (Writer out = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
			config.store(out, "jCardSim VSmartCard for the end-to-end test");
		}
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>();
		if (isolated) {
			// The card joins vpcd's namespace: its 127.0.0.1 is the only address vpcd can
			// be reached on.
			command.addAll(List.of(NSENTER.toString(), "--net=/proc/" + pcscd.pid() + "/ns/net", "--"));
		}
		command.addAll(List.of(java, "-cp", System.getProperty("java.class.path"),
				"com.licel.jcardsim.remote.VSmartCard", configFile.toString()));
		card = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(workDir.resolve("vsmartcard-" + state + ".out").toFile())
			.start();
		CardTerminal terminal = terminal();
		waitFor("card in " + VPCD_READER, Duration.ofSeconds(20), () -> {
			if (!card.isAlive()) {
				throw new IllegalStateException(
						"VSmartCard exited: " + Files.readString(workDir.resolve("vsmartcard-" + state + ".out")));
			}
			return terminal.isCardPresent();
		});
		Card connected = terminal.connect("*");
		try {
			for (byte[] create : EmulatedCards.createAppletCommands(state)) {
				int sw = connected.getBasicChannel().transmit(new CommandAPDU(create)).getSW();
				if (sw != 0x9000) {
					throw new IllegalStateException("CREATE APPLET answered " + Integer.toHexString(sw));
				}
			}
		}
		finally {
			connected.disconnect(false);
		}
	}

	/**
	 * Disconnects the emulated card (ends the VSmartCard process) and waits until pcscd
	 * notices.
	 */
	public void remove() throws Exception {
		if (card == null) {
			return;
		}
		card.destroy();
		if (!card.waitFor(10, TimeUnit.SECONDS)) {
			card.destroyForcibly();
		}
		card = null;
		CardTerminal terminal = terminal();
		waitFor("card removal", Duration.ofSeconds(10), () -> !terminal.isCardPresent());
	}

	/** Waits for the card process to end by itself (after vanishing mid-read). */
	public void awaitCardGone() throws Exception {
		if (card != null) {
			card.waitFor(10, TimeUnit.SECONDS);
			card = null;
		}
		CardTerminal terminal = terminal();
		waitFor("card removal", Duration.ofSeconds(10), () -> !terminal.isCardPresent());
	}

	private CardTerminal terminal() throws Exception {
		System.setProperty("sun.security.smartcardio.library", pcscLibrary.toString());
		CardTerminal terminal = TerminalFactory.getInstance("PC/SC", null).terminals().getTerminal(VPCD_READER);
		if (terminal == null) {
			throw new IllegalStateException("pcscd shows no \"" + VPCD_READER + "\": is vpcd configured in "
					+ VPCD_CONFIG + "? (a pcscd started before vsmartcard-vpcd was installed must be restarted)");
		}
		return terminal;
	}

	@Override
	public void close() throws Exception {
		try {
			remove();
		}
		finally {
			if (pcscd != null) {
				pcscd.destroy();
				if (!pcscd.waitFor(10, TimeUnit.SECONDS)) {
					pcscd.destroyForcibly();
				}
			}
		}
	}

	interface Condition {

		boolean holds() throws Exception;

	}

	static void waitFor(String what, Duration limit, Condition condition) throws Exception {
		long deadline = System.nanoTime() + limit.toNanos();
		while (true) {
			try {
				if (condition.holds()) {
					return;
				}
			}
			catch (IllegalStateException e) {
				throw e;
			}
			catch (Exception e) {
				// not ready yet (e.g. pcscd still starting)
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("timed out waiting for " + what);
			}
			Thread.sleep(50);
		}
	}

}
