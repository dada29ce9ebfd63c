package jp.madoguchi.scans;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import jp.madoguchi.cases.SignedDocuments;
import jp.madoguchi.scans.corpus.ScanSimulator;
import jp.madoguchi.scans.corpus.ScanTiffWriter;
import jp.madoguchi.storage.ContentStore;
import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Rosters;
import jp.madoguchi.support.TestMunicipalities;
import jp.madoguchi.tenant.Tenants;
import tools.jackson.databind.JsonNode;

/**
 * Scans on the running service: paper made from real generated documents, scanned as an
 * image-only PDF, comes back matched, ordered and checked for signatures; what matches
 * nothing waits in the queue; the same file is processed once; a bad file is refused in
 * Japanese naming it; another municipality sees nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
abstract class ScansContract {

	static final float DPI = 200;

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SignedDocuments signedDocuments;

	@Autowired
	ContentStore store;

	@Autowired
	ScanRepository repository;

	@Autowired
	ScanService service;

	ApiClient clerk;

	ApiClient officer;

	@BeforeEach
	void users() {
		TestMunicipalities.ensureOther(tenants);
		clerk = new ApiClient(port, "clerk", "demo");
		officer = new ApiClient(port, "officer", "demo");
	}

	/** A case and one consent form for it: the PDF and the document's record. */
	record Issued(long caseId, String documentId, byte[] pdf, JsonNode regions) {
	}

	private Issued consentFor(String name) {
		var created = clerk.upload("scan-" + System.nanoTime() + ".csv",
				Rosters.csv(List.of(Rosters.row(name, "スキャン　テスト", "S20.1.1", "新規交付（交付時来庁）", "本人"))), false);
		assertThat(created.status()).isEqualTo(201);
		long caseId = clerk.get("/api/rosters/" + created.json().get("id").asLong() + "/cases")
			.json()
			.get(0)
			.get("id")
			.asLong();
		var pdf = clerk.post("/api/cases/" + caseId + "/documents?form=consent");
		assertThat(pdf.status()).isEqualTo(200);
		JsonNode document = clerk.get("/api/cases/" + caseId + "/documents").json().get(0);
		return new Issued(caseId, document.get("id").asString(), pdf.body(), document.get("regions"));
	}

	@Test
	void signedAndUnsignedConsentsInAnyOrderWithBlankBacksAndALetter() throws Exception {
		Issued signed = consentFor("署名　済子");
		Issued unsigned = consentFor("未署　名子");
		List<BufferedImage> signedPages = PaperScans.render(signed.pdf(), DPI);
		PaperScans.sign(signedPages.get(0), DPI, signed.regions(), 1, "signature");
		List<BufferedImage> unsignedPages = PaperScans.render(unsigned.pdf(), DPI);
		int documentPages = signedPages.size();

		// The file holds: unsigned pages reversed, a blank back, a letter, signed pages
		// reversed.
		List<BufferedImage> file = new ArrayList<>();
		for (int i = unsignedPages.size() - 1; i >= 0; i--) {
			file.add(unsignedPages.get(i));
		}
		file.add(PaperScans.blankBack(DPI));
		file.add(PaperScans.letter(DPI));
		for (int i = signedPages.size() - 1; i >= 0; i--) {
			file.add(signedPages.get(i));
		}
		byte[] pdf = PaperScans.imagePdf(file, DPI);

		var response = officer.uploadFile("/api/scans", "複合機スキャン_001.pdf", pdf);
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		JsonNode result = response.json();
		assertThat(result.get("pages").asInt()).isEqualTo(file.size());
		assertThat(result.get("duplicate").asBoolean()).isFalse();
		assertThat(result.get("sha256").asString()).hasSize(64);
		int blankPage = documentPages + 1;
		int letterPage = documentPages + 2;
		assertThat(numbers(result.get("blankPages"))).containsExactly(blankPage);
		assertThat(numbers(result.get("unmatchedPages"))).containsExactly(letterPage);
		assertThat(result.get("documents")).hasSize(2);
		for (JsonNode d : result.get("documents")) {
			boolean isSigned = d.get("documentId").asString().equals(signed.documentId());
			Issued issued = isSigned ? signed : unsigned;
			assertThat(d.get("caseId").asLong()).isEqualTo(issued.caseId());
			assertThat(d.get("missingPages")).isEmpty();
			// Pages in document order, wherever they were in the file.
			List<Integer> expected = new ArrayList<>();
			for (int p = 1; p <= documentPages; p++) {
				expected.add(isSigned ? file.size() - p + 1 : documentPages - p + 1);
			}
			assertThat(numbers(d.get("pages"))).isEqualTo(expected);
			assertThat(d.get("signature").asString()).as(d.toString()).isEqualTo(isSigned ? "SIGNED" : "UNSIGNED");
		}

		// The same file again: recognised, not processed twice.
		var again = officer.uploadFile("/api/scans", "もう一度.pdf", pdf);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("duplicate").asBoolean()).isTrue();
		assertThat(again.json().get("scanId").asLong()).isEqualTo(result.get("scanId").asLong());
		long scanId = result.get("scanId").asLong();
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM scan_page WHERE scan_id = ?").param(scanId).query(Long.class).single())
			.isEqualTo(file.size());

		// The original is kept byte for byte; a page can be viewed.
		var original = officer.get("/api/scans/" + scanId + "/file");
		assertThat(original.body()).isEqualTo(pdf);
		var image = officer.get("/api/scans/" + scanId + "/pages/1.png?width=300");
		assertThat(image.status()).isEqualTo(200);
		assertThat(new String(image.body(), 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");

		// The case heard of its signed document (an event between modules).
		awaitSignedDocuments(signed.caseId(), 1);
		assertThat(signedDocuments.ofCase(demoMunicipality(), signed.caseId())).isNotNull();
		var ofCase = officer.get("/api/cases/" + unsigned.caseId() + "/signed-documents").json();
		assertThat(ofCase).hasSize(1);
		assertThat(ofCase.get(0).get("signature").asString()).isEqualTo("UNSIGNED");

		// The letter waits in the queue; the officer sets it aside.
		JsonNode queue = officer.get("/api/unmatched-pages").json();
		JsonNode letter = null;
		for (JsonNode p : queue) {
			if (p.get("scanId").asLong() == scanId && p.get("page").asInt() == letterPage) {
				letter = p;
			}
		}
		assertThat(letter).isNotNull();
		assertThat(letter.get("reason").asString()).contains("QRコード");
		var aside = officer.post("/api/unmatched-pages/" + letter.get("id").asLong() + "/not-a-form");
		assertThat(aside.status()).isEqualTo(200);
		assertThat(aside.json().get("outcome").asString()).isEqualTo("NOT_A_FORM");
		assertThat(officer.post("/api/unmatched-pages/" + letter.get("id").asLong() + "/not-a-form").status())
			.isEqualTo(409);

		// Another municipality sees none of it.
		ApiClient other = new ApiClient(port, TestMunicipalities.OTHER_OFFICER, TestMunicipalities.PASSWORD);
		assertThat(other.get("/api/scans/" + scanId).status()).isEqualTo(404);
		assertThat(other.get("/api/scans/" + scanId + "/file").status()).isEqualTo(404);
		assertThat(other.get("/api/cases/" + signed.caseId() + "/signed-documents").status()).isEqualTo(404);
		assertThat(other.get("/api/unmatched-pages").json().toString()).doesNotContain("\"scanId\":" + scanId + ",");
	}

	@Test
	void aPageTheOfficerAssignsJoinsItsDocument() throws Exception {
		Issued issued = consentFor("手動　振分");
		List<BufferedImage> pages = PaperScans.render(issued.pdf(), DPI);
		// The QR codes are lost (cut off by the scanner): the page matches nothing.
		BufferedImage page = pages.get(0);
		var g = page.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, page.getWidth(), (int) (DPI * 1.3));
		g.fillRect(0, page.getHeight() - (int) (DPI * 1.3), page.getWidth(), (int) (DPI * 1.3));
		g.dispose();
		var response = officer.uploadFile("/api/scans", "cut.png", PaperScans.png(page));
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		assertThat(numbers(response.json().get("unmatchedPages"))).containsExactly(1);
		long scanId = response.json().get("scanId").asLong();
		long pageId = -1;
		for (JsonNode p : officer.get("/api/unmatched-pages").json()) {
			if (p.get("scanId").asLong() == scanId) {
				pageId = p.get("id").asLong();
			}
		}
		assertThat(pageId).isPositive();

		var unknown = officer.postJson("/api/unmatched-pages/" + pageId + "/assign", "{\"documentId\":\"0000000000\"}");
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.json().get("code").asString()).isEqualTo("SCAN_ASSIGN_UNKNOWN_DOCUMENT");
		var assigned = officer.postJson("/api/unmatched-pages/" + pageId + "/assign",
				"{\"documentId\":\"" + issued.documentId() + "\",\"documentPage\":1,\"signature\":\"SIGNED\"}");
		assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
		assertThat(assigned.json().get("outcome").asString()).isEqualTo("ASSIGNED");
		var ofCase = officer.get("/api/cases/" + issued.caseId() + "/signed-documents").json();
		assertThat(ofCase).hasSize(1);
		assertThat(ofCase.get(0).get("documentId").asString()).isEqualTo(issued.documentId());
		assertThat(ofCase.get(0).get("foundPages").get(0).get("scanId").asLong()).isEqualTo(scanId);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'CHANGE' AND target_type = 'scan-page'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void aMultiPageTiffWithABlackAndWhitePageAndAGreyOne() throws Exception {
		Issued first = consentFor("白黒　頁子");
		Issued second = consentFor("灰色　頁子");
		BufferedImage blackAndWhite = PaperScans.render(first.pdf(), DPI).get(0);
		PaperScans.sign(blackAndWhite, DPI, first.regions(), 1, "signature");
		BufferedImage grey = PaperScans.render(second.pdf(), DPI).get(0);
		Path tiff = Files.createTempFile("scan", ".tif");
		try (ScanTiffWriter writer = new ScanTiffWriter(tiff)) {
			writer.add(PaperScans.blackAndWhite(blackAndWhite), (int) DPI);
			writer.add(ScanSimulator.toGrey(grey), (int) DPI);
		}
		var response = officer.uploadFile("/api/scans", "複合機.tif", Files.readAllBytes(tiff));
		Files.delete(tiff);
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		JsonNode result = response.json();
		assertThat(result.get("pages").asInt()).isEqualTo(2);
		assertThat(result.get("documents")).hasSize(2);
		for (JsonNode d : result.get("documents")) {
			boolean isFirst = d.get("documentId").asString().equals(first.documentId());
			assertThat(numbers(d.get("pages"))).containsExactly(isFirst ? 1 : 2);
			assertThat(d.get("signature").asString()).isEqualTo(isFirst ? "SIGNED" : "UNSIGNED");
		}
	}

	@Test
	void filesThatAreNotScansAreRefusedNamingTheFile() {
		var text = officer.uploadFile("/api/scans", "メモ.txt", "これはスキャンではありません".getBytes(StandardCharsets.UTF_8));
		assertThat(text.status()).isEqualTo(415);
		assertThat(text.json().get("code").asString()).isEqualTo("SCAN_UNSUPPORTED_FILE");
		assertThat(text.json().get("message").asString()).contains("メモ.txt");

		byte[] broken = "%PDF-1.7\n1 0 obj garbage".getBytes(StandardCharsets.US_ASCII);
		var corrupt = officer.uploadFile("/api/scans", "壊れた.pdf", broken);
		assertThat(corrupt.status()).isEqualTo(422);
		assertThat(corrupt.json().get("code").asString()).isEqualTo("SCAN_UNREADABLE");
		assertThat(corrupt.json().get("message").asString()).contains("壊れた.pdf");
		// Listed as failed, and the same file again gets the same answer.
		assertThat(officer.uploadFile("/api/scans", "壊れた.pdf", broken).status()).isEqualTo(422);
		assertThat(officer.get("/api/scans").json().toString()).contains("FAILED");

		assertThat(clerk.uploadFile("/api/scans", "x.pdf", broken).status()).isEqualTo(403);
	}

	@Test
	void aFileLeftHalfDoneByACrashIsProcessedAgainFromItsOriginalWithoutDuplicates() throws Exception {
		Issued issued = consentFor("再起動　後子");
		byte[] pdf = PaperScans.imagePdf(PaperScans.render(issued.pdf(), DPI), DPI);
		// What a kill -9 after storing the original leaves: the file, a PROCESSING row,
		// no
		// pages.
		var staged = store.stage(new ByteArrayInputStream(pdf));
		store.keep(staged);
		long scanId = repository.insert(demoMunicipality(), staged.sha256(), "途中.pdf", pdf.length, ScanFormat.PDF,
				"UPLOAD", "officer");
		service.resumeUnfinished();
		JsonNode result = officer.get("/api/scans/" + scanId).json();
		assertThat(result.get("status").asString()).isEqualTo("DONE");
		assertThat(result.get("documents")).hasSize(1);
		service.resumeUnfinished();
		var again = officer.uploadFile("/api/scans", "途中.pdf", pdf);
		assertThat(again.status()).isEqualTo(200);
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM scan_page WHERE scan_id = ?").param(scanId).query(Long.class).single())
			.isEqualTo(result.get("pages").asLong());
	}

	private void awaitSignedDocuments(long caseId, int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (signedDocuments.ofCase(demoMunicipality(), caseId).size() < count && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(signedDocuments.ofCase(demoMunicipality(), caseId)).hasSize(count);
	}

	private long demoMunicipality() {
		return jdbc.sql("SELECT municipality_id FROM app_user WHERE username = 'officer'").query(Long.class).single();
	}

	private static List<Integer> numbers(JsonNode array) {
		List<Integer> out = new ArrayList<>();
		array.forEach(n -> out.add(n.asInt()));
		return out;
	}

}
