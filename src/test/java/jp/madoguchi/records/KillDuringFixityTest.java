package jp.madoguchi.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Rosters;
import jp.madoguchi.support.ServiceProcess;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 in the middle of a fixity run, in a service of its own (a separate JVM, one
 * file per chunk): the next check first finishes the killed run from its last commit (its
 * count of files checked ends exactly at the number of files: nothing read twice), then
 * runs its own; the missing file is one finding.
 */
class KillDuringFixityTest {

	private static final int FILES = 150;

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
	void aRunKilledMidwayIsFinishedFromItsLastCommit() throws Exception {
		int port = ServiceProcess.freePort();
		service = start(port);
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		ApiClient operator = new ApiClient(port, "operator", "demo");
		for (int i = 0; i < FILES; i++) {
			var created = clerk.upload("kill-fixity-" + i + ".csv",
					Rosters.csv(List.of(Rosters.row("中断　花子", "チュウダン　ハナコ",
							LocalDate.of(1940, 1, 1).plusDays(i).toString().replace('-', '/'), "新規交付（交付時来庁）", "本人"))),
					false);
			assertThat(created.status()).as(created.text()).isEqualTo(201);
		}
		JsonNode missing = clerk.get("/api/rosters").json().get(0);
		String sha256 = missing.get("sha256").asString();
		Files.delete(dataDir.resolve("files").resolve(sha256.substring(0, 2)).resolve(sha256));

		CompletableFuture.runAsync(() -> operator.postJson("/api/fixity-checks", "{}"));
		// Killed once some chunks are committed and before the last.
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		long seen = 0;
		long killedRun = 0;
		while (System.nanoTime() < deadline) {
			JsonNode runs = operator.get("/api/fixity-checks").json().get("runs");
			if (!runs.isEmpty()) {
				killedRun = runs.get(0).get("id").asLong();
				seen = runs.get(0).get("checked").asLong();
				if (seen >= 20) {
					break;
				}
			}
			Thread.sleep(10);
		}
		service.destroyForcibly().waitFor();
		assertThat(seen).as("files checked and committed before the kill").isBetween(20L, FILES - 1L);

		service = start(port);
		JsonNode report = operator.postJson("/api/fixity-checks", "{}").json();
		assertThat(report.get("checked").asLong()).isEqualTo(FILES);
		assertThat(report.get("mismatches")
			.valueStream()
			.map(m -> m.get("recordId").asString() + " " + m.get("sha256").asString() + " "
					+ m.get("problem").asString()))
			.containsExactly(missing.get("id").asString() + " " + sha256 + " MISSING");

		JsonNode overview = operator.get("/api/fixity-checks").json();
		JsonNode runs = overview.get("runs");
		assertThat(runs).hasSize(2);
		JsonNode finished = runs.get(1);
		assertThat(finished.get("id").asLong()).isEqualTo(killedRun);
		assertThat(finished.get("status").asString()).isEqualTo("COMPLETED");
		// Counted per committed chunk: a restart from the start would count more.
		assertThat(finished.get("checked").asLong()).as("the restart went on after the last commit").isEqualTo(FILES);
		assertThat(overview.get("open")).hasSize(1);
	}

	/**
	 * One file per chunk, and H2 told to write each commit at once: by default it writes
	 * them within a second, and a kill -9 loses that second.
	 */
	private Process start(int port) throws IOException, InterruptedException {
		return ServiceProcess.start(port, dataDir, "--madoguchi.fixity.page-size=1",
				"--spring.datasource.url=jdbc:h2:file:" + dataDir
						+ "/db/madoguchi;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
	}

}
