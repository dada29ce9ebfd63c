package jp.madoguchi.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Rosters;
import tools.jackson.databind.JsonNode;

/**
 * The ADMIN's audit viewer through its API: a clerk's view of a case is found by user,
 * action, record and day; reading the log is itself recorded; bad filters are 400s naming
 * the field; the CSV holds the same entries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class AuditViewerTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
	}

	@LocalServerPort
	int port;

	@Test
	void anAdminFindsWhoSawARecord() {
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		ApiClient admin = new ApiClient(port, "admin", "demo");
		long caseId = Rosters.importOne(clerk, Rosters.row("監査　一郎", "カンサ　イチロウ", "S30.5.5", "新規交付（交付時来庁）", "本人"));
		assertThat(clerk.get("/api/cases/" + caseId).status()).isEqualTo(200);
		String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();

		JsonNode page = admin
			.get("/api/audit?user=clerk&action=VIEW&record=" + enc("case:" + caseId) + "&from=" + today + "&to="
					+ today)
			.json();
		List<JsonNode> entries = page.get("entries").valueStream().toList();
		assertThat(entries).isNotEmpty()
			.allSatisfy(e -> assertThat(e.get("username").asString()).isEqualTo("clerk"))
			.allSatisfy(e -> assertThat(e.get("action").asString()).isEqualTo("VIEW"))
			.allSatisfy(e -> assertThat(e.get("targetId").asString()).isEqualTo(Long.toString(caseId)));
		assertThat(page.has("next")).as("the last page").isFalse();
		// The same record by its id alone; nothing for another user or another day.
		assertThat(admin.get("/api/audit?record=" + caseId).json().get("entries")).isNotEmpty();
		assertThat(admin.get("/api/audit?user=officer&record=case:" + caseId).json().get("entries")).isEmpty();
		assertThat(admin.get("/api/audit?record=case:" + caseId + "&to=2000-01-01").json().get("entries")).isEmpty();

		// Reading the log is in the log.
		JsonNode reads = admin.get("/api/audit?user=admin&action=VIEW&record=audit:").json().get("entries");
		assertThat(reads).isNotEmpty();
		assertThat(reads.get(0).get("targetType").asString()).isEqualTo("audit");

		var csv = admin.get("/api/audit.csv?user=clerk&record=case:" + caseId);
		assertThat(csv.status()).isEqualTo(200);
		String text = csv.text();
		assertThat(text).startsWith("\uFEFFID,日時,利用者,操作,対象の種類,対象ID");
		assertThat(text.lines().skip(1).toList()).hasSize(entries.size())
			.allSatisfy(line -> assertThat(line).contains(",clerk,VIEW,case," + caseId));
		assertThat(admin.get("/api/audit?user=admin&action=DOWNLOAD").json().get("entries")).isNotEmpty();
	}

	@Test
	void aBadFilterIsRefusedNamingItsField() {
		ApiClient admin = new ApiClient(port, "admin", "demo");
		assertBad(admin.get("/api/audit?action=READ"), "AUDIT_BAD_ACTION", "action");
		assertBad(admin.get("/api/audit?from=2026-13-01"), "AUDIT_BAD_DATE", "from");
		assertBad(admin.get("/api/audit?from=2026-11-02&to=2026-11-01"), "AUDIT_BAD_PERIOD", "from");
		assertBad(admin.get("/api/audit?user=" + "a".repeat(161)), "AUDIT_TEXT_TOO_LONG", "user");
		assertBad(admin.get("/api/audit.csv?to=yesterday"), "AUDIT_BAD_DATE", "to");
		assertThat(new ApiClient(port, "clerk", "demo").get("/api/audit").status()).isEqualTo(403);
	}

	private static void assertBad(ApiClient.Response response, String code, String field) {
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.json().get("code").asString()).isEqualTo(code);
		assertThat(response.json().get("field").asString()).isEqualTo(field);
		// Japanese, with no trace of the code behind it.
		assertThat(response.json().get("message").asString()).containsPattern("\\p{IsHiragana}")
			.doesNotContain("Exception");
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
