package jp.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Rosters;
import jp.madoguchi.support.TestMunicipalities;
import jp.madoguchi.tenant.LocalGovernmentCode;
import jp.madoguchi.tenant.Role;
import jp.madoguchi.tenant.Tenants;
import tools.jackson.databind.JsonNode;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A municipality's own template versions on the running service, run on H2 and
 * PostgreSQL: installed by an ADMIN, printed on that municipality's documents and
 * recorded with version and SHA-256, invisible to another municipality, refused with the
 * line when broken, kept unchanged when a new version arrives, and switched back to the
 * built-in default.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
abstract class MunicipalTemplatesContract {

	static final String OTHER_ADMIN = "chiyoda-admin";

	private static final String DEFAULT_WORDING = "私は、下記の事項につき、";

	private static final String NEW_WORDING = "私は、下記の事項について改めて、";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FormsEngine engine;

	private ApiClient admin;

	private ApiClient clerk;

	private ApiClient otherAdmin;

	private ApiClient otherClerk;

	@BeforeEach
	void clients() {
		TestMunicipalities.ensureOther(tenants);
		if (!tenants.userExists(OTHER_ADMIN)) {
			long other = tenants.findMunicipality(new LocalGovernmentCode("131016")).orElseThrow().id();
			tenants.createUser(other, OTHER_ADMIN, TestMunicipalities.PASSWORD, "千代田 管理者", EnumSet.of(Role.ADMIN));
		}
		admin = new ApiClient(port, "admin", "demo");
		clerk = new ApiClient(port, "clerk", "demo");
		otherAdmin = new ApiClient(port, OTHER_ADMIN, TestMunicipalities.PASSWORD);
		otherClerk = new ApiClient(port, TestMunicipalities.OTHER_CLERK, TestMunicipalities.PASSWORD);
	}

	static String builtIn(String form) throws Exception {
		return Files.readString(TestForms.TEMPLATES.resolve(form + "/template.json"));
	}

	static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

	private static ApiClient.Response install(ApiClient client, String form, byte[] json) {
		return client.post("/api/templates/" + form + "/versions", "application/json", json);
	}

