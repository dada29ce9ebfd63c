package jp.madoguchi.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ProcessBuilder.Redirect;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import jp.madoguchi.MadoguchiApplication;
import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.PostgresTestDatabase;
import jp.madoguchi.support.Rosters;
import jp.madoguchi.support.ServiceProcess;
import tools.jackson.databind.JsonNode;

/**
 * The nightly job's command line (batch-jobs/reconcile/reconcile) beside the running
 * service, on the same PostgreSQL schema and data directory, as the systemd timer runs
 * it: the job completes, and the service keeps its duties — its search index (whose write
 * lock a second process could not take) still takes new rosters, and an upload it is
 * staging is not removed by the job's start.
 */
@ExtendWith(PostgresTestDatabase.class)
class BatchJobBesideServiceTest {

	@TempDir
	Path dataDir;

	private Process service;

	@AfterEach
	void stop() {
		if (service != null) {
			service.destroyForcibly();
		}
	}

	@Test
	void theNightlyCommandRunsBesideTheService() throws Exception {
		List<String> database = PostgresTestDatabase.arguments(PostgresTestDatabase.newSchema());
		int port = ServiceProcess.freePort();
		service = ServiceProcess.start(port, dataDir, database.toArray(String[]::new));
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		ApiClient operator = new ApiClient(port, "operator", "demo");
		long caseId = importOne(clerk, "夜間　一郎", "ヤカン　イチロウ");
		String twoDaysAgo = OffsetDateTime.now().minusDays(2).toString();
		for (String step : List.of("CONSENT_WITH_PORTAL_TERMS", "TEMPORARY_PIN")) {
			var recorded = clerk.postJson("/api/cases/" + caseId + "/steps",
					"{\"step\":\"" + step + "\",\"at\":\"" + twoDaysAgo + "\",\"reason\":\"転記\"}");
			assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
		}
		Path inFlight = Files.writeString(dataDir.resolve("staging").resolve("upload-in-flight.part"), "uploading");

		String day = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
		List<String> command = new ArrayList<>(List.of("bash", "batch-jobs/reconcile/reconcile", "--date=" + day,
				"--madoguchi.data-dir=" + dataDir, "--spring.main.banner-mode=off"));
		command.addAll(database);
		ProcessBuilder job = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(Redirect.appendTo(dataDir.resolveSibling("job.log").toFile()));
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		job.environment()
			.put("MADOGUCHI_JAVA_CMD", Path.of(System.getProperty("java.home"), "bin", "java") + " -Xmx512m -cp "
					+ classPath + " " + MadoguchiApplication.class.getName());
		Process run = job.start();
		assertThat(run.waitFor(180, TimeUnit.SECONDS)).as("the job ends").isTrue();
		assertThat(run.exitValue()).as("exit code; log: " + Files.readString(dataDir.resolveSibling("job.log")))
			.isZero();

		JsonNode result = operator.get("/api/reconciliations?date=" + day).json();
		assertThat(result.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(result.get("findings")
			.valueStream()
			.filter(f -> f.get("caseId").asLong() == caseId)
			.map(f -> f.get("type").asString())).containsExactly("TEMP_PIN_NOT_LOCKED");
		assertThat(inFlight).as("the service's upload in progress").exists();
		// The service still feeds its index: a roster imported after the job is found.
		long later = importOne(clerk, "夜間　二郎", "ヤカン　ジロウ");
		ApiClient officer = new ApiClient(port, "officer", "demo");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		List<Long> found = List.of();
		while (System.nanoTime() < deadline && !found.contains(later)) {
			var searched = officer.get("/api/search?q=" + URLEncoder.encode("夜間二郎", StandardCharsets.UTF_8));
			assertThat(searched.status()).as(searched.text()).isEqualTo(200);
			found = searched.json().get("hits").valueStream().map(h -> h.get("caseId").asLong()).toList();
			Thread.sleep(100);
		}
		assertThat(found).contains(later);
	}

	private static long importOne(ApiClient clerk, String name, String reading) {
		return Rosters.importOne(clerk, Rosters.row(name, reading, "昭和10年10月10日", "新規交付（交付時来庁）", "本人"));
	}

}
