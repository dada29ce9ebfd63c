package jp.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Rosters;
import jp.madoguchi.support.TestMunicipalities;
import jp.madoguchi.tenant.Tenants;
import tools.jackson.databind.JsonNode;
import java.nio.file.Files;

/**
 * The forms API on the running service with its real database (H2): a roster uploaded
 * through the roster API, its packet streamed, documents recorded on the cases, and
 * tenant isolation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class FormsApiTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	private ApiClient clerk;

	private ApiClient otherClerk;

	@BeforeEach
	void clients() {
		TestMunicipalities.ensureOther(tenants);
		clerk = new ApiClient(port, "clerk", "demo");
		otherClerk = new ApiClient(port, TestMunicipalities.OTHER_CLERK, TestMunicipalities.PASSWORD);
	}

	private long uploadRoster(String marker) {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			List<String> row = new ArrayList<>(
					Rosters.row(Rosters.SACRED_NAMES.get(i), "テスト　タロウ", "昭和10年1月2日", "出張申請受付", i == 1 ? "代理人" : "本人"));
			row.set(16, marker + i);
			rows.add(row);
		}
		var created = clerk.upload("forms-" + marker + ".csv", Rosters.csv(rows), false);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private List<Long> caseIds(long rosterId) {
		List<Long> ids = new ArrayList<>();
		for (JsonNode c : clerk.get("/api/rosters/" + rosterId + "/cases").json()) {
			ids.add(c.get("id").asLong());
		}
		return ids;
	}

	@Test
	void theRosterPacketIsStreamedAndItsDocumentsAreRecordedOnTheCases() throws Exception {
		long rosterId = uploadRoster("packet-" + System.nanoTime());
		var packet = clerk.get("/api/rosters/" + rosterId + "/packet.pdf");
		assertThat(packet.status()).isEqualTo(200);
		Path file = TestForms.write("api-packet.pdf", packet.body());
		try (PDDocument document = Loader.loadPDF(packet.body())) {
			assertThat(document.getNumberOfPages() % 2).isZero();
			assertThat(document.getNumberOfPages()).isGreaterThan(3 * 5);
		}
		String text = TestForms.pdftotext(file);
		for (int i = 0; i < 3; i++) {
			assertThat(text).contains(TestForms.spaced(Rosters.SACRED_NAMES.get(i)));
		}
		assertThat(text).contains("高梁市長 殿");
		// streamed as it is drawn: chunked, no Content-Length computed from a buffered
		// whole
		String auth = "Basic " + Base64.getEncoder().encodeToString("clerk:demo".getBytes(StandardCharsets.UTF_8));
		HttpResponse<Void> head = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/api/rosters/" + rosterId + "/packet.pdf"))
				.header("Authorization", auth)
				.GET()
				.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValue("Content-Length")).isEmpty();
		assertThat(head.headers().firstValue("Content-Type")).hasValue("application/pdf");

		for (long caseId : caseIds(rosterId)) {
			JsonNode documents = clerk.get("/api/cases/" + caseId + "/documents").json();
			assertThat(documents.size()).isGreaterThanOrEqualTo(4);
			List<String> forms = new ArrayList<>();
			for (JsonNode d : documents) {
				forms.add(d.get("form").asString());
				assertThat(d.get("sha256").asString()).hasSize(64);
				assertThat(d.get("templateVersion").asString()).isNotBlank();
				assertThat(d.get("id").asString()).matches("[0-9A-Z]{10}");
				List<String> kinds = new ArrayList<>();
				d.get("regions").forEach(r -> kinds.add(r.get("kind").asString()));
				assertThat(kinds).contains("qr");
			}
			assertThat(forms).contains("application", "pin-request", "consent", "leaflet", "outreach-sheet");
		}
		assertThat(jdbc.sql(
				"SELECT COUNT(*) FROM audit_event WHERE action = 'DOWNLOAD' AND target_type = 'roster-packet' AND target_id = ?")
			.param(Long.toString(rosterId))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aSingleDocumentIsGeneratedForACaseAndRecorded() throws Exception {
		long rosterId = uploadRoster("single-" + System.nanoTime());
		long caseId = caseIds(rosterId).getFirst();
		HttpResponse<byte[]> response = post(port, "clerk", "demo", "/api/cases/" + caseId + "/documents?form=consent");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(v -> assertThat(v).startsWith("application/pdf"));
		String documentId = response.headers().firstValue("X-Document-Id").orElseThrow();
		Path file = TestForms.write("api-consent.pdf", response.body());
		assertThat(TestForms.pdftotext(file)).contains(documentId).contains("高梁市（デモ）の職員");

		JsonNode documents = clerk.get("/api/cases/" + caseId + "/documents").json();
		JsonNode recorded = null;
		for (JsonNode d : documents) {
			if (d.get("id").asString().equals(documentId)) {
				recorded = d;
			}
		}
		assertThat(recorded).isNotNull();
		assertThat(recorded.get("form").asString()).isEqualTo("consent");
		assertThat(recorded.get("pages").asInt()).isEqualTo(1);
		List<String> kinds = new ArrayList<>();
		recorded.get("regions").forEach(r -> kinds.add(r.get("kind").asString()));
		assertThat(kinds).containsExactlyInAnyOrder("signature", "seal", "qr", "qr");

		assertThat(post(port, "clerk", "demo", "/api/cases/" + caseId + "/documents?form=nonsense").statusCode())
			.isEqualTo(400);
	}

	/**
	 * A proxy collecting a new card at the counter (seed 000 workflow A, 代理人) is accepted
	 * at import and gets the seed's documents in the roster's packet: consent, mandate,
	 * PIN request, leaflet and the proxy pick-up papers of seed 001 第6 2.(4); nothing is
	 * refused.
	 */
	@Test
	void aProxyAtTheCounterGetsTheSeedsDocuments() throws Exception {
		List<String> row = new ArrayList<>(Rosters.row("窓口　代理子", "マドグチ　ダイリコ", "昭和20年1月2日", "新規交付（交付時来庁）", "代理人"));
		assertThat(row.get(15)).isEqualTo("窓口");
		row.set(16, "proxy-at-counter-" + System.nanoTime());
		var created = clerk.upload("proxy-at-counter.csv", Rosters.csv(List.of(row)), false);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		var packet = clerk.get("/api/rosters/" + created.json().get("id").asLong() + "/packet.pdf");
		assertThat(packet.status()).as(packet.text()).isEqualTo(200);
		String text = TestForms.pdftotext(TestForms.write("api-packet-proxy-at-counter.pdf", packet.body()))
			.replace('\u3000', ' ');
		String cover = text.substring(0, text.indexOf('\f'));
		assertThat(cover).contains("対象者：1 名 書類：7 通")
			.contains("・マイナンバーカードの健康保険証利用の申込みに関する同意書：1 通")
			.contains("・マイナンバーカードの健康保険証利用の申込みに関する委任状：1 通")
			.contains("・顔認証マイナンバーカードの注意点：1 通")
			.contains("・個人番号カード・電子証明書 暗証番号設定依頼書：1 通")
			.contains("・交付申請者の来庁が困難であることの申立書：1 通")
			.contains("・顔写真証明書：1 通")
			.contains("・施設でのマイナンバーカード管理記録：1 通")
			.doesNotContain("印刷できなかった書類")
			.doesNotContain("交付申請書 兼");
		// The documents themselves follow the cover, filled for this person and proxy.
		String documents = text.substring(cover.length());
		assertThat(documents).contains("私は、下記の事項につき").contains("顔認証マイナンバーカードの注意点").contains("高橋").contains("窓口");
	}

	@Test
	void anotherMunicipalitySeesNothing() throws Exception {
		long rosterId = uploadRoster("isolation-" + System.nanoTime());
		long caseId = caseIds(rosterId).getFirst();
		assertThat(otherClerk.get("/api/rosters/" + rosterId + "/packet.pdf").status()).isEqualTo(404);
		assertThat(otherClerk.get("/api/cases/" + caseId + "/documents").status()).isEqualTo(404);
		assertThat(post(port, TestMunicipalities.OTHER_CLERK, TestMunicipalities.PASSWORD,
				"/api/cases/" + caseId + "/documents?form=consent")
			.statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM case_document WHERE case_id = ?")
			.param(caseId)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anAdminChecksAndPreviewsAMunicipalitysOwnTemplate() throws Exception {
		String good = Files.readString(TestForms.TEMPLATES.resolve("consent/template.json"))
			.replace("私は、下記の事項につき", "私は、下記の事項について");
		HttpResponse<byte[]> preview = post(port, "admin", "demo", "/api/templates/consent/preview.pdf", good);
		assertThat(preview.statusCode()).isEqualTo(200);
		Path file = TestForms.write("api-template-preview.pdf", preview.body());
		assertThat(TestForms.pdftotext(file)).contains("私は、下記の事項について").contains("SAMPLE00000");

		String bad = good.replace("{municipality.mayorTitle}　殿", "{municipality.mayor}　殿");
		HttpResponse<byte[]> rejected = post(port, "admin", "demo", "/api/templates/consent/check", bad);
		assertThat(rejected.statusCode()).isEqualTo(422);
		int line = bad.lines()
			.toList()
			.indexOf(bad.lines().filter(l -> l.contains("{municipality.mayor}")).findFirst().orElseThrow()) + 1;
		assertThat(new String(rejected.body(), StandardCharsets.UTF_8))
			.contains("template.json:" + line + ": unknown field {municipality.mayor}");
		assertThat(post(port, "clerk", "demo", "/api/templates/consent/check", good).statusCode()).isEqualTo(403);
		assertThat(post(port, "admin", "demo", "/api/templates/consent/check", good).statusCode()).isEqualTo(200);
	}

	private static HttpResponse<byte[]> post(int port, String user, String password, String path, String json)
			throws Exception {
		String auth = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", auth)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static HttpResponse<byte[]> post(int port, String user, String password, String path) throws Exception {
		String auth = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", auth)
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
