package jp.madoguchi.reader;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Entry point of the counter-PC program that reads a My Number card's PIN states over
 * PC/SC and keeps a tamper-evident log of them. See reader-adapter/README.md for commands
 * and exit codes.
 */
public final class ReaderAdapter {

	static final String USAGE = "usage: reader-adapter <command> [options]  commands: readers | "
			+ "read --case ID --operator ID | verify-lock --case ID --operator ID | "
			+ "lock --case ID --operator ID --confirm | record-annotation --case ID --operator ID [--countersign ID] | "
			+ "ship --service URL (--key-env VAR | --user NAME --password-env VAR) | "
			+ "watch --operator ID [--case ID] | --version   "
			+ "options: [--reader NAME] [--log-dir DIR] [--workstation NAME] [--pcsc-library PATH]";

	private ReaderAdapter() {
	}

	public static void main(String[] args) {
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
		System.exit(run(args, out, err));
	}

	/**
	 * Runs one command and returns the process exit code; kept separate from main so
	 * tests can call it.
	 */
	static int run(String[] args, PrintStream out, PrintStream err) {
		return run(args, out, err, Environment.system());
	}

	static int run(String[] args, PrintStream out, PrintStream err, Environment environment) {
		if (args.length == 1 && (args[0].equals("--version") || args[0].equals("version"))) {
			out.println("madoguchi reader-adapter " + version());
			return 0;
		}
		try {
			Options options = Options.parse(args);
			CommandContext context = new CommandContext(options, environment, out, err);
			return switch (options.command) {
				case "readers" -> OtherCommands.readers(context);
				case "read" -> CardCommands.read(context);
				case "verify-lock" -> CardCommands.verifyLock(context);
				case "lock" -> CardCommands.lock(context);
				case "record-annotation" -> OtherCommands.recordAnnotation(context);
				case "watch" -> CardCommands.watch(context);
				case "ship" -> ShipCommand.ship(context);
				case "help", "--help", "-h" -> {
					out.println(USAGE);
					yield 0;
				}
				default -> throw new AdapterException(Fault.USAGE, "unknown command " + options.command);
			};
		}
		catch (AdapterException failure) {
			err.println(failure.message());
			if (failure.fault == Fault.USAGE) {
				err.println(USAGE);
			}
			return failure.fault.exitCode;
		}
		catch (RuntimeException | LinkageError unexpected) {
			// Last line of defence: the clerk gets one line, never a stack trace.
			err.println(Fault.INTERNAL_ERROR
				.message(unexpected.getClass().getSimpleName() + ": " + Environment.rootMessage(unexpected)));
			return Fault.INTERNAL_ERROR.exitCode;
		}
	}

	static String version() {
		String v = ReaderAdapter.class.getPackage().getImplementationVersion();
		return v != null ? v : "dev";
	}

}
