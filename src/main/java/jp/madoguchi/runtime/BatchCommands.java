package jp.madoguchi.runtime;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.context.WebApplicationContext;

/** What every batch job's command line ({@code ApplicationRunner}) does alike. */
public final class BatchCommands {

	private BatchCommands() {
	}

	/** The option's value, or null when it was not given. */
	public static String option(ApplicationArguments args, String name) {
		return args.containsOption(name) ? args.getOptionValues(name).get(0) : null;
	}

	/**
	 * Stops the process with the command's exit code once its run is done, when there is
	 * no web server: the run is all the process is for, and background threads would keep
	 * it alive.
	 */
	public static void exitWhenDone(ConfigurableApplicationContext context, ExitCodeGenerator exitCode) {
		if (!(context instanceof WebApplicationContext)) {
			System.exit(SpringApplication.exit(context, exitCode));
		}
	}

}
