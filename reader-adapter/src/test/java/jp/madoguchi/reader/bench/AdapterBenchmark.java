package jp.madoguchi.reader.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.madoguchi.reader.e2e.PcscStack;
import jp.madoguchi.reader.emulator.EmulatedMyNumberCard;
import jp.madoguchi.reader.ship.StubDeviceEventService;
import jp.madoguchi.reader.ship.SyntheticLog;
import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import jp.madoguchi.reader.card.MyNumberCardProtocol;

/**
 * Benchmark, not a test: times the built jar end to end, as a clerk would run it.
 * {@code read [n]}: n (default 100) runs of {@code java -jar reader-adapter.jar read}
 * through pcscd + vpcd + jCardSim, reporting median and p90 wall time per process (JVM
 * start included). {@code ship [n]}: ship of n (default 100,000) events to a local stub
 * service that verifies the chain. Started by bench/reader-read.sh and
 * bench/reader-ship.sh; {@code ADAPTER_JAVA_OPTIONS} is passed to the adapter processes
 * as JDK_JAVA_OPTIONS.
 */
public final class AdapterBenchmark {

	private AdapterBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String mode = args.length > 0 ? args[0] : "read";
		Path jar = Path.of(args.length > 2 ? args[2] : "reader-adapter/target/reader-adapter.jar").toAbsolutePath();
		if (!Files.exists(jar)) {
			throw new IllegalStateException("build the jar first: " + jar);
		}
		Path work = Files.createTempDirectory("reader-adapter-bench");
		switch (mode) {
			case "read" -> read(jar, work, args.length > 1 ? Integer.parseInt(args[1]) : 100);
			case "ship" -> ship(jar, work, args.length > 1 ? Integer.parseInt(args[1]) : 100_000);
			default -> throw new IllegalArgumentException("mode read|ship");
		}
	}

	private static void read(Path jar, Path work, int runs) throws Exception {
		try (PcscStack stack = PcscStack.start(work)) {
			stack.insert(EmulatedMyNumberCard.State.FULLY_LOCKED, "card-a", null);
			Path logDir = work.resolve("log");
			List<Double> millis = new ArrayList<>();
			run(jar, "read", "--case", "BENCH-warmup", "--operator", "bench", "--log-dir", logDir.toString());
			for (int i = 0; i < runs; i++) {
				long start = System.nanoTime();
				int code = run(jar, "read", "--case", "BENCH-" + i, "--operator", "bench", "--log-dir",
						logDir.toString());
				millis.add((System.nanoTime() - start) / 1e6);
				if (code != 0) {
					throw new IllegalStateException("read exited " + code);
				}
			}
			Collections.sort(millis);
			System.out.printf(
					"read: %d runs of `java -jar reader-adapter.jar read` through pcscd+vpcd: "
							+ "median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms (target: median <= 300 ms)%n",
					runs, millis.get(runs / 2), millis.get((int) (runs * 0.9)), millis.get(0), millis.get(runs - 1));
			protocolOnly(stack, runs);
		}
	}

	/**
	 * The card conversation alone (connect, all APDUs, disconnect) in this warm JVM: the
	 * share of the reader path.
	 */
	private static void protocolOnly(PcscStack stack, int runs) throws Exception {
		System.setProperty("sun.security.smartcardio.library", stack.pcscLibrary().toString());
		CardTerminal terminal = TerminalFactory.getInstance("PC/SC", null)
			.terminals()
			.getTerminal(PcscStack.VPCD_READER);
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			Card card = terminal.connect("*");
			new MyNumberCardProtocol(card.getBasicChannel()).read();
			card.disconnect(false);
			millis.add((System.nanoTime() - start) / 1e6);
		}
		Collections.sort(millis);
		System.out.printf("read, card conversation only (connect + APDUs + disconnect, warm JVM): median %.1f ms, "
				+ "p90 %.1f ms%n", millis.get(runs / 2), millis.get((int) (runs * 0.9)));
	}

	private static void ship(Path jar, Path work, int events) throws Exception {
		Path logDir = work.resolve("log");
		SyntheticLog.write(logDir, "bench-counter", "2026-11-21", events);
		try (StubDeviceEventService service = new StubDeviceEventService()) {
			long start = System.nanoTime();
			int code = run(jar, "ship", "--service", service.uri().toString(), "--key-env", "BENCH_KEY", "--log-dir",
					logDir.toString(), "--workstation", "bench-counter");
			double seconds = (System.nanoTime() - start) / 1e9;
			if (code != 0 || service.storedEvents() != events) {
				throw new IllegalStateException("ship exited " + code + ", stored " + service.storedEvents());
			}
			System.out.printf("ship: %d events in %d requests, verified and stored by the stub service: "
					+ "%.2f s (target: <= 30 s)%n", events, service.requestLineCounts.size(), seconds);
		}
	}

	private static int run(Path jar, String... args) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(ProcessBuilder.Redirect.INHERIT);
		builder.environment().put("BENCH_KEY", StubDeviceEventService.WORKSTATION_KEY);
		// ADAPTER_JAVA_OPTIONS lets the benchmark try launcher options (e.g. a CDS
		// archive) on the adapter only.
		String adapterOptions = System.getenv("ADAPTER_JAVA_OPTIONS");
		if (adapterOptions != null) {
			builder.environment().put("JDK_JAVA_OPTIONS", adapterOptions);
		}
		Process process = builder.start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("timed out: " + command);
		}
		return process.exitValue();
	}

}
