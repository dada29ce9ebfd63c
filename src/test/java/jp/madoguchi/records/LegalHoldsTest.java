package jp.madoguchi.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Browser;
import jp.madoguchi.support.HeadlessChromium;
import jp.madoguchi.support.Rosters;
import jp.madoguchi.support.TestMunicipalities;
import jp.madoguchi.tenant.Tenants;
import tools.jackson.databind.JsonNode;

/**
 * Legal holds: on a case and on a record that exist in the municipality (and not on
 * another municipality's), released once, each step audited; and on the officer's page in
 * headless Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ExtendWith(HeadlessChromium.class)
class LegalHoldsTest {

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

	@TempDir
	Path work;

	private Browser browser;

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void holdsArePlacedOnWhatExistsAndReleasedOnce() {
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		ApiClient officer = new ApiClient(port, "officer", "demo");
		long caseId = Rosters.importOne(clerk, Rosters.row("保留　一郎", "ホリュウ　イチロウ", "S33.3.3", "新規交付（交付時来庁）", "本人"));
		long rosterId = clerk.get("/api/rosters").json().get(0).get("id").asLong();

		var onCase = officer.postJson("/api/retention/holds", "{\"caseId\":" + caseId + ",\"reason\":\"開示請求 第1号\"}");
		assertThat(onCase.status()).as(onCase.text()).isEqualTo(201);
		long caseHold = onCase.json().get("id").asLong();
		var onRoster = officer.postJson("/api/retention/holds",
				"{\"recordType\":\"roster-file\",\"recordId\":\"" + rosterId + "\",\"reason\":\"苦情対応\"}");
		assertThat(onRoster.status()).as(onRoster.text()).isEqualTo(201);

		JsonNode holds = officer.get("/api/retention/holds").json();
		assertThat(holds.valueStream().map(h -> h.get("id").asLong())).contains(caseHold,
				onRoster.json().get("id").asLong());

		// What does not exist, or is not this municipality's, cannot be held.
		assertStatus(officer.postJson("/api/retention/holds", "{\"caseId\":999999999,\"reason\":\"x\"}"), 404,
				"HOLD_NO_SUCH_CASE");
		assertStatus(
				officer.postJson("/api/retention/holds",
						"{\"recordType\":\"signed-document\",\"recordId\":\"ZZZZ999999\",\"reason\":\"x\"}"),
				404, "HOLD_NO_SUCH_RECORD");
		TestMunicipalities.ensureOther(tenants);
		ApiClient otherOfficer = new ApiClient(port, TestMunicipalities.OTHER_OFFICER, TestMunicipalities.PASSWORD);
		assertStatus(otherOfficer.postJson("/api/retention/holds", "{\"caseId\":" + caseId + ",\"reason\":\"x\"}"), 404,
				"HOLD_NO_SUCH_CASE");
		assertStatus(
				officer.postJson("/api/retention/holds",
						"{\"caseId\":" + caseId
								+ ",\"recordType\":\"roster-file\",\"recordId\":\"1\",\"reason\":\"x\"}"),
				400, "HOLD_TARGET");
		assertStatus(officer.postJson("/api/retention/holds", "{\"caseId\":" + caseId + ",\"reason\":\" \"}"), 400,
				"HOLD_REASON");
		assertStatus(officer.postJson("/api/retention/holds",
				"{\"recordType\":\"tape\",\"recordId\":\"1\",\"reason\":\"x\"}"), 400, "HOLD_RECORD_TYPE");
		assertThat(otherOfficer.delete("/api/retention/holds/" + caseHold).status()).isEqualTo(404);

		assertThat(officer.delete("/api/retention/holds/" + caseHold).status()).isEqualTo(204);
		assertStatus(officer.delete("/api/retention/holds/" + caseHold), 409, "HOLD_ALREADY_RELEASED");
		JsonNode released = officer.get("/api/retention/holds")
			.json()
			.valueStream()
			.filter(h -> h.get("id").asLong() == caseHold)
			.findFirst()
			.orElseThrow();
		assertThat(released.get("releasedBy").asString()).isEqualTo("officer");
		ApiClient admin = new ApiClient(port, "admin", "demo");
		assertThat(admin.get("/api/audit?action=HOLD_PLACED&record=legal.hold:" + caseHold).json().get("entries"))
			.hasSize(1);
		assertThat(admin.get("/api/audit?action=HOLD_RELEASED&record=legal.hold:" + caseHold).json().get("entries"))
			.hasSize(1);
	}

	@Test
	void anOfficerHoldsACaseOnThePageAndReleasesIt() throws Exception {
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		long caseId = Rosters.importOne(clerk, Rosters.row("保留　花子", "ホリュウ　ハナコ", "S34.4.4", "新規交付（交付時来庁）", "本人"));
		browser = Browser.start(port, work);
		browser.signIn("officer", "demo");
		browser.clickAndWaitForUrl(By.id("link-holds"), url -> url.endsWith("/records/holds"));
		browser.type(By.id("case-id"), Long.toString(caseId));
		browser.type(By.id("case-reason"), "開示請求 第2号");
		browser.clickAndWaitForNewPage(By.id("place-case-button"));
		assertThat(browser.text(By.id("notice"))).startsWith("保留（番号").contains("を設定しました。");
		var row = browser.visible(By.xpath("//tr[@class='hold'][td[2]='案件 " + caseId + "']"));
		assertThat(row.getText()).contains("開示請求 第2号", "保留中");
		String holdId = row.getAttribute("data-hold");
		browser.clickAndWaitForNewPage(By.cssSelector("tr[data-hold='" + holdId + "'] button.release"));
		assertThat(browser.text(By.id("notice"))).isEqualTo("保留（番号" + holdId + "）を解除しました。");
		assertThat(browser.text(By.cssSelector("tr[data-hold='" + holdId + "'] .state"))).isEqualTo("解除済み（officer）");

		browser.type(By.id("record-id"), "ZZZZ999999");
		browser.type(By.id("record-reason"), "確認");
		browser.clickAndWaitForNewPage(By.id("place-record-button"));
		assertThat(browser.text(By.id("error"))).isEqualTo("この自治体に記録（申請者名簿のファイル ZZZZ999999）はありません。");
	}

	private static void assertStatus(ApiClient.Response response, int status, String code) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.json().get("code").asString()).isEqualTo(code);
	}

}
