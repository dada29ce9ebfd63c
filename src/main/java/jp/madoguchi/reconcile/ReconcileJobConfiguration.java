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
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import jp.madoguchi.cases.CaseRegistry;
import jp.madoguchi.cases.CaseSteps;
import jp.madoguchi.cases.SignedDocuments;
import jp.madoguchi.devicelog.DeviceEvidence;
import jp.madoguchi.forms.IssuedDocuments;

/**
 * The {@code reconcile} job, one instance per municipality, day and attempt: step
 * {@code cases} (chunks of cases: read in pages, classified, findings written, position
 * committed with them), then {@code unknown-events} (device events of cases no case
 * knows). The pattern every job follows is in batch-jobs/README.md.
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

	@Bean
	Step reconcileCases(JobRepository jobs, PlatformTransactionManager transactions, CaseBundleReader caseBundles,
			ItemProcessor<CaseBundle, List<FoundProblem>> caseClassifier, FindingWriter findingWriter,
			ReconcileProperties properties) {
		return new StepBuilder("cases", jobs).<CaseBundle, List<FoundProblem>>chunk(properties.chunkSize())
			.transactionManager(transactions)
			.reader(caseBundles)
			.processor(caseClassifier)
			.writer(findingWriter)
			.build();
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
			@Value("#{jobParameters['date']}") String date, ReconcileProperties properties, CaseSteps steps,
			CaseRegistry cases, SignedDocuments signed, IssuedDocuments issued, DeviceEvidence devices) {
		return new CaseBundleReader(municipalityId, endOf(LocalDate.parse(date)), properties.chunkSize(), steps, cases,
				signed, issued, devices);
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
