package jp.madoguchi.reader;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line: one command word, then {@code --name value} options and the
 * {@code --confirm} flag.
 */
final class Options {

	private static final Set<String> FLAGS = Set.of("confirm");

	private static final Set<String> VALUED = Set.of("case", "operator", "reader", "log-dir", "workstation",
			"pcsc-library", "service", "user", "password-env", "key-env", "countersign", "max-cards", "timeout");

	final String command;

	private final Map<String, String> values = new HashMap<>();

	private Options(String command) {
		this.command = command;
	}

	static Options parse(String[] args) throws AdapterException {
		if (args.length == 0) {
			throw new AdapterException(Fault.USAGE, "no command given");
		}
		Options options = new Options(args[0]);
		for (int i = 1; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				throw new AdapterException(Fault.USAGE, "unexpected argument " + arg);
			}
			String name = arg.substring(2);
			String inlineValue = null;
			int equals = name.indexOf('=');
			if (equals >= 0) {
				inlineValue = name.substring(equals + 1);
				name = name.substring(0, equals);
			}
			if (FLAGS.contains(name) && inlineValue == null) {
				options.values.put(name, "true");
			}
			else if (VALUED.contains(name)) {
				String value = inlineValue;
				if (value == null) {
					if (i + 1 >= args.length) {
						throw new AdapterException(Fault.USAGE, "--" + name + " needs a value");
					}
					value = args[++i];
				}
				options.values.put(name, value);
			}
			else {
				throw new AdapterException(Fault.USAGE, "unknown option --" + name);
			}
		}
		return options;
	}

	String get(String name) {
		return values.get(name);
	}

	boolean flag(String name) {
		return values.containsKey(name);
	}

	String required(String name) throws AdapterException {
		String value = values.get(name);
		if (value == null || value.isBlank()) {
			throw new AdapterException(Fault.USAGE, command + " needs --" + name);
		}
		return value;
	}

	int intValue(String name, int defaultValue) throws AdapterException {
		String value = values.get(name);
		if (value == null) {
			return defaultValue;
		}
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException e) {
			throw new AdapterException(Fault.USAGE, "--" + name + " must be a number");
		}
	}

	/**
	 * Rejects options that mean nothing for this command, so a typo never goes unnoticed.
	 */
	void allowOnly(List<String> allowed) throws AdapterException {
		for (String name : values.keySet()) {
			if (!allowed.contains(name)) {
				throw new AdapterException(Fault.USAGE, "--" + name + " is not an option of " + command);
			}
		}
	}

}
