package jp.madoguchi.records;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jp.madoguchi.runtime.ServingProcessOnly;
import jp.madoguchi.tenant.Municipality;
import jp.madoguchi.tenant.Tenants;

/**
 * The service runs the fixity check itself every week for every municipality, at
 * {@code madoguchi.fixity.weekly} (a cron expression in Japan's time, by default Sunday
 * 03:00). On the embedded database no other process can open the database while the
 * service runs, so a timer outside it could not. Where batch-jobs/fixity's timer runs the
 * job instead, {@code madoguchi.fixity.weekly=-} turns this off.
 */
@ServingProcessOnly
@EnableScheduling
@Component
class WeeklyFixity {

	private static final Logger log = LoggerFactory.getLogger(WeeklyFixity.class);

	private final FixityRuns runs;

	private final Tenants tenants;

	WeeklyFixity(FixityRuns runs, Tenants tenants) {
		this.runs = runs;
		this.tenants = tenants;
	}

	@Scheduled(cron = "${madoguchi.fixity.weekly:0 0 3 * * SUN}", zone = "Asia/Tokyo")
	void runWeekly() {
		for (Municipality m : tenants.municipalities()) {
			try {
				FixityRun r = runs.run(m.id(), "weekly");
				log.info("Weekly fixity check of {}: {}, {} files, {} altered or missing", m.code().value(), r.status(),
						r.checked(), r.mismatches());
			}
			catch (RuntimeException e) {
				// Type only; the run's own record says so, and the next start finishes
				// it.
				log.error("Weekly fixity check of {} failed ({})", m.code().value(), e.getClass().getName());
			}
		}
	}

}
