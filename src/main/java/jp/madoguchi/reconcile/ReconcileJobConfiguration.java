package jp.madoguchi.reconcile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import jp.madoguchi.cases.CaseRegistry;
import jp.madoguchi.cases.CaseSteps;
import jp.madoguchi.cases.SignedDocuments;
import jp.madoguchi.devicelog.DeviceEvidence;
import jp.madoguchi.forms.IssuedDocuments;

/**
 * The {@code reconcile} job, one instance per municipality, day and attempt: step
 * {@code cases}, then {@code unknown-events} (device events of cases no case knows).
 * {@code cases} divides the municipality's case ids into ranges, each a step of its own
 * ({@code cases-part}: chunks of cases read in pages, classified, findings written,
 * position committed with them) run by {@code madoguchi.reconcile.threads} threads: the
 * database and the classifier then work at the same time, on both cores. A restart runs
 * again only the ranges that did not complete, each from its last commit. The pattern
 * every job follows is in batch-jobs/README.md.
 */
@Configuration
@EnableConfigurationProperties(ReconcileProperties.class)
class ReconcileJobConfiguration {

	static final String JOB = "reconcile";

	static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	/** The end of a day in Japan: what a run for that day judges by. */
	static OffsetDateTime endOf(LocalDate day) {
		return day.plusDays(1).atStartOfDay(JAPAN).toOffsetDateTime();
	}

	@Bean
	Job reconcileJob(JobRepository jobs, Step reconcileCases, Step reconcileUnknownEvents) {
		return new JobBuilder(JOB, jobs).start(reconcileCases).next(reconcileUnknownEvents).build();
	}

	/** The name of the steps of the ranges ({@code cases-part:partitionN}). */
	static final String PART = "cases-part";

	/** Where a range starts after and ends, in its step's context. */
	static final String RANGE_AFTER = "reconcile.rangeAfter";

	static final String RANGE_LAST = "reconcile.rangeLast";

	@Bean
	Step reconcileCases(JobRepository jobs, Step reconcileCasePart, Partitioner caseRanges,
			ReconcileProperties properties) {
		SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("reconcile-");
		threads.setConcurrencyLimit(properties.threads());
		return new StepBuilder("cases", jobs).partitioner(PART, caseRanges)
			.step(reconcileCasePart)
			.gridSize(properties.threads() * RANGES_PER_THREAD)
			.taskExecutor(threads)
			.build();
	}

	/**
	 * More ranges than threads: a range whose cases have fewer steps finishes early, and
	 * its thread takes the next.
	 */
	private static final int RANGES_PER_THREAD = 4;

	@Bean
	Step reconcileCasePart(JobRepository jobs, PlatformTransactionManager transactions, CaseBundleReader caseBundles,
			ItemProcessor<CaseBundle, List<FoundProblem>> caseClassifier, FindingWriter findingWriter,
			ReconcileProperties properties) {
		return new StepBuilder(PART, jobs).<CaseBundle, List<FoundProblem>>chunk(properties.chunkSize())
			.transactionManager(transactions)
			.reader(caseBundles)
			.processor(caseClassifier)
			.writer(findingWriter)
			.build();
	}

	/**
	 * The municipality's case ids, from its lowest to its highest, in {@code gridSize}
	 * ranges of equal width (none when it has no case).
	 */
	@Bean
	@StepScope
	Partitioner caseRanges(@Value("#{jobParameters['municipality']}") Long municipalityId, CaseRegistry cases) {
		return gridSize -> {
			Map<String, ExecutionContext> ranges = new LinkedHashMap<>();
			cases.caseIdRange(municipalityId).ifPresent(range -> {
				long width = Math.max(1, (range.last() - range.first() + gridSize) / gridSize);
				long after = range.first() - 1;
				for (int i = 0; after < range.last(); i++) {
					long last = Math.min(range.last(), after + width);
					ExecutionContext context = new ExecutionContext();
					context.putLong(RANGE_AFTER, after);
					context.putLong(RANGE_LAST, last);
					ranges.put("partition" + i, context);
					after = last;
				}
			});
			return ranges;
		};
	}

	/**
	 * The classifier, with the day's end and the workstation-days whose log was refused.
	 */
	@Bean
	@StepScope
	ItemProcessor<CaseBundle, List<FoundProblem>> caseClassifier(
			@Value("#{jobParameters['municipality']}") Long municipalityId,
			@Value("#{jobParameters['date']}") String date, ReconcileProperties properties, DeviceEvidence devices) {
		OffsetDateTime until = endOf(LocalDate.parse(date));
		Set<String> brokenDays = devices.brokenWorkstationDays(municipalityId, until);
		FindingClassifier classifier = new FindingClassifier(properties.tempPinMax(), properties.stepLate());
		return bundle -> classifier.classify(bundle, until, brokenDays);
	}

	@Bean
	@StepScope
	CaseBundleReader caseBundles(@Value("#{jobParameters['municipality']}") Long municipalityId,
			@Value("#{jobParameters['date']}") String date,
			@Value("#{stepExecutionContext['" + RANGE_AFTER + "']}") Long after,
			@Value("#{stepExecutionContext['" + RANGE_LAST + "']}") Long last, ReconcileProperties properties,
			CaseSteps steps, CaseRegistry cases, SignedDocuments signed, IssuedDocuments issued,
			DeviceEvidence devices) {
		return new CaseBundleReader(municipalityId, endOf(LocalDate.parse(date)), after, last, properties.chunkSize(),
				steps, cases, signed, issued, devices);
	}

	@Bean
	@StepScope
	FindingWriter findingWriter(@Value("#{jobParameters['municipality']}") Long municipalityId,
			@Value("#{jobParameters['date']}") String date, @Value("#{jobParameters['runId']}") Long runId,
			FindingStore store) {
		return new FindingWriter(store, runId, municipalityId, LocalDate.parse(date));
	}

	@Bean
	Step reconcileUnknownEvents(JobRepository jobs, PlatformTransactionManager transactions, FindingStore store,
			DeviceEvidence devices) {
		return new StepBuilder("unknown-events", jobs).tasklet((contribution, chunk) -> {
			Map<String, Object> params = chunk.getStepContext().getJobParameters();
			long municipalityId = (Long) params.get("municipality");
			LocalDate day = LocalDate.parse((String) params.get("date"));
			Map<String, List<String>> byReference = new LinkedHashMap<>();
			devices.unknownCaseEvents(municipalityId, endOf(day))
				.forEach(e -> byReference.computeIfAbsent(String.valueOf(e.caseRef()), k -> new ArrayList<>())
					.add(e.eventId()));
			List<FoundProblem> problems = new ArrayList<>();
			byReference.forEach((reference, events) -> problems.add(new FoundProblem(FindingType.UNKNOWN_CARD_EVENT,
					null, FindingType.UNKNOWN_CARD_EVENT.name() + ":" + reference,
					FoundProblem.Evidence.of(List.of(), events), List.of(reference, Integer.toString(events.size())))));
			store.save((Long) params.get("runId"), municipalityId, day, problems);
			return RepeatStatus.FINISHED;
		}, transactions).build();
	}

}
