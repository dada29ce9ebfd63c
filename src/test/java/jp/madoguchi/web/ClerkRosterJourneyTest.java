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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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

	private ChromeDriver browser;

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
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

		browser = HeadlessChromium.start(work);
		String base = "http://localhost:" + port;
		browser.get(base + "/rosters");
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		HeadlessChromium.signIn(browser, base, "clerk", "demo");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("申請者名簿");

		browser.findElement(By.id("file")).sendKeys(file.toString());
		browser.findElement(By.id("upload")).click();
		WebElement errors = browser.findElement(By.id("import-errors"));
		assertThat(errors.getText()).contains("8 生年月日 昭和64年1月8日 元号の期間外の日付です").contains("誤りのない行 6 行");
		screenshot("roster-errors");

		browser.findElement(By.id("accept-valid")).click();
		assertThat(browser.findElement(By.id("message")).getText()).contains("名簿を取り込みました");
		assertThat(browser.findElement(By.id("case-count")).getText()).isEqualTo("6");
		List<String> names = browser.findElements(By.cssSelector("td.name")).stream().map(WebElement::getText).toList();
		assertThat(names).containsExactlyInAnyOrderElementsOf(Rosters.SACRED_NAMES);
		assertThat(browser.getPageSource()).contains("取り込まなかった行");
		screenshot("roster-cases");

		// A case's page: the applicant as given, the workflow's steps with the next one
		// marked, no device events yet.
		browser.findElement(By.linkText(Rosters.SACRED_NAMES.get(1))).click();
		assertThat(browser.findElement(By.id("case-name")).getText()).isEqualTo(Rosters.SACRED_NAMES.get(1));
		assertThat(browser.findElement(By.cssSelector("ol.steps li.next")).getText())
			.isEqualTo("同意書の取得（マイナポータル利用規約への同意を確認）");
		assertThat(browser.findElements(By.cssSelector("ol.steps li"))).hasSize(6);
		assertThat(browser.findElement(By.id("device-events")).getText()).contains("まだ記録はありません");
		screenshot("case");

		// From the roster to its documents: the page that prints the packet.
		browser.navigate().back();
		browser.findElement(By.id("roster-documents")).click();
		assertThat(browser.getCurrentUrl()).contains("/documents");
		assertThat(browser.getPageSource()).contains(Rosters.SACRED_NAMES.get(0));
		screenshot("roster-documents");
	}

	private void screenshot(String name) throws Exception {
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
	}

}
