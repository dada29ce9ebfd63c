package jp.madoguchi.records;

import java.time.OffsetDateTime;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import jp.madoguchi.roster.RosterImporter;
import jp.madoguchi.scans.ScannedDocuments;
import jp.madoguchi.storage.ContentStore;
import jp.madoguchi.storage.FileReference;

/**
 * The {@code fixity} job, one instance per municipality and run: step
 * {@code roster-files}, then {@code scan-originals} (each reading its module's file
 * references a page at a time, a chunk a page: the page re-hashed, what is altered or
 * missing written as findings, the position committed with them), then {@code resolve}
 * (the open findings this run did not find again are resolved). A restart goes on after
 * the last commit. The pattern every job follows is in batch-jobs/README.md.
 */
@Configuration
class FixityJobConfiguration {

	static final String JOB = "fixity";

	/** The identifying parameters: the municipality and the run (fixity_run.id). */
	static final String MUNICIPALITY = "municipality";

	static final String RUN = "run";

	/** Not identifying: the run's start, the time its findings are found at. */
	static final String STARTED_AT = "startedAt";

	/** The names of the steps that read files (their read counts are files checked). */
	static final String ROSTER_FILES = "roster-files";

	static final String SCAN_ORIGINALS = "scan-originals";

	@Bean
	Job fixityJob(JobRepository jobs, Step fixityRosterFiles, Step fixityScanOriginals, Step fixityResolve) {
		return new JobBuilder(JOB, jobs).start(fixityRosterFiles).next(fixityScanOriginals).next(fixityResolve).build();
	}

	@Bean
	Step fixityRosterFiles(JobRepository jobs, PlatformTransactionManager transactions,
			FileReferenceReader fixityRosterFileReader, FixityWriter fixityRosterFileWriter,
			@Value("${madoguchi.fixity.page-size:10000}") int pageSize) {
		return new StepBuilder(ROSTER_FILES, jobs).<FileReference, FileReference>chunk(Math.max(1, pageSize))
			.transactionManager(transactions)
			.reader(fixityRosterFileReader)
			.writer(fixityRosterFileWriter)
			.build();
	}

	@Bean
	Step fixityScanOriginals(JobRepository jobs, PlatformTransactionManager transactions,
			FileReferenceReader fixityScanOriginalReader, FixityWriter fixityScanOriginalWriter,
			@Value("${madoguchi.fixity.page-size:10000}") int pageSize) {
		return new StepBuilder(SCAN_ORIGINALS, jobs).<FileReference, FileReference>chunk(Math.max(1, pageSize))
			.transactionManager(transactions)
			.reader(fixityScanOriginalReader)
			.writer(fixityScanOriginalWriter)
			.build();
	}

	@Bean
	@StepScope
	FileReferenceReader fixityRosterFileReader(@Value("#{jobParameters['municipality']}") Long municipalityId,
			@Value("${madoguchi.fixity.page-size:10000}") int pageSize, RosterImporter rosters) {
		return new FileReferenceReader((after, limit) -> rosters.files(municipalityId, after, limit),
				Math.max(1, pageSize));
	}

	@Bean
	@StepScope
	FileReferenceReader fixityScanOriginalReader(@Value("#{jobParameters['municipality']}") Long municipalityId,
			@Value("${madoguchi.fixity.page-size:10000}") int pageSize, ScannedDocuments scans) {
		return new FileReferenceReader((after, limit) -> scans.files(municipalityId, after, limit),
				Math.max(1, pageSize));
	}

	@Bean
	@StepScope
	FixityWriter fixityRosterFileWriter(@Value("#{jobParameters['municipality']}") Long municipalityId,
			@Value("#{jobParameters['run']}") Long runId, @Value("#{jobParameters['startedAt']}") String startedAt,
			ContentStore files, FixityStore store) {
		return new FixityWriter(files, store, RecordType.ROSTER_FILE, municipalityId, runId,
				OffsetDateTime.parse(startedAt));
	}

	@Bean
	@StepScope
	FixityWriter fixityScanOriginalWriter(@Value("#{jobParameters['municipality']}") Long municipalityId,
			@Value("#{jobParameters['run']}") Long runId, @Value("#{jobParameters['startedAt']}") String startedAt,
			ContentStore files, FixityStore store) {
		return new FixityWriter(files, store, RecordType.SCAN_ORIGINAL, municipalityId, runId,
				OffsetDateTime.parse(startedAt));
	}

	/**
	 * Every file read: an open finding this run did not find again has its file intact
	 * again (or its record is gone). Idempotent, so a restart may run it again.
	 */
	@Bean
	Step fixityResolve(JobRepository jobs, PlatformTransactionManager transactions, FixityStore store) {
		return new StepBuilder("resolve", jobs).tasklet((contribution, chunk) -> {
			var params = chunk.getStepContext().getJobParameters();
			store.resolveNotFoundBy((Long) params.get(RUN), (Long) params.get(MUNICIPALITY));
			return RepeatStatus.FINISHED;
		}, transactions).build();
	}

}
