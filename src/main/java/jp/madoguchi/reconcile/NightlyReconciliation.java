package jp.madoguchi.reconcile;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jp.madoguchi.runtime.ServingProcessOnly;
import jp.madoguchi.tenant.Municipality;
import jp.madoguchi.tenant.Tenants;

/**
 * The service runs the nightly reconciliation itself: every municipality, the day before,
 * at {@code madoguchi.reconcile.nightly} (a cron expression in Japan's time, by default
 * 02:30). On the embedded database no other process can open the database while the
 * service runs, so a timer outside it could not. Where batch-jobs/reconcile's timer runs
 * the job instead, {@code madoguchi.reconcile.nightly=-} turns this off; a day already
 * reconciled is not run again.
 */
@ServingProcessOnly
@EnableScheduling
@Component
class NightlyReconciliation {

	private static final Logger log = LoggerFactory.getLogger(NightlyReconciliation.class);

	private final Reconciliations reconciliations;

	private final Tenants tenants;

	private final Clock clock = Clock.system(ReconcileJobConfiguration.JAPAN);

	NightlyReconciliation(Reconciliations reconciliations, Tenants tenants) {
		this.reconciliations = reconciliations;
		this.tenants = tenants;
	}

	@Scheduled(cron = "${madoguchi.reconcile.nightly:0 30 2 * * *}", zone = "Asia/Tokyo")
	void runNightly() {
		LocalDate day = LocalDate.now(clock).minusDays(1);
		for (Municipality m : tenants.municipalities()) {
			if (reconciliations.completed(m.id(), day)) {
				continue;
			}
			try {
				Reconciliation r = reconciliations.run(m.id(), day, "nightly");
				log.info("Nightly reconciliation of {} for {}: {}, {} cases, {} findings", m.code().value(), day,
						r.status(), r.casesChecked(), r.findings().size());
			}
			catch (RuntimeException e) {
				// Type only; the run's own record says FAILED, and the next run finishes
				// it.
				log.error("Nightly reconciliation of {} for {} failed ({})", m.code().value(), day,
						e.getClass().getName());
			}
		}
	}

}
