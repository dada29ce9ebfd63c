package jp.madoguchi.records;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

import jp.madoguchi.errors.ClientError;

/**
 * Runs the fixity job for a municipality and answers what it found. A run that did not
 * finish (the process was killed, or it failed) is finished first by the next start:
 * recovered when still marked STARTED, then restarted from its last commit, with no
 * finding lost or doubled; then the new run starts.
 */
@Service
class FixityRuns {

	private static final Logger log = LoggerFactory.getLogger(FixityRuns.class);

	private final JobOperator operator;

	private final JobRepository repository;

	private final Job job;

	private final FixityStore store;

	/** Municipalities whose run this process started and has not seen end. */
	private final Set<Long> running = ConcurrentHashMap.newKeySet();

	/** Runs started from the page, one after another. */
	private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "fixity-runner");
		t.setDaemon(true);
		return t;
	});

	FixityRuns(JobOperator operator, JobRepository repository, Job fixityJob, FixityStore store) {
		this.operator = operator;
		this.repository = repository;
		this.job = fixityJob;
		this.store = store;
	}

	/** Checks every stored file of the municipality now; returns the run when done. */
	FixityRun run(long municipalityId, String startedBy) {
		if (!running.add(municipalityId)) {
			throw ClientError.conflict("FIXITY_RUNNING");
		}
		return runClaimed(municipalityId, startedBy);
	}

	/**
	 * Starts a run in the background (the page shows its progress) and hands the finished
	 * run to {@code done}; false when the municipality's run is already under way.
	 */
	boolean start(long municipalityId, String startedBy, Consumer<FixityRun> done) {
		// Claimed before the page is answered, so the page it redirects to shows the run.
		if (!running.add(municipalityId)) {
			return false;
		}
		background.execute(() -> {
			try {
				done.accept(runClaimed(municipalityId, startedBy));
			}
			catch (RuntimeException e) {
				// Type only: the run's own record says so, and the next start finishes
				// it.
				log.error("Fixity check of municipality {} failed ({})", municipalityId, e.getClass().getName());
			}
		});
		return true;
	}

	/** Whether this process is running the municipality's check. */
	boolean isRunning(long municipalityId) {
		return running.contains(municipalityId);
	}

	/** Runs with the municipality claimed in {@link #running}; releases it when done. */
	private FixityRun runClaimed(long municipalityId, String startedBy) {
		try {
			finishUnfinished(municipalityId);
			long runId = store.newRun(municipalityId, startedBy);
			FixityRun created = store.run(municipalityId, runId).orElseThrow();
			JobParameters parameters = new JobParametersBuilder(identifying(municipalityId, runId))
				.addString(FixityJobConfiguration.STARTED_AT, created.startedAt().toString(), false)
				.toJobParameters();
			JobExecution done = operator.start(job, parameters);
			return finish(municipalityId, runId, done);
		}
		catch (ClientError e) {
			throw e;
		}
		catch (Exception e) {
			throw new IllegalStateException("fixity check failed", e);
		}
		finally {
			running.remove(municipalityId);
		}
	}

	/**
	 * The latest run when it did not complete: the process that ran it is gone (this one
	 * holds the municipality), so it is recovered and restarted from its last commit.
	 */
	private void finishUnfinished(long municipalityId) throws Exception {
		Optional<FixityRun> latest = store.latestRun(municipalityId);
		if (latest.isEmpty() || latest.get().completed()) {
			return;
		}
		long runId = latest.get().id();
		JobExecution unfinished = repository.getLastJobExecution(FixityJobConfiguration.JOB,
				identifying(municipalityId, runId));
		JobExecution done;
		if (unfinished == null) {
			// Killed between its row and its job: nothing was read, start it now.
			done = operator.start(job,
					new JobParametersBuilder(identifying(municipalityId, runId))
						.addString(FixityJobConfiguration.STARTED_AT, latest.get().startedAt().toString(), false)
						.toJobParameters());
		}
		else if (unfinished.getStatus() == BatchStatus.COMPLETED) {
			done = unfinished;
		}
		else {
			if (unfinished.getStatus().isRunning()) {
				unfinished = operator.recover(unfinished);
			}
			log.info("Fixity run {} of municipality {} restarted from its last commit", runId, municipalityId);
			done = operator.restart(unfinished);
		}
		finish(municipalityId, runId, done);
	}

	private FixityRun finish(long municipalityId, long runId, JobExecution done) {
		store.finish(runId, done.getStatus() == BatchStatus.COMPLETED ? "COMPLETED" : "FAILED", done.getId());
		return store.run(municipalityId, runId).orElseThrow();
	}

	private static JobParameters identifying(long municipalityId, long runId) {
		return new JobParametersBuilder().addLong(FixityJobConfiguration.MUNICIPALITY, municipalityId)
			.addLong(FixityJobConfiguration.RUN, runId)
			.toJobParameters();
	}

}
