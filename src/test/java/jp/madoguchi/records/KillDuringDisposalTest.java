package jp.madoguchi.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.madoguchi.storage.ContentStore;
import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Rosters;
import jp.madoguchi.support.ServiceProcess;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 in the middle of carrying out a disposal, in a service of its own (a separate
 * JVM, one record per transaction): the next start finishes it; every record is disposed
 * once with its tombstone, and every stored file is gone, also those of the records
 * committed just before the kill.
 */
class KillDuringDisposalTest {

	private static final int ROSTERS = 12;

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
	void aDisposalKilledMidwayIsFinishedAtTheNextStart() throws Exception {
		int port = ServiceProcess.freePort();
		service = start(port);
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		ApiClient officer = new ApiClient(port, "officer", "demo");
		ApiClient admin = new ApiClient(port, "admin", "demo");
		List<Long> rosters = new ArrayList<>();
		List<String> files = new ArrayList<>();
		for (int i = 0; i < ROSTERS; i++) {
			List<List<String>> rows = new ArrayList<>();
			for (int r = 0; r < 10; r++) {
				rows.add(Rosters.row("中断　花子", "チュウダン　ハナコ",
						LocalDate.of(1940, 1, 1).plusDays(i * 10 + r).toString().replace('-', '/'), "新規交付（交付時来庁）",
						"本人"));
			}
			byte[] csv = Rosters.csv(rows);
			var created = clerk.upload("kill-disposal-" + i + ".csv", csv, false);
			assertThat(created.status()).as(created.text()).isEqualTo(201);
			rosters.add(created.json().get("id").asLong());
			files.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv)));
			assertThat(clerk.get("/api/rosters/" + rosters.getLast() + "/packet.pdf").status()).isEqualTo(200);
		}
		for (String type : List.of("roster-file", "generated-document")) {
			assertThat(admin.putJson("/api/retention/classes/" + type, "{\"years\":1,\"from\":\"CREATED\"}").status())
				.isEqualTo(200);
		}
		service.destroy();
		service.waitFor();
		// Stored three years ago (the database is the service's alone while it runs).
		try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir + "/db/madoguchi", "madoguchi", "");
				Statement sql = db.createStatement()) {
			sql.executeUpdate("UPDATE roster SET uploaded_at = uploaded_at - INTERVAL '1100' DAY");
			sql.executeUpdate("UPDATE case_document SET created_at = created_at - INTERVAL '1100' DAY");
		}

		service = start(port);
		String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
		var proposed = officer.postJson("/api/retention/disposals", "{\"asOf\":\"" + today + "\"}");
		assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
		long disposal = proposed.json().get("id").asLong();
		int records = proposed.json().get("records").size();
		assertThat(records).as("the rosters' files and their documents").isGreaterThan(ROSTERS * 10);
		CompletableFuture.runAsync(() -> admin.post("/api/retention/disposals/" + disposal + "/approve"));
		// Killed once some records are disposed and before the last.
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		int disposed = 0;
		while (System.nanoTime() < deadline) {
			var r = admin.get("/api/retention/disposals/" + disposal);
			if (r.status() == 200) {
				disposed = (int) r.json()
					.get("records")
					.valueStream()
					.filter(i -> i.get("state").asString().equals("DISPOSED"))
					.count();
				if (disposed >= 10) {
					break;
				}
			}
			Thread.sleep(5);
		}
		service.destroyForcibly().waitFor();
		assertThat(disposed).as("records disposed before the kill").isBetween(10, records - 1);

		service = start(port);
		JsonNode finished = null;
		deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			finished = admin.get("/api/retention/disposals/" + disposal).json();
			if (finished.get("disposal").get("state").asString().equals("COMPLETED")) {
				break;
			}
			Thread.sleep(100);
		}
		assertThat(finished.get("disposal").get("state").asString()).isEqualTo("COMPLETED");
		assertThat(finished.get("disposal").get("disposed").asInt()).isEqualTo(records);
		assertThat(finished.get("disposal").get("held").asInt()).isZero();
		ContentStore store = ContentStore.open(dataDir);
		for (int i = 0; i < ROSTERS; i++) {
			var gone = clerk.get("/api/rosters/" + rosters.get(i) + "/file");
			assertThat(gone.status()).isEqualTo(410);
			assertThat(gone.json().get("sha256").asString()).isEqualTo(files.get(i));
			assertThat(store.find(files.get(i))).as("roster %d's file", rosters.get(i)).isEmpty();
		}
	}

	/**
	 * One record a transaction, each commit written at once (see
	 * KillDuringReconciliationTest).
	 */
	private Process start(int port) throws IOException, InterruptedException {
		return ServiceProcess.start(port, dataDir, "--madoguchi.disposal.chunk-size=1",
				"--spring.datasource.url=jdbc:h2:file:" + dataDir
						+ "/db/madoguchi;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
	}

}
