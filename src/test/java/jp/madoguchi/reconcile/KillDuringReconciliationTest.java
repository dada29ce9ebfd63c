package jp.madoguchi.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Rosters;
import jp.madoguchi.support.ServiceProcess;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 in the middle of a reconciliation, in a service of its own (a separate JVM, one
 * case per chunk): the next run of the same day finishes the same attempt from its last
 * commit, and every case's finding is there exactly once.
 */
class KillDuringReconciliationTest {

	private static final int CASES = 400;

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
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < CASES; i++) {
			rows.add(Rosters.row("中断　花子", "チュウダン　ハナコ",
					LocalDate.of(1940, 1, 1).plusDays(i).toString().replace('-', '/'), "新規交付（交付時来庁）", "本人"));
		}
		var created = clerk.upload("kill-reconcile.csv", Rosters.csv(rows), false);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		JsonNode cases = clerk.get("/api/rosters/" + created.json().get("id").asLong() + "/cases").json();
		assertThat(cases).hasSize(CASES);
		// Every case: a temporary PIN set two days ago and never locked.
		String at = OffsetDateTime.now().minusDays(2).toString();
		Set<Long> ids = new HashSet<>();
		for (JsonNode c : cases) {
			long id = c.get("id").asLong();
			ids.add(id);
			assertThat(clerk
				.postJson("/api/cases/" + id + "/steps",
						"{\"step\":\"CONSENT_WITH_PORTAL_TERMS\",\"at\":\"" + at + "\",\"reason\":\"転記\"}")
				.status()).isEqualTo(201);
			assertThat(clerk
				.postJson("/api/cases/" + id + "/steps",
						"{\"step\":\"TEMPORARY_PIN\",\"at\":\"" + at + "\",\"reason\":\"転記\"}")
				.status()).isEqualTo(201);
		}
		String day = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
		CompletableFuture.runAsync(() -> operator.postJson("/api/reconciliations", "{\"date\":\"" + day + "\"}"));
		// Killed once some chunks are committed and before the last.
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		int seen = 0;
		while (System.nanoTime() < deadline) {
			var r = operator.get("/api/reconciliations?date=" + day);
			if (r.status() == 200) {
				seen = r.json().get("findings").size();
				if (seen >= 20) {
					break;
				}
			}
			Thread.sleep(10);
		}
		service.destroyForcibly().waitFor();
		assertThat(seen).as("findings committed before the kill").isBetween(20, CASES - 1);

		service = start(port);
		JsonNode finished = operator.postJson("/api/reconciliations", "{\"date\":\"" + day + "\"}").json();
		assertThat(finished.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(finished.get("attempt").asInt()).as("the same attempt, finished").isZero();
		assertThat(finished.get("casesChecked").asLong()).as("the restart went on after the last commit")
			.isLessThan(CASES);
		List<Long> unlocked = new ArrayList<>();
		for (JsonNode f : finished.get("findings")) {
			if (f.get("type").asString().equals("TEMP_PIN_NOT_LOCKED")) {
				unlocked.add(f.get("caseId").asLong());
			}
		}
		assertThat(unlocked).as("every case once").hasSize(CASES).doesNotHaveDuplicates();
		assertThat(new HashSet<>(unlocked)).isEqualTo(ids);
	}

	/**
	 * One case per chunk, and H2 told to write each commit at once: by default it writes
	 * them within a second, and a kill -9 loses that second (the run then restarts from
	 * an earlier commit, still with nothing doubled or lost, but the test could not tell
	 * a restart from a fresh start).
	 */
	private Process start(int port) throws IOException, InterruptedException {
		return ServiceProcess.start(port, dataDir, "--madoguchi.reconcile.chunk-size=1",
				"--spring.datasource.url=jdbc:h2:file:" + dataDir
						+ "/db/madoguchi;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
	}

}
