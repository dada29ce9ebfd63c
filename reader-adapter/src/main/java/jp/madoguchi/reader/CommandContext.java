package jp.madoguchi.reader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import javax.smartcardio.CardTerminals;
import jp.madoguchi.reader.log.DailyEventLog;

/**
 * What every command shares: parsed options, the environment, the output streams and the
 * log.
 */
final class CommandContext {

	final Options options;

	final Environment environment;

	final PrintStream out;

	final PrintStream err;

	final String workstation;

	final DailyEventLog log;

	CommandContext(Options options, Environment environment, PrintStream out, PrintStream err) {
		this.options = options;
		this.environment = environment;
		this.out = out;
		this.err = err;
		String given = options.get("workstation");
		this.workstation = given != null && !given.isBlank() ? given : environment.hostname();
		String logDir = options.get("log-dir");
		this.log = new DailyEventLog(logDir != null ? Path.of(logDir) : environment.defaultLogDirectory(), workstation);
	}

	CardTerminals terminals() throws AdapterException {
		return environment.terminals.open(options.get("pcsc-library"));
	}

	/**
	 * Seals the event into today's file and prints the logged line on stdout. Returns the
	 * line; throws LOG_ERROR when the log cannot be written (the command must then not
	 * report success).
	 */
	String record(DeviceEvent event) throws AdapterException {
		OffsetDateTime now = OffsetDateTime.now(environment.clock);
		try {
			DailyEventLog.Appended appended = log.append(now.toLocalDate(), event.toOpenJson(now, workstation));
			if (appended.tornBytesRemoved() > 0) {
				err.println("警告: 途中で途切れたログ行を " + appended.file().getFileName() + DailyEventLog.TORN_SUFFIX
						+ " に退避しました / warning: moved a torn last line (" + appended.tornBytesRemoved()
						+ " bytes, from an interrupted write) to " + appended.file().getFileName()
						+ DailyEventLog.TORN_SUFFIX);
			}
			out.println(appended.line());
			return appended.line();
		}
		catch (IOException | RuntimeException e) {
			throw new AdapterException(Fault.LOG_ERROR, log.directory() + ": " + Environment.rootMessage(e), e);
		}
	}

	/**
	 * Ends a command with a fault: logs an error event when there is one, prints the
	 * message, returns the code.
	 */
	int fail(AdapterException failure, DeviceEvent event) {
		if (event != null && failure.fault != Fault.LOG_ERROR && failure.fault != Fault.USAGE) {
			event.outcome = failure.fault.name();
			event.detail = failure.detail;
			try {
				record(event);
			}
			catch (AdapterException logFailure) {
				err.println(logFailure.fault.message(logFailure.detail));
			}
		}
		err.println(failure.message());
		return failure.fault.exitCode;
	}

}
