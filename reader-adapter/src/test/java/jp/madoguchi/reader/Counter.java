package jp.madoguchi.reader;

import com.licel.jcardsim.smartcardio.CardSimulator;
import com.licel.jcardsim.smartcardio.CardTerminalSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.smartcardio.CardTerminals;
import jp.madoguchi.reader.emulator.EmulatedCards;
import jp.madoguchi.reader.emulator.EmulatedMyNumberCard;

/**
 * A counter PC for command tests: jCardSim's javax.smartcardio terminals (two readers by
 * default), a log directory, and the adapter run in-process exactly as main() would run
 * it.
 */
final class Counter {

	static final String READER_A = "Emulated Reader A";
	static final String READER_B = "Emulated Reader B";

	final CardTerminals terminals;

	final Path logDir;

	final Map<String, String> variables = new HashMap<>();

	private final Map<String, CardSimulator> inserted = new HashMap<>();

	Counter(Path logDir) {
		this(logDir, new String[] { READER_A, READER_B });
	}

	/** A counter with exactly these readers (none at all is allowed). */
	Counter(Path logDir, String[] readerNames) {
		this.terminals = CardTerminalSimulator.terminals(readerNames);
		this.logDir = logDir;
	}

	EmulatedMyNumberCard insert(String reader, EmulatedMyNumberCard.State state, String certificate) {
		EmulatedMyNumberCard card = EmulatedMyNumberCard.insert(state, certificate);
		CardSimulator simulator = EmulatedCards.simulator(card);
		simulator.assignToTerminal(terminals.getTerminal(reader));
		inserted.put(reader, simulator);
		return card;
	}

	void remove(String reader) {
		CardSimulator simulator = inserted.remove(reader);
		if (simulator != null) {
			simulator.assignToTerminal(null);
		}
	}

	/** Result of one command: exit code, stdout lines, stderr text. */
	record Run(int exitCode, List<String> out, String err) {

		String onlyLine() {
			if (out.size() != 1) {
				throw new AssertionError("expected one stdout line, got " + out + " / stderr: " + err);
			}
			return out.get(0);
		}
	}

	Run run(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		if (!all.contains("--log-dir") && !args[0].equals("readers")) {
			all.add("--log-dir");
			all.add(logDir.toString());
		}
		if (!all.contains("--workstation") && !args[0].equals("readers")) {
			all.add("--workstation");
			all.add("counter-1");
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Environment environment = new Environment(library -> terminals, Clock.systemDefaultZone(), variables::get,
				Duration.ofMillis(10));
		int code = ReaderAdapter.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), environment);
		String stdout = out.toString(StandardCharsets.UTF_8);
		return new Run(code, stdout.isEmpty() ? List.of() : List.of(stdout.split("\n")),
				err.toString(StandardCharsets.UTF_8));
	}

}
