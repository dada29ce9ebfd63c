package jp.madoguchi.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.scans.PaperScans;
import jp.madoguchi.storage.ContentStore;
import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.DeviceLogs;
import jp.madoguchi.support.Rosters;
import tools.jackson.databind.JsonNode;

/**
 * Every record type's keeper, on real records of one case: a signed consent scanned, its
 * generated document, the case's device log. After the disposal the scan's original and
 * its page images answer 410, the stored file is gone, the document leaves the search
 * index, the device log keeps no line or card fingerprint, and the signed document is
 * marked disposed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class DisposalOfEveryRecordTypeTest {

	private static final float DPI = 200;

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ContentStore store;

	@Test
	void eachKeeperDeletesWhatItKeeps() throws Exception {
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		ApiClient officer = new ApiClient(port, "officer", "demo");
		ApiClient operator = new ApiClient(port, "operator", "demo");
		ApiClient admin = new ApiClient(port, "admin", "demo");
		String name = "廃棄　全種子";
		long caseId = Rosters.importOne(clerk, Rosters.row(name, "ハイキ　ゼンシュコ", "S12.3.4", "新規交付（交付時来庁）", "本人"));
		var pdf = clerk.post("/api/cases/" + caseId + "/documents?form=consent");
		assertThat(pdf.status()).isEqualTo(200);
		JsonNode document = clerk.get("/api/cases/" + caseId + "/documents").json().get(0);
		String documentId = document.get("id").asString();
		List<BufferedImage> pages = PaperScans.render(pdf.body(), DPI);
		PaperScans.sign(pages.get(0), DPI, document.get("regions"), 1, "signature");
		var scanned = officer.uploadFile("/api/scans", "廃棄テスト.pdf", PaperScans.imagePdf(pages, DPI));
		assertThat(scanned.status()).as(scanned.text()).isEqualTo(201);
		long scanId = scanned.json().get("scanId").asLong();
		awaitSigned(officer, caseId);
		assertThat(
				operator
					.postNdjson("/api/device-events",
							DeviceLogs
								.body(DeviceLogs.chain("pc-dispose", Long.toString(caseId), "NOT_LOCKED", "LOCKED")))
					.status())
			.isEqualTo(200);
		long chainId = jdbc.sql("SELECT id FROM device_chain WHERE workstation = 'pc-dispose'")
			.query(Long.class)
			.single();
		assertThat(officer.get("/api/scans/" + scanId + "/pages/1.png?width=200").status())
			.as("a page image drawn (and kept) before the disposal")
			.isEqualTo(200);
		String scanSha = jdbc.sql("SELECT sha256 FROM scan_file WHERE id = ?")
			.param(scanId)
			.query(String.class)
			.single();
		awaitSearch(officer, name, documentId, true);

		for (String type : List.of("scan-original", "signed-document", "generated-document", "device-log")) {
			assertThat(admin.putJson("/api/retention/classes/" + type, "{\"years\":1,\"from\":\"CREATED\"}").status())
				.as(type)
				.isEqualTo(200);
		}
		jdbc.sql("UPDATE scan_file SET uploaded_at = uploaded_at - INTERVAL '1100' DAY WHERE id = ?")
			.param(scanId)
			.update();
		jdbc.sql("UPDATE case_signed_document SET received_at = received_at - INTERVAL '1100' DAY WHERE case_id = ?")
			.param(caseId)
			.update();
		jdbc.sql("UPDATE case_document SET created_at = created_at - INTERVAL '1100' DAY WHERE case_id = ?")
			.param(caseId)
			.update();
		jdbc.sql("UPDATE device_chain SET log_day = log_day - INTERVAL '1100' DAY WHERE id = ?")
			.param(chainId)
			.update();

		String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
		var proposed = officer.postJson("/api/retention/disposals", "{\"asOf\":\"" + today + "\"}");
		assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
		Set<String> listed = proposed.json()
			.get("records")
			.valueStream()
			.map(r -> r.get("recordType").asString() + ":" + r.get("recordId").asString())
			.collect(Collectors.toSet());
		assertThat(listed).containsExactlyInAnyOrder("scan-original:" + scanId, "signed-document:" + documentId,
				"generated-document:" + documentId, "device-log:" + chainId);
		var approved = admin.post("/api/retention/disposals/" + proposed.json().get("id").asLong() + "/approve");
		assertThat(approved.status()).as(approved.text()).isEqualTo(200);
		assertThat(approved.json().get("disposed").asInt()).isEqualTo(4);

		var original = officer.get("/api/scans/" + scanId + "/file");
		assertThat(original.status()).isEqualTo(410);
		assertThat(original.json().get("sha256").asString()).isEqualTo(scanSha);
		assertThat(original.json().get("recordType").asString()).isEqualTo("scan-original");
		assertThat(officer.get("/api/scans/" + scanId + "/pages/1.png?width=200").status())
			.as("the page image drawn before is not served from memory")
			.isEqualTo(410);
		assertThat(store.find(scanSha)).isEmpty();
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM device_event WHERE chain_id = ? AND (line <> '' OR card_fingerprint"
					+ " IS NOT NULL)")
			.param(chainId)
			.query(Long.class)
			.single()).as("no line, no card").isZero();
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM case_signed_document WHERE document_id = ? AND disposed_at IS NOT NULL")
					.param(documentId)
					.query(Long.class)
					.single())
			.isEqualTo(1);
		awaitSearch(officer, name, documentId, false);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM tombstone WHERE record_id IN (?, ?, ?)")
			.params(Long.toString(scanId), documentId, Long.toString(chainId))
			.query(Long.class)
			.single()).isEqualTo(4);
	}

	private static void awaitSigned(ApiClient officer, long caseId) throws InterruptedException {
		for (int i = 0; i < 200; i++) {
			JsonNode signed = officer.get("/api/cases/" + caseId + "/signed-documents").json();
			if (signed.size() == 1 && signed.get(0).get("signature").asString().equals("SIGNED")) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the signed consent did not reach its case");
	}

	/** Waits until the search by name lists the document (or no longer does). */
	private static void awaitSearch(ApiClient officer, String name, String documentId, boolean present)
			throws InterruptedException {
		String q = "/api/search?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
		for (int i = 0; i < 200; i++) {
			boolean found = officer.get(q)
				.json()
				.get("hits")
				.valueStream()
				.anyMatch(h -> h.has("documentId") && documentId.equals(h.get("documentId").asString()));
			if (found == present) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the search " + (present ? "never listed" : "still lists") + " the document");
	}

}
