package jp.madoguchi.reader;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import jp.madoguchi.reader.json.JsonObjectBuilder;
import jp.madoguchi.reader.ship.LogShipper;
import jp.madoguchi.reader.ship.LogShipper.Credentials;

/** {@code ship}: send new log lines to the service. Prints a one-line JSON summary. */
final class ShipCommand {

	private static final int MAX_ATTEMPTS = 5;

	private ShipCommand() {
	}

	static int ship(CommandContext context) throws AdapterException {
		Options options = context.options;
		options.allowOnly(List.of("service", "user", "password-env", "key-env", "log-dir", "workstation"));
		URI service;
		try {
			service = URI.create(options.required("service"));
			if (service.getScheme() == null || !service.getScheme().startsWith("http")) {
				throw new IllegalArgumentException();
			}
		}
		catch (IllegalArgumentException e) {
			throw new AdapterException(Fault.USAGE, "--service must be an http(s) URL");
		}
		LogShipper shipper = new LogShipper(service, credentials(context), context.environment.shipBackoff,
				MAX_ATTEMPTS);
		try {
			LogShipper.Summary summary = shipper.shipAll(context.log.files());
			context.out.println(new JsonObjectBuilder().add("command", "ship")
				.add("filesWithNewLines", summary.filesWithNewLines())
				.add("linesSent", summary.linesSent())
				.add("accepted", summary.accepted())
				.add("duplicates", summary.duplicates())
				.toJson());
			return 0;
		}
		catch (IOException e) {
			throw new AdapterException(Fault.LOG_ERROR, Environment.rootMessage(e), e);
		}
		catch (LogShipper.ShipException e) {
			Fault fault = switch (e.kind()) {
				case CHAIN_REJECTED -> Fault.SHIP_REJECTED;
				case TOO_LARGE -> Fault.SHIP_TOO_LARGE;
				case BAD_REQUEST -> Fault.SHIP_BAD_REQUEST;
				case UNAUTHORIZED -> Fault.SHIP_UNAUTHORIZED;
				case UNAVAILABLE -> Fault.SHIP_FAILED;
				case LOCAL_LOG_CHANGED -> Fault.LOCAL_LOG_CHANGED;
			};
			AdapterException failure = new AdapterException(fault, e.japanese(), e.getMessage());
			failure.initCause(e);
			throw failure;
		}
	}

	/**
	 * Secrets come from environment variables only, never from the command line (it shows
	 * in process lists).
	 */
	private static Credentials credentials(CommandContext context) throws AdapterException {
		Options options = context.options;
		String keyVariable = options.get("key-env");
		String user = options.get("user");
		if (keyVariable != null && user != null) {
			throw new AdapterException(Fault.USAGE, "use either --key-env or --user/--password-env");
		}
		if (keyVariable != null) {
			return Credentials.workstationKey(secret(context, keyVariable));
		}
		if (user == null) {
			throw new AdapterException(Fault.USAGE, "ship needs --key-env VAR or --user NAME --password-env VAR");
		}
		return Credentials.basic(user, secret(context, options.required("password-env")));
	}

	private static String secret(CommandContext context, String variable) throws AdapterException {
		String value = context.environment.variables.apply(variable);
		if (value == null || value.isEmpty()) {
			throw new AdapterException(Fault.USAGE, "environment variable " + variable + " is not set");
		}
		return value;
	}

}
