package jp.madoguchi.web;

import static jp.madoguchi.support.Rosters.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

import jp.madoguchi.support.Browser;
import jp.madoguchi.support.HeadlessChromium;
import jp.madoguchi.support.Rosters;

/**
 * A clerk in a real headless Chromium: signs in, uploads a roster with one bad row, reads
 * the error, accepts the valid rows and sees the cases — names exactly as in the file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ExtendWith(HeadlessChromium.class)
class ClerkRosterJourneyTest {

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
	void uploadSeeErrorAcceptValidRowsSeeCases() throws Exception {
		List<List<String>> rows = new ArrayList<>();
		for (String name : Rosters.SACRED_NAMES) {
			rows.add(row(name, "テスト　ハナコ", "昭和12年3月4日", "出張申請受付", "本人"));
		}
		rows.add(row("誤り　太郎", "ゴ　タロウ", "昭和64年1月8日", "出張申請受付", "本人"));
		Path file = work.resolve("施設名簿.csv");
		Files.write(file, Rosters.csv(rows));

		browser = Browser.start(port, work);
		browser.open("/rosters");
		assertThat(browser.url()).endsWith("/login");
		browser.signIn("clerk", "demo");
		browser.open("/rosters");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("申請者名簿");

		browser.type(By.id("file"), file.toString());
		browser.clickAndWaitForNewPage(By.id("upload"));
		assertThat(browser.text(By.id("import-errors"))).contains("8 生年月日 昭和64年1月8日 元号の期間外の日付です")
			.contains("誤りのない行 6 行");
		browser.screenshot("roster-errors");

		browser.clickAndWaitForNewPage(By.id("accept-valid"));
		assertThat(browser.text(By.id("message"))).contains("名簿を取り込みました");
		assertThat(browser.text(By.id("case-count"))).isEqualTo("6");
		List<String> names = browser.all(By.cssSelector("td.name")).stream().map(WebElement::getText).toList();
		assertThat(names).containsExactlyInAnyOrderElementsOf(Rosters.SACRED_NAMES);
		assertThat(browser.pageSource()).contains("取り込まなかった行");
		browser.screenshot("roster-cases");

		// A case's page: the applicant as given, the workflow's steps with the next one
		// marked, no device events yet.
		browser.clickAndWaitForNewPage(By.linkText(Rosters.SACRED_NAMES.get(1)));
		assertThat(browser.text(By.id("case-name"))).isEqualTo(Rosters.SACRED_NAMES.get(1));
		assertThat(browser.text(By.cssSelector("ol.steps li.next"))).isEqualTo("同意書の取得（マイナポータル利用規約への同意を確認）");
		assertThat(browser.all(By.cssSelector("ol.steps li"))).hasSize(6);
		assertThat(browser.text(By.id("device-events"))).contains("まだ記録はありません");
		browser.screenshot("case");

		// The documents generated for the case: none yet.
		browser.clickAndWaitForUrl(By.id("case-documents-link"), url -> url.contains("/case-documents/"));
		assertThat(browser.text(By.id("case-name"))).isEqualTo(Rosters.SACRED_NAMES.get(1));
		assertThat(browser.text(By.id("no-documents"))).contains("まだ作成されていません");
		browser.back();

		// From the roster to its documents: the page that prints the packet.
		browser.back();
		browser.clickAndWaitForUrl(By.id("roster-documents"), url -> url.endsWith("/documents"));
		assertThat(browser.pageSource()).contains(Rosters.SACRED_NAMES.get(0));
		browser.screenshot("roster-documents");
	}

}
