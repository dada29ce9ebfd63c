package jp.madoguchi.reconcile;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reconciliation's thresholds ({@code madoguchi.reconcile.*}; batch-jobs/reconcile/
 * reconcile.env sets them for the nightly run).
 *
 * @param tempPinMaxHours how long a temporary PIN may stay unlocked
 * @param stepLateHours how long after the step before it a step may be done before it is
 * late
 * @param chunkSize cases per chunk (one transaction, one commit of the job's position)
 * @param threads threads that reconcile ranges of cases at the same time
 */
@ConfigurationProperties("madoguchi.reconcile")
record ReconcileProperties(Integer tempPinMaxHours, Integer stepLateHours, Integer chunkSize, Integer threads) {

	ReconcileProperties {
		tempPinMaxHours = tempPinMaxHours == null ? 24 : tempPinMaxHours;
		stepLateHours = stepLateHours == null ? 72 : stepLateHours;
		chunkSize = chunkSize == null ? 1000 : chunkSize;
		threads = threads == null ? 2 : Math.max(1, threads);
	}

	Duration tempPinMax() {
		return Duration.ofHours(tempPinMaxHours);
	}

	Duration stepLate() {
		return Duration.ofHours(stepLateHours);
	}

}
