package jp.madoguchi.reconcile;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;

import jp.madoguchi.errors.ClientError;

/**
 * Runs the reconciliation of a municipality's day and answers what it found. A day run
 * before is run again as the next attempt (the same records give the same findings); an
 * attempt that did not finish (the process was killed) is recovered and restarted from
 * its last commit, with no finding lost or doubled.
 */
@Service
public class Reconciliations {

	private static final Logger log = LoggerFactory.getLogger(Reconciliations.class);

	private final JobOperator operator;

	private final JobRepository repository;

	private final Job job;

	private final FindingStore store;

	/**
	 * Runs this process started and has not seen end (one per municipality at a time).
	 */
	private final Set<Long> running = ConcurrentHashMap.newKeySet();

	/** Runs started from the page, one after another. */
	private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "reconcile-runner");
		t.setDaemon(true);
		return t;
	});

	Reconciliations(JobOperator operator, JobRepository repository, Job reconcileJob, FindingStore store) {
		this.operator = operator;
		this.repository = repository;
		this.job = reconcileJob;
		this.store = store;
	}

	/** Runs (or re-runs, or finishes) the day and returns when done. */
	Reconciliation run(long municipalityId, LocalDate day, String startedBy) {
		if (!running.add(municipalityId)) {
			throw ClientError.conflict("RECONCILE_RUNNING");
		}
		return runClaimed(municipalityId, day, startedBy);
	}

	/** Runs with the municipality claimed in {@link #running}; releases it when done. */
	private Reconciliation runClaimed(long municipalityId, LocalDate day, String startedBy) {
		try {
			int last = store.lastAttempt(municipalityId, day);
			JobExecution unfinished = last < 0 ? null : repository.getLastJobExecution(ReconcileJobConfiguration.JOB,
					identifying(municipalityId, day, last));
			JobExecution done;
			if (unfinished != null && unfinished.getStatus() != BatchStatus.COMPLETED) {
				if (unfinished.getStatus().isRunning()) {
					// Not running here (this process would hold the municipality): the
					// process that ran it is gone.
					unfinished = operator.recover(unfinished);
				}
				log.info("Reconciliation of municipality {} for {}: attempt {} restarted from its last commit",
						municipalityId, day, last);
				done = operator.restart(unfinished);
			}
			else {
				int attempt = last + 1;
				long runId = store.runFor(municipalityId, day, attempt, startedBy);
				JobParameters parameters = new JobParametersBuilder(identifying(municipalityId, day, attempt))
					.addLong("runId", runId, false)
					.toJobParameters();
				done = operator.start(job, parameters);
			}
			long runId = done.getJobParameters().getLong("runId");
			long checked = casesRead(done);
			store.finish(runId, done.getStatus() == BatchStatus.COMPLETED ? "COMPLETED" : "FAILED", checked,
					done.getId());
			return result(municipalityId, day).orElseThrow();
		}
		catch (ClientError e) {
			throw e;
		}
		catch (Exception e) {
			throw new IllegalStateException("reconciliation failed", e);
		}
		finally {
			running.remove(municipalityId);
		}
	}

	/**
	 * Starts the day's run in the background (the page shows its progress); false when
	 * the municipality's run is already under way.
	 */
	boolean start(long municipalityId, LocalDate day, String startedBy) {
		// Claimed before the page is answered, so the page it redirects to shows the run.
		if (!running.add(municipalityId)) {
			return false;
		}
		background.execute(() -> {
			try {
				runClaimed(municipalityId, day, startedBy);
			}
			catch (RuntimeException e) {
				// Type only: the run's own record says FAILED, and the next run finishes
				// it.
				log.error("Reconciliation of municipality {} for {} failed ({})", municipalityId, day,
						e.getClass().getName());
			}
		});
		return true;
	}

	/**
	 * Cases checked so far by the day's latest attempt (committed chunks), when it runs
	 * here.
	 */
	Optional<Long> progress(long municipalityId, LocalDate day) {
		if (!running.contains(municipalityId)) {
			return Optional.empty();
		}
		int last = store.lastAttempt(municipalityId, day);
		JobExecution execution = last < 0 ? null
				: repository.getLastJobExecution(ReconcileJobConfiguration.JOB, identifying(municipalityId, day, last));
		if (execution == null) {
			return Optional.of(0L);
		}
		return Optional.of(casesRead(execution));
	}

	/**
	 * Cases the execution's range steps ({@code cases-part:…}) have read and committed.
	 */
	private static long casesRead(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.filter(s -> s.getStepName().startsWith(ReconcileJobConfiguration.PART))
			.mapToLong(StepExecution::getReadCount)
			.sum();
	}

	/** Whether the day's latest run completed (a day never run has not). */
	boolean completed(long municipalityId, LocalDate day) {
		return store.latestRun(municipalityId, day).map(r -> "COMPLETED".equals(r.status())).orElse(false);
	}

	/** The day's latest run and its findings. */
	Optional<Reconciliation> result(long municipalityId, LocalDate day) {
		return store.latestRun(municipalityId, day)
			.map(r -> new Reconciliation(r.id(), r.day(), r.attempt(), r.status(), r.startedAt(), r.finishedAt(),
					r.casesChecked(), store.findingsOf(municipalityId, r.id())));
	}

	/**
	 * The dashboard: the last {@code days} days up to today in Japan that have a run, and
	 * the open findings.
	 */
	ReconciliationSummary summary(long municipalityId, int days) {
		LocalDate to = LocalDate.now(ReconcileJobConfiguration.JAPAN);
		LocalDate from = to.minusDays(days - 1L);
		return new ReconciliationSummary(from, to, store.days(municipalityId, from, to),
				store.openCount(municipalityId), store.openFindings(municipalityId, ReconciliationSummary.OPEN_LISTED));
	}

	private static JobParameters identifying(long municipalityId, LocalDate day, int attempt) {
		return new JobParametersBuilder().addLong("municipality", municipalityId)
			.addString("date", day.toString())
			.addLong("attempt", (long) attempt)
			.toJobParameters();
	}

}
