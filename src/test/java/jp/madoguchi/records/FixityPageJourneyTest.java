package jp.madoguchi.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Browser;
import jp.madoguchi.support.HeadlessChromium;
import jp.madoguchi.support.Rosters;
import tools.jackson.databind.JsonNode;

/**
 * In headless Chromium: an operator opens the fixity page from the home page, starts a
 * check with 「今すぐ点検」, watches it finish, and finds the run's counts and the roster file
 * deleted from the store as an open finding, in Japanese.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ExtendWith(HeadlessChromium.class)
class FixityPageJourneyTest {

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
	void anOperatorRunsACheckAndFindsTheMissingFile() throws Exception {
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		Rosters.importOne(clerk, Rosters.row("点検　花子", "テンケン　ハナコ", "S41.4.1", "新規交付（交付時来庁）", "本人"));
		Rosters.importOne(clerk, Rosters.row("点検　桜子", "テンケン　サクラコ", "S42.5.2", "新規交付（交付時来庁）", "本人"));
		List<JsonNode> rosters = clerk.get("/api/rosters").json().valueStream().toList();
		assertThat(rosters).hasSize(2);
		String missing = rosters.get(0).get("sha256").asString();
		Files.delete(dataDir.resolve("files").resolve(missing.substring(0, 2)).resolve(missing));

		browser = Browser.start(port, work);
		browser.signIn("operator", "demo");
		assertThat(browser.text(By.id("link-fixity"))).isEqualTo("保存ファイルの点検");
		browser.clickAndWaitForUrl(By.id("link-fixity"), url -> url.endsWith("/fixity"));
		assertThat(browser.text(By.id("no-runs"))).isEqualTo("まだ点検していません。");
		assertThat(browser.text(By.id("run"))).isEqualTo("今すぐ点検");

		browser.clickAndWaitForNewPage(By.id("run"));
		assertThat(browser.text(By.id("notice"))).isEqualTo("保存ファイルの点検を始めました。終わると結果が表示されます。");
		// The page refreshes itself while the check runs; the run's row says when it is
		// done.
		browser.waitForText(By.cssSelector("#runs tr.run .status"), "完了");
		List<WebElement> runs = browser.all(By.cssSelector("#runs tr.run"));
		assertThat(runs).hasSize(1);
		assertThat(runs.get(0).findElement(By.className("checked")).getText()).isEqualTo("2件");
		assertThat(runs.get(0).findElement(By.className("mismatches")).getText()).isEqualTo("1件");
		assertThat(browser.all(By.id("progress"))).isEmpty();

		assertThat(browser.text(By.id("open-title"))).isEqualTo("未解決の異常（1件）");
		WebElement finding = browser.visible(By.cssSelector("#open-findings tr.open-finding"));
		assertThat(finding.getAttribute("data-record-id")).isEqualTo(rosters.get(0).get("id").asString());
		assertThat(finding.findElement(By.className("record-type")).getText()).isEqualTo("申請者名簿のファイル");
		assertThat(finding.findElement(By.className("sha256")).getText()).isEqualTo(missing);
		assertThat(finding.findElement(By.className("problem")).getText()).isEqualTo("ファイルがありません");
		assertThat(finding.getText()).doesNotContain("点検　花子");
	}

}
