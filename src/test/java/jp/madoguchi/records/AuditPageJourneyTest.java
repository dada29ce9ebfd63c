package jp.madoguchi.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Browser;
import jp.madoguchi.support.HeadlessChromium;
import jp.madoguchi.support.Rosters;

/**
 * In headless Chromium: an ADMIN opens the audit log from the home page, narrows it to a
 * clerk's views of one case, sees a bad day refused in Japanese, and finds the CSV link
 * carrying the same filter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ExtendWith(HeadlessChromium.class)
class AuditPageJourneyTest {

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
	void anAdminNarrowsTheLogToOneCase() throws Exception {
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		long caseId = Rosters.importOne(clerk, Rosters.row("監査　花子", "カンサ　ハナコ", "S40.4.4", "新規交付（交付時来庁）", "本人"));
		assertThat(clerk.get("/api/cases/" + caseId).status()).isEqualTo(200);

		browser = Browser.start(port, work);
		browser.signIn("admin", "demo");
		browser.clickAndWaitForUrl(By.id("link-audit"), url -> url.endsWith("/admin/audit"));
		assertThat(browser.all(By.cssSelector("#audit tr.entry"))).isNotEmpty();

		browser.type(By.id("user"), "clerk");
		new Select(browser.visible(By.id("action"))).selectByValue("VIEW");
		browser.type(By.id("record"), "case:" + caseId);
		browser.clickAndWaitForNewPage(By.id("search"));
		assertThat(browser.all(By.cssSelector("#audit tr.entry"))).isNotEmpty()
			.allSatisfy(row -> assertThat(row.getText()).contains("clerk", "VIEW", "case", Long.toString(caseId)));
		assertThat(URLDecoder.decode(browser.visible(By.id("csv")).getAttribute("href"), StandardCharsets.UTF_8))
			.contains("/api/audit.csv?user=clerk", "action=VIEW", "record=case:" + caseId);

		browser.open("/admin/audit?from=2026-02-30");
		assertThat(browser.text(By.id("error"))).isEqualTo("日付「2026-02-30」を読めません。YYYY-MM-DD の形で入力してください。");
	}

}
