package jp.madoguchi.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.storage.FileReference;
import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Rosters;
import jp.madoguchi.tenant.StaffUser;
import jp.madoguchi.tenant.Tenants;
import tools.jackson.databind.JsonNode;

/**
 * The fixity job on real stored files and the real database, three files a chunk: an
 * altered file and a deleted one become ALTERED and MISSING findings of their records; a
 * run that finds the same again carries them over (no duplicate); files restored, the
 * next run resolves them. And the reader goes on after the position a restart finds in
 * its step's context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class FixityJobTest {

	private static final int ROSTERS = 7;

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
		// Fewer files a page than files: the steps go from chunk to chunk.
		registry.add("madoguchi.fixity.page-size", () -> "3");
	}

	@LocalServerPort
	int port;

	@Autowired
	FixityStore store;

	@Autowired
	JobRepository jobs;

	@Autowired
	Tenants tenants;

	@Test
	void alteredAndMissingFilesAreFoundOnceAndResolvedWhenRestored() throws Exception {
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		ApiClient operator = new ApiClient(port, "operator", "demo");
		long municipalityId = ((StaffUser) tenants.loadUserByUsername("operator")).municipalityId();
		for (int i = 0; i < ROSTERS; i++) {
			Rosters.importOne(clerk, Rosters.row("点検　" + "一二三四五六七".charAt(i) + "郎", "テンケン　タロウ", "S30." + (i + 1) + ".1",
					"新規交付（交付時来庁）", "本人"));
		}
		List<JsonNode> rosters = clerk.get("/api/rosters").json().valueStream().toList();
		assertThat(rosters).hasSize(ROSTERS);

		JsonNode clean = operator.postJson("/api/fixity-checks", "{}").json();
		assertThat(clean.get("checked").asLong()).isEqualTo(ROSTERS);
		assertThat(clean.get("mismatches")).isEmpty();
		FixityRun first = store.latestRun(municipalityId).orElseThrow();
		assertThat(first.status()).isEqualTo("COMPLETED");
		assertThat(first.checked()).isEqualTo(ROSTERS);
		// Several chunks ran: seven files, three a chunk.
		StepExecution rosterStep = step(municipalityId, first.id(), FixityJobConfiguration.ROSTER_FILES);
		assertThat(rosterStep.getReadCount()).isEqualTo(ROSTERS);
		assertThat(rosterStep.getCommitCount()).isGreaterThanOrEqualTo(3);

		JsonNode alteredRoster = rosters.get(1);
		JsonNode missingRoster = rosters.get(4);
		Path alteredFile = file(alteredRoster.get("sha256").asString());
		Path missingFile = file(missingRoster.get("sha256").asString());
		byte[] alteredOriginal = Files.readAllBytes(alteredFile);
		byte[] missingOriginal = Files.readAllBytes(missingFile);
		assertThat(alteredFile.toFile().setWritable(true)).isTrue();
		Files.writeString(alteredFile, "書き換えられた名簿");
		Files.delete(missingFile);

		JsonNode report = operator.postJson("/api/fixity-checks", "{}").json();
		assertThat(report.get("checked").asLong()).isEqualTo(ROSTERS);
		List<String> expected = List.of(
				"roster-file " + alteredRoster.get("id").asLong() + " " + alteredRoster.get("sha256").asString()
						+ " ALTERED",
				"roster-file " + missingRoster.get("id").asLong() + " " + missingRoster.get("sha256").asString()
						+ " MISSING");
		assertThat(report.get("mismatches")
			.valueStream()
			.map(m -> m.get("recordType").asString() + " " + m.get("recordId").asString() + " "
					+ m.get("sha256").asString() + " " + m.get("problem").asString()))
			.containsExactlyInAnyOrderElementsOf(expected);
		FixityRun second = store.latestRun(municipalityId).orElseThrow();
		assertThat(second.mismatches()).isEqualTo(2);
		List<FixityFinding> found = store.all(municipalityId);
		assertThat(found).hasSize(2).allSatisfy(f -> assertThat(f.state()).isEqualTo("OPEN"));
		assertThat(found.stream().map(f -> f.recordType() + " " + f.recordId() + " " + f.sha256() + " " + f.problem()))
			.containsExactlyInAnyOrderElementsOf(expected);

		// Nothing changed: the same findings, carried over, none doubled.
		JsonNode again = operator.postJson("/api/fixity-checks", "{}").json();
		assertThat(again.get("mismatches")).hasSize(2);
		FixityRun third = store.latestRun(municipalityId).orElseThrow();
		List<FixityFinding> carried = store.all(municipalityId);
		assertThat(carried).hasSize(2);
		Map<Long, FixityFinding> before = found.stream().collect(Collectors.toMap(FixityFinding::id, f -> f));
		assertThat(carried).allSatisfy(f -> {
			assertThat(before).containsKey(f.id());
			assertThat(f.firstFoundAt()).isEqualTo(before.get(f.id()).firstFoundAt());
			assertThat(f.lastFoundAt()).isEqualTo(third.startedAt());
			assertThat(f.state()).isEqualTo("OPEN");
		});
		assertThat(store.foundBy(municipalityId, third.id())).hasSize(2);

		// The page's and the API's overview show them open.
		JsonNode overview = operator.get("/api/fixity-checks").json();
		assertThat(overview.get("runs").get(0).get("id").asLong()).isEqualTo(third.id());
		assertThat(overview.get("runs").get(0).get("mismatches").asLong()).isEqualTo(2);
		assertThat(overview.get("open").valueStream().map(f -> f.get("problem").asString()))
			.containsExactlyInAnyOrder("ALTERED", "MISSING");

		// Restored: the next run finds every file intact and resolves both.
		Files.write(alteredFile, alteredOriginal);
		Files.write(missingFile, missingOriginal);
		JsonNode restored = operator.postJson("/api/fixity-checks", "{}").json();
		assertThat(restored.get("checked").asLong()).isEqualTo(ROSTERS);
		assertThat(restored.get("mismatches")).isEmpty();
		assertThat(store.all(municipalityId)).hasSize(2).allSatisfy(f -> assertThat(f.state()).isEqualTo("RESOLVED"));
		assertThat(operator.get("/api/fixity-checks").json().get("open")).isEmpty();
		assertThat(store.latestRun(municipalityId).orElseThrow().mismatches()).isZero();
	}

	@Test
	void aRestartedReaderGoesOnAfterTheCommittedPosition() throws Exception {
		List<FileReference> all = LongStream.rangeClosed(1, 10)
			.mapToObj(id -> new FileReference(Long.toString(id), "%064d".formatted(id)))
			.toList();
		FileReferenceReader.Pages pages = (after,
				limit) -> all.stream().filter(f -> Long.parseLong(f.recordId()) > after).limit(limit).toList();

		FileReferenceReader reader = new FileReferenceReader(pages, 3);
		ExecutionContext context = new ExecutionContext();
		reader.open(context);
		for (int i = 0; i < 4; i++) {
			reader.read();
		}
		reader.update(context);
		assertThat(context.getLong(FileReferenceReader.AFTER)).isEqualTo(4);

		// A new process: a new reader from the committed context.
		FileReferenceReader restarted = new FileReferenceReader(pages, 3);
		restarted.open(context);
		List<String> rest = new ArrayList<>();
		for (FileReference f = restarted.read(); f != null; f = restarted.read()) {
			rest.add(f.recordId());
		}
		assertThat(rest).containsExactly("5", "6", "7", "8", "9", "10");
	}

	private StepExecution step(long municipalityId, long runId, String name) {
		JobExecution execution = jobs.getLastJobExecution(FixityJobConfiguration.JOB,
				new JobParametersBuilder().addLong(FixityJobConfiguration.MUNICIPALITY, municipalityId)
					.addLong(FixityJobConfiguration.RUN, runId)
					.toJobParameters());
		return execution.getStepExecutions()
			.stream()
			.filter(s -> s.getStepName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private static Path file(String sha256) {
		return dataDir.resolve("files").resolve(sha256.substring(0, 2)).resolve(sha256);
	}

}