	@Test
	void anInstalledVersionIsPrintedOnTheMunicipalitysDocumentsAndRecordedWithItsVersionAndHash() throws Exception {
		byte[] modified = builtIn("consent").replace(DEFAULT_WORDING, NEW_WORDING).getBytes(StandardCharsets.UTF_8);
		assertThat(new String(modified, StandardCharsets.UTF_8)).contains(NEW_WORDING);

		var installed = install(admin, "consent", modified);
		assertThat(installed.status()).as(installed.text()).isEqualTo(201);
		assertThat(installed.json().get("form").asString()).isEqualTo("consent");
		assertThat(installed.json().get("version").asInt()).isEqualTo(1);
		assertThat(installed.json().get("sha256").asString()).isEqualTo(sha256(modified));

		// A single document for a case of this municipality: the new wording, recorded as
		// version 1.
		long caseId = caseIds(clerk, uploadRoster(clerk, "installed")).getFirst();
		var document = clerk.post("/api/cases/" + caseId + "/documents?form=consent");
		assertThat(document.status()).as(document.text()).isEqualTo(200);
		String text = TestForms.pdftotext(TestForms.write("municipal-consent.pdf", document.body()));
		assertThat(text).contains(NEW_WORDING).doesNotContain(DEFAULT_WORDING);
		JsonNode recorded = onlyConsent(clerk, caseId);
		assertThat(recorded.get("templateOrigin").asString()).isEqualTo("municipality");
		assertThat(recorded.get("templateVersion").asString()).isEqualTo("1");
		assertThat(recorded.get("sha256").asString()).isEqualTo(sha256(modified));

		// The roster's packet is printed with it too.
		long packetRoster = uploadRoster(clerk, "installed-packet");
		var packet = clerk.get("/api/rosters/" + packetRoster + "/packet.pdf");
		assertThat(packet.status()).isEqualTo(200);
		assertThat(TestForms.pdftotext(TestForms.write("municipal-packet.pdf", packet.body()))).contains(NEW_WORDING)
			.doesNotContain(DEFAULT_WORDING);

		// The stored file proves the wording: byte for byte what was uploaded.
		var stored = admin.get("/api/templates/consent/versions/1");
		assertThat(stored.status()).isEqualTo(200);
		assertThat(stored.body()).isEqualTo(modified);

		// Another municipality keeps the built-in default and sees none of this.
		long otherCase = caseIds(otherClerk, uploadRoster(otherClerk, "other")).getFirst();
		var otherDocument = otherClerk.post("/api/cases/" + otherCase + "/documents?form=consent");
		assertThat(otherDocument.status()).as(otherDocument.text()).isEqualTo(200);
		assertThat(TestForms.pdftotext(TestForms.write("other-consent.pdf", otherDocument.body())))
			.contains(DEFAULT_WORDING)
			.doesNotContain(NEW_WORDING);
		JsonNode otherRecorded = onlyConsent(otherClerk, otherCase);
		assertThat(otherRecorded.get("templateOrigin").asString()).isEqualTo("default");
		assertThat(otherRecorded.get("templateVersion").asString())
			.isEqualTo(engine.defaultTemplates().version(FormId.CONSENT));
		assertThat(otherRecorded.get("sha256").asString()).isEqualTo(engine.defaultTemplates().sha256(FormId.CONSENT));
		assertThat(otherAdmin.get("/api/templates/consent/versions/1").status()).isEqualTo(404);
		assertThat(otherAdmin.post("/api/templates/consent/versions/1/activate").status()).isEqualTo(404);
		JsonNode otherList = otherAdmin.get("/api/templates/consent/versions").json();
		assertThat(otherList.get("versions").size()).isZero();
		assertThat(otherList.get("current").get("origin").asString()).isEqualTo("default");

		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'IMPORT' AND target_type = 'template-version'"
					+ " AND target_id = 'consent/1'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/**
	 * A title longer than its column is the template's mistake (422), not a database
	 * error.
	 */
	@Test
	void anOverLongTitleOrVersionIsRefusedNotADatabaseError() throws Exception {
		String template = builtIn("mandate");
		String longTitle = template.replaceFirst("\"title\"\\s*:\\s*\"", "\"title\": \"" + "長".repeat(400));
		var title = install(admin, "mandate", longTitle.getBytes(StandardCharsets.UTF_8));
		assertThat(title.status()).isEqualTo(422);
		assertThat(title.json().get("code").asString()).isEqualTo("TEMPLATE_REJECTED");
		String longVersion = template.replaceFirst("\"version\"\\s*:\\s*\"", "\"version\": \"" + "9".repeat(60));
		var version = install(admin, "mandate", longVersion.getBytes(StandardCharsets.UTF_8));
		assertThat(version.status()).isEqualTo(422);
		assertThat(version.json().get("code").asString()).isEqualTo("TEMPLATE_REJECTED");
	}

	@Test
	void aBrokenTemplateIsRefusedWithItsLineAndNothingIsStored() throws Exception {
		String broken = builtIn("mandate").replaceFirst("\\{applicant\\.name}", "{applicant.fullName}");
		int line = broken.lines()
			.toList()
			.indexOf(broken.lines().filter(l -> l.contains("{applicant.fullName}")).findFirst().orElseThrow()) + 1;

		var refused = install(admin, "mandate", broken.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("code").asString()).isEqualTo("TEMPLATE_REJECTED");
		assertThat(refused.json().get("message").asString()).startsWith("テンプレートに誤りがあるため登録しませんでした。")
			.endsWith("template.json:" + line + ": unknown field {applicant.fullName}");
		// Exactly the answer of /check.
		assertThat(
				admin.post("/api/templates/mandate/check", "application/json", broken.getBytes(StandardCharsets.UTF_8))
					.text())
			.isEqualTo(refused.text());

		assertThat(jdbc.sql("SELECT COUNT(*) FROM municipality_template WHERE form = 'mandate'")
			.query(Long.class)
			.single()).isZero();
		JsonNode list = admin.get("/api/templates/mandate/versions").json();
		assertThat(list.get("versions").size()).isZero();
		assertThat(list.get("current").get("origin").asString()).isEqualTo("default");
	}

	@Test
	void onlyAnAdminInstallsOrActivates() throws Exception {
		byte[] template = builtIn("mandate-switch").getBytes(StandardCharsets.UTF_8);
		assertThat(install(clerk, "mandate-switch", template).status()).isEqualTo(403);
		assertThat(clerk.get("/api/templates/mandate-switch/versions").status()).isEqualTo(403);
		assertThat(clerk.post("/api/templates/mandate-switch/default/activate").status()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM municipality_template WHERE form = 'mandate-switch'")
			.query(Long.class)
			.single()).isZero();
		assertThat(install(admin, "no-such-form", template).status()).isEqualTo(404);
	}

	@Test
	void versionsAreKeptUnchangedAndEarlierOnesOrTheDefaultCanBeActivatedAgain() throws Exception {
		String leaflet = builtIn("leaflet");
		String firstWording = "○ 第一版で利用できるサービス";
		String secondWording = "○ 第二版で利用できるサービス";
		byte[] first = leaflet.replace("○ 利用できるサービス", firstWording).getBytes(StandardCharsets.UTF_8);
		byte[] second = leaflet.replace("○ 利用できるサービス", secondWording).getBytes(StandardCharsets.UTF_8);

		assertThat(install(admin, "leaflet", first).json().get("version").asInt()).isEqualTo(1);
		var again = install(admin, "leaflet", second);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.json().get("version").asInt()).isEqualTo(2);
		// The same file once more is a version of its own: nothing is overwritten.
		assertThat(install(admin, "leaflet", second).json().get("version").asInt()).isEqualTo(3);
		assertThat(admin.get("/api/templates/leaflet/versions/1").body()).isEqualTo(first);
		assertThat(admin.get("/api/templates/leaflet/versions/2").body()).isEqualTo(second);
		assertThat(preview()).contains(secondWording);

		JsonNode list = admin.get("/api/templates/leaflet/versions").json();
		List<Integer> current = new ArrayList<>();
		list.get("versions").forEach(v -> {
			if (v.get("current").asBoolean()) {
				current.add(v.get("version").asInt());
			}
		});
		assertThat(current).containsExactly(3);
		assertThat(list.get("versions").get(0).get("sha256").asString()).isEqualTo(sha256(first));
		assertThat(list.get("versions").get(0).get("uploadedBy").asString()).isEqualTo("admin");
		assertThat(list.get("builtIn").get("sha256").asString())
			.isEqualTo(engine.defaultTemplates().sha256(FormId.LEAFLET));

		assertThat(admin.post("/api/templates/leaflet/versions/1/activate").status()).isEqualTo(200);
		assertThat(preview()).contains(firstWording).doesNotContain(secondWording);
		JsonNode afterActivation = admin.get("/api/templates/leaflet/versions").json().get("current");
		assertThat(afterActivation.get("version").asString()).isEqualTo("1");
		assertThat(afterActivation.get("sha256").asString()).isEqualTo(sha256(first));

		assertThat(admin.post("/api/templates/leaflet/default/activate").status()).isEqualTo(200);
		assertThat(preview()).contains("○ 利用できるサービス").doesNotContain(firstWording);
		assertThat(admin.get("/api/templates/leaflet/versions").json().get("current").get("origin").asString())
			.isEqualTo("default");
		assertThat(admin.post("/api/templates/leaflet/versions/9/activate").status()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM municipality_template WHERE form = 'leaflet'")
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void uploadsAtTheSameMomentGetVersionsOfTheirOwn() throws Exception {
		byte[] template = builtIn("pin-request").getBytes(StandardCharsets.UTF_8);
		List<Future<ApiClient.Response>> uploads = new ArrayList<>();
		try (var pool = Executors.newFixedThreadPool(6)) {
			for (int i = 0; i < 6; i++) {
				uploads.add(pool.submit(() -> install(admin, "pin-request", template)));
			}
		}
		List<Integer> versions = new ArrayList<>();
		for (var upload : uploads) {
			assertThat(upload.get().status()).as(upload.get().text()).isEqualTo(201);
			versions.add(upload.get().json().get("version").asInt());
		}
		assertThat(versions).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
		JsonNode list = admin.get("/api/templates/pin-request/versions").json();
		assertThat(list.get("versions").size()).isEqualTo(6);
		assertThat(list.get("current").get("origin").asString()).isEqualTo("municipality");
	}

	private String preview() throws Exception {
		var preview = admin.get("/api/templates/leaflet/preview.pdf");
		assertThat(preview.status()).isEqualTo(200);
		return TestForms.pdftotext(TestForms.write("municipal-leaflet-preview.pdf", preview.body()));
	}

	private static long uploadRoster(ApiClient client, String marker) {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			List<String> row = new ArrayList<>(
					Rosters.row(Rosters.SACRED_NAMES.get(i), "テスト　タロウ", "昭和10年1月2日", "出張申請受付", "本人"));
			row.set(16, marker + "-" + System.nanoTime());
			rows.add(row);
		}
		var created = client.upload("templates-" + marker + "-" + System.nanoTime() + ".csv", Rosters.csv(rows), false);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private static List<Long> caseIds(ApiClient client, long rosterId) {
		List<Long> ids = new ArrayList<>();
		for (JsonNode c : client.get("/api/rosters/" + rosterId + "/cases").json()) {
			ids.add(c.get("id").asLong());
		}
		return ids;
	}

	private static JsonNode onlyConsent(ApiClient client, long caseId) {
		List<JsonNode> consents = new ArrayList<>();
		client.get("/api/cases/" + caseId + "/documents").json().forEach(d -> {
			if (d.get("form").asString().equals("consent")) {
				consents.add(d);
			}
		});
		assertThat(consents).hasSize(1);
		return consents.getFirst();
	}

}
