package jp.madoguchi.scans;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
 * kill -9 while a scan is being processed, in a service of its own (a separate JVM):
 * after the restart the file is processed again from its stored original, once, and
 * nothing is lost or counted twice.
 */
class KillDuringScanTest {

	private static final float DPI = 150;

	private static final int PAGES = 160;

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
	void aScanCutOffByKillMinusNineIsProcessedOnceAfterTheRestart() throws Exception {
		int port = ServiceProcess.freePort();
		service = start(port);
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		ApiClient officer = new ApiClient(port, "officer", "demo");
		var created = clerk.upload("kill.csv",
				Rosters.csv(List.of(Rosters.row("強制　終了", "キョウセイ　シュウリョウ", "S20.1.1", "新規交付（交付時来庁）", "本人"))), false);
		assertThat(created.status()).isEqualTo(201);
		long caseId = clerk.get("/api/rosters/" + created.json().get("id").asLong() + "/cases")
			.json()
			.get(0)
			.get("id")
			.asLong();
		byte[] consent = clerk.post("/api/cases/" + caseId + "/documents?form=consent").body();
		List<BufferedImage> document = PaperScans.render(consent, DPI);
		// The document first, then many letters: processing takes a while.
		List<BufferedImage> pages = new ArrayList<>(document);
		BufferedImage letter = PaperScans.letter(DPI);
		while (pages.size() < PAGES) {
			pages.add(letter);
		}
		byte[] pdf = PaperScans.imagePdf(pages, DPI);

		CompletableFuture<ApiClient.Response> upload = CompletableFuture
			.supplyAsync(() -> officer.uploadFile("/api/scans", "途中で停止.pdf", pdf));
		awaitProcessing(officer);
		// H2 writes a commit to disk within a second: wait that long, so that the kill
		// meets a stored, half-processed file (earlier, the upload is simply lost and
		// the client got no answer).
		Thread.sleep(1500);
		JsonNode before = officer.get("/api/scans").json();
		assertThat(before.get(0).get("status").asString()).as("still processing when killed (make the file longer)")
			.isEqualTo("PROCESSING");
		service.destroyForcibly().waitFor();
		assertThat(upload.handle((r, e) -> r == null || r.status() != 201).get()).as("the upload was cut off").isTrue();

		service = start(port);
		JsonNode scan = awaitDone(officer);
		assertThat(scan.get("pages").asInt()).isEqualTo(PAGES);
		Set<Integer> seen = new HashSet<>();
		int pageRows = 0;
		for (String list : List.of("blankPages", "coverPages", "unmatchedPages")) {
			for (JsonNode n : scan.get(list)) {
				assertThat(seen.add(n.asInt())).isTrue();
				pageRows++;
			}
		}
		for (JsonNode d : scan.get("documents")) {
			for (JsonNode n : d.get("pages")) {
				assertThat(seen.add(n.asInt())).isTrue();
				pageRows++;
			}
		}
		scan.get("failedPages").forEach(f -> seen.add(f.get("page").asInt()));
		assertThat(seen).hasSize(PAGES);
		assertThat(pageRows + scan.get("failedPages").size()).isEqualTo(PAGES);
		// The same file uploaded again is recognised.
		var again = officer.uploadFile("/api/scans", "もう一度.pdf", pdf);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("scanId").asLong()).isEqualTo(scan.get("scanId").asLong());
		assertThat(officer.get("/api/scans/" + scan.get("scanId").asLong() + "/file").body()).isEqualTo(pdf);
	}

	private Process start(int port) throws IOException, InterruptedException {
		return ServiceProcess.start(port, dataDir);
	}

	private static void awaitProcessing(ApiClient officer) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				JsonNode scans = officer.get("/api/scans").json();
				if (scans.size() > 0 && scans.get(0).get("status").asString().equals("PROCESSING")) {
					return;
				}
			}
			catch (RuntimeException e) {
				// the list is read while the upload is stored
			}
			Thread.sleep(20);
		}
		throw new AssertionError("the scan never showed as being processed");
	}

	private static JsonNode awaitDone(ApiClient officer) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode scans = officer.get("/api/scans").json();
			if (scans.size() == 1 && scans.get(0).get("status").asString().equals("DONE")) {
				return officer.get("/api/scans/" + scans.get(0).get("scanId").asLong()).json();
			}
			Thread.sleep(200);
		}
		throw new AssertionError("the scan was not processed again after the restart");
	}

}
