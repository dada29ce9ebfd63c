package jp.madoguchi.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Browser;
import jp.madoguchi.support.HeadlessChromium;
import tools.jackson.databind.JsonNode;

/**
 * Retention classes: the defaults with their reasons, an ADMIN's change through the API
 * (audited, kept per municipality) and on the page in headless Chromium, and the refusals
 * in Japanese naming the field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ExtendWith(HeadlessChromium.class)
class RetentionClassesTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
	}

	@LocalServerPort
	int port;

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
	void defaultsAreListedAndAnAdminChangesOne() {
		ApiClient admin = new ApiClient(port, "admin", "demo");
		ApiClient officer = new ApiClient(port, "officer", "demo");
		JsonNode classes = officer.get("/api/retention/classes").json();
		assertThat(classes.valueStream().map(c -> c.get("recordType").asString())).containsExactly("roster-file",
				"scan-original", "signed-document", "generated-document", "device-log");
		JsonNode signed = byType(classes, "signed-document");
		assertThat(signed.get("years").asInt()).isEqualTo(5);
		assertThat(signed.get("from").asString()).isEqualTo("CASE_CLOSED");
		assertThat(signed.get("isDefault").asBoolean()).isTrue();
		assertThat(signed.get("reason").asString()).contains("案件の完了から5年");

		var set = admin.putJson("/api/retention/classes/roster-file", "{\"years\":2,\"from\":\"CASE_CLOSED\"}");
		assertThat(set.status()).as(set.text()).isEqualTo(200);
		JsonNode roster = byType(officer.get("/api/retention/classes").json(), "roster-file");
		assertThat(roster.get("years").asInt()).isEqualTo(2);
		assertThat(roster.get("from").asString()).isEqualTo("CASE_CLOSED");
		assertThat(roster.get("isDefault").asBoolean()).isFalse();
		assertThat(roster.get("changedBy").asString()).isEqualTo("admin");
		assertThat(admin.get("/api/audit?action=CHANGE&record=retention.class:roster-file").json().get("entries"))
			.isNotEmpty();

		assertBad(admin.putJson("/api/retention/classes/roster-file", "{\"years\":0,\"from\":\"CREATED\"}"),
				"RETENTION_BAD_YEARS", "years");
		assertBad(admin.putJson("/api/retention/classes/roster-file", "{\"from\":\"CREATED\"}"), "RETENTION_BAD_YEARS",
				"years");
		var signedFromCreated = admin.putJson("/api/retention/classes/device-log", "{\"years\":5,\"from\":\"SIGNED\"}");
		assertBad(signedFromCreated, "RETENTION_BAD_EVENT", "from");
		assertThat(signedFromCreated.json().get("expected").asString()).isEqualTo("CREATED");
		assertThat(admin.putJson("/api/retention/classes/tape", "{\"years\":5,\"from\":\"CREATED\"}").status())
			.isEqualTo(404);
		assertThat(officer.putJson("/api/retention/classes/roster-file", "{\"years\":9,\"from\":\"CREATED\"}").status())
			.isEqualTo(403);
	}

	@Test
	void anAdminSetsAClassOnThePage() throws Exception {
		browser = Browser.start(port, work);
		browser.signIn("admin", "demo");
		browser.clickAndWaitForUrl(By.id("link-retention"), url -> url.endsWith("/admin/retention"));
		WebElement row = browser.visible(By.cssSelector("tr.retention-class[data-type='scan-original']"));
		assertThat(row.findElement(By.cssSelector(".reason")).getText()).contains("原本画像");
		WebElement years = row.findElement(By.name("years"));
		years.clear();
		years.sendKeys("7");
		new Select(row.findElement(By.name("from"))).selectByValue("SIGNED");
		browser.clickAndWaitForNewPage(By.cssSelector("tr.retention-class[data-type='scan-original'] button"));
		assertThat(browser.text(By.id("notice"))).isEqualTo("「スキャンの原本」の保存期間を保存しました。");
		assertThat(browser.text(By.cssSelector("tr.retention-class[data-type='scan-original'] .period")))
			.startsWith("署名済みの書類の受領日から7年");

		WebElement again = browser.visible(By.cssSelector("tr.retention-class[data-type='scan-original']"));
		WebElement field = again.findElement(By.name("years"));
		// The browser's own check is not the only one: the service refuses 0 too.
		browser.script("arguments[0].removeAttribute('min'); arguments[0].value = '0';", field);
		browser.clickAndWaitForNewPage(By.cssSelector("tr.retention-class[data-type='scan-original'] button"));
		assertThat(browser.text(By.id("error"))).isEqualTo("保存年数は1から100までの整数で入力してください。");
	}

	private static JsonNode byType(JsonNode classes, String type) {
		List<JsonNode> found = classes.valueStream().filter(c -> c.get("recordType").asString().equals(type)).toList();
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static void assertBad(ApiClient.Response response, String code, String field) {
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.json().get("code").asString()).isEqualTo(code);
		assertThat(response.json().get("field").asString()).isEqualTo(field);
	}

}
