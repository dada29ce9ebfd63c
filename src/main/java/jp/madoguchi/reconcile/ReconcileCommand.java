package jp.madoguchi.reconcile;

import java.time.LocalDate;
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
 * --madoguchi.reconcile.date=YYYY-MM-DD [--madoguchi.reconcile.municipality=CODE]}
 * (batch-jobs/reconcile/reconcile wraps it): reconciles that day for one municipality, or
 * for each, then stops; the exit code is 0 when every run completed.
 */
@Component
class ReconcileCommand implements ApplicationRunner, ExitCodeGenerator {

	static final String DATE = "madoguchi.reconcile.date";

	static final String MUNICIPALITY = "madoguchi.reconcile.municipality";

	private static final Logger log = LoggerFactory.getLogger(ReconcileCommand.class);

	private final Reconciliations reconciliations;

	private final Tenants tenants;

	private final ConfigurableApplicationContext context;

	private int exitCode;

	ReconcileCommand(Reconciliations reconciliations, Tenants tenants, ConfigurableApplicationContext context) {
		this.reconciliations = reconciliations;
		this.tenants = tenants;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.containsOption(DATE)) {
			return;
		}
		LocalDate day = LocalDate.parse(args.getOptionValues(DATE).get(0));
		List<Municipality> which = tenants.municipalitiesNamed(BatchCommands.option(args, MUNICIPALITY));
		for (Municipality m : which) {
			Reconciliation r = reconciliations.run(m.id(), day, "reconcile-command");
			log.info("Reconciliation of {} for {}: {}, attempt {}, {} cases, {} findings", m.code().value(), day,
					r.status(), r.attempt(), r.casesChecked(), r.findings().size());
			if (!"COMPLETED".equals(r.status())) {
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
