package jp.madoguchi.records;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import jp.madoguchi.runtime.BatchCommands;
import jp.madoguchi.tenant.Municipality;
import jp.madoguchi.tenant.Tenants;

/**
 * {@code java -jar madoguchi.jar --spring.main.web-application-type=none
 * --madoguchi.fixity.run=true [--madoguchi.fixity.municipality=CODE]}
 * (batch-jobs/fixity/fixity wraps it): checks every stored file of one municipality, or
 * of each, then stops; the exit code is 0 when every run completed and found nothing
 * altered or missing, 1 otherwise.
 */
@Component
class FixityCommand implements ApplicationRunner, ExitCodeGenerator {

	static final String RUN = "madoguchi.fixity.run";

	static final String MUNICIPALITY = "madoguchi.fixity.municipality";

	private static final Logger log = LoggerFactory.getLogger(FixityCommand.class);

	private final FixityRuns runs;

	private final Tenants tenants;

	private final ConfigurableApplicationContext context;

	private int exitCode;

	FixityCommand(FixityRuns runs, Tenants tenants, ConfigurableApplicationContext context) {
		this.runs = runs;
		this.tenants = tenants;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.containsOption(RUN) || !"true".equals(args.getOptionValues(RUN).get(0))) {
			return;
		}
		List<Municipality> which = tenants.municipalitiesNamed(BatchCommands.option(args, MUNICIPALITY));
		for (Municipality m : which) {
			FixityRun r = runs.run(m.id(), "fixity-command");
			// Counts only: the findings (record type, id, SHA-256) are on /fixity.
			log.info("Fixity check of {}: {}, {} files, {} altered or missing", m.code().value(), r.status(),
					r.checked(), r.mismatches());
			if (!r.completed() || r.mismatches() > 0) {
				exitCode = 1;
			}
		}
		BatchCommands.exitWhenDone(context, this);
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
