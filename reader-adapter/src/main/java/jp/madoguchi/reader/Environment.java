package jp.madoguchi.reader;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;

/**
 * What a command needs from the outside world. The real one talks to PC/SC through
 * {@code TerminalFactory.getDefault()}; tests pass jCardSim's terminals instead.
 */
final class Environment {

	/**
	 * Opens the card terminals; receives the {@code --pcsc-library} value (may be null).
	 */
	interface TerminalsSource {

		CardTerminals open(String pcscLibrary) throws AdapterException;

	}

	final TerminalsSource terminals;

	final Clock clock;

	final Function<String, String> variables;

	/** First wait between ship retries; doubles on each retry. */
	final Duration shipBackoff;

	Environment(TerminalsSource terminals, Clock clock, Function<String, String> variables, Duration shipBackoff) {
		this.terminals = terminals;
		this.clock = clock;
		this.variables = variables;
		this.shipBackoff = shipBackoff;
	}

	static Environment system() {
		return new Environment(Environment::pcscTerminals, Clock.systemDefaultZone(), System::getenv,
				Duration.ofMillis(500));
	}

	static CardTerminals pcscTerminals(String pcscLibrary) throws AdapterException {
		if (pcscLibrary != null) {
			if (!Files.exists(Path.of(pcscLibrary))) {
				throw new AdapterException(Fault.NO_PCSC_SERVICE, "PC/SC library not found: " + pcscLibrary);
			}
			// Read by the JDK's SunPCSC provider when it first loads; must be set before
			// getDefault().
			System.setProperty("sun.security.smartcardio.library", pcscLibrary);
		}
		TerminalFactory factory = TerminalFactory.getDefault();
		if ("None".equals(factory.getType())) {
			// getDefault() silently falls back to a factory without terminals; ask PC/SC
			// directly for the reason.
			String reason = "PC/SC provider unavailable";
			try {
				TerminalFactory.getInstance("PC/SC", null);
			}
			catch (NoSuchAlgorithmException e) {
				reason = rootMessage(e);
			}
			throw new AdapterException(Fault.NO_PCSC_SERVICE, reason);
		}
		return factory.terminals();
	}

	/**
	 * The workstation name when --workstation is not given: the host name, without a DNS
	 * lookup if possible.
	 */
	String hostname() {
		for (String variable : new String[] { "COMPUTERNAME", "HOSTNAME" }) {
			String value = variables.apply(variable);
			if (value != null && !value.isBlank()) {
				return value.trim();
			}
		}
		try {
			Path etcHostname = Path.of("/etc/hostname");
			if (Files.isReadable(etcHostname)) {
				String value = Files.readString(etcHostname).trim();
				if (!value.isEmpty()) {
					return value;
				}
			}
			return InetAddress.getLocalHost().getHostName();
		}
		catch (Exception e) {
			return "unknown-workstation";
		}
	}

	/**
	 * Per-user log directory: {@code %LOCALAPPDATA%\madoguchi\reader-adapter\log} on
	 * Windows, {@code $XDG_STATE_HOME/madoguchi/reader-adapter/log} (default
	 * {@code ~/.local/state/...}) elsewhere.
	 */
	Path defaultLogDirectory() {
		String localAppData = variables.apply("LOCALAPPDATA");
		if (localAppData != null && !localAppData.isBlank()) {
			return Path.of(localAppData, "madoguchi", "reader-adapter", "log");
		}
		String state = variables.apply("XDG_STATE_HOME");
		Path base = state != null && !state.isBlank() ? Path.of(state)
				: Path.of(System.getProperty("user.home"), ".local", "state");
		return base.resolve("madoguchi").resolve("reader-adapter").resolve("log");
	}

	static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return message == null ? root.getClass().getSimpleName() : message;
	}

}
