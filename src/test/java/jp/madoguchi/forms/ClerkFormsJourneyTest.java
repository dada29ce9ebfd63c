package jp.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
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

import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.HeadlessChromium;
import jp.madoguchi.support.Rosters;

/**
 * A clerk in headless Chromium: sees who gets which documents, downloads the roster's
 * packet and checks its page count and text, then makes one document for a walk-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ExtendWith(HeadlessChromium.class)
class ClerkFormsJourneyTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
	}

	@LocalServerPort
	int port;

	@TempDir
	Path downloads;

	private ChromeDriver browser;

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void seeDocumentsDownloadThePacketAndMakeAWalkInDocument() throws Exception {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			rows.add(Rosters.row(Rosters.SACRED_NAMES.get(i), "テスト　タロウ", "昭和10年1月2日", "出張申請受付", i == 2 ? "代理人" : "本人"));
		}
		var created = new ApiClient(port, "clerk", "demo").upload("journey-" + System.nanoTime() + ".csv",
				Rosters.csv(rows), false);
		assertThat(created.status()).isEqualTo(201);
		long rosterId = created.json().get("id").asLong();

		browser = HeadlessChromium.start(downloads);
		String base = "http://localhost:" + port;
		HeadlessChromium.signIn(browser, base, "clerk", "demo");
		browser.get(base + "/rosters/" + rosterId + "/documents");

		List<String> names = browser.findElements(By.cssSelector("#documents td.name"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(names).containsExactlyInAnyOrderElementsOf(Rosters.SACRED_NAMES.subList(0, 3));
		assertThat(browser.findElement(By.id("documents")).getText()).contains("マイナンバーカードの健康保険証利用の申込みに関する委任状");
		assertThat(browser.findElement(By.id("form-counts")).getText()).contains("顔認証マイナンバーカードの注意点 3");
		int pages = Integer.parseInt(browser.findElement(By.id("page-count")).getText());
		screenshot("forms-roster-documents");

		browser.findElement(By.id("download-packet")).click();
		Path packet = awaitDownload("packet-" + rosterId + ".pdf");
		try (PDDocument document = Loader.loadPDF(packet.toFile())) {
			assertThat(document.getNumberOfPages()).isEqualTo(pages);
		}
		String text = TestForms.pdftotext(packet);
		for (String name : Rosters.SACRED_NAMES.subList(0, 3)) {
			assertThat(text).contains(TestForms.spaced(name));
		}

		browser.get(base + "/forms/walk-in");
		browser.findElement(By.id("name")).sendKeys("寿限無".repeat(40));
		// a date input's typing order follows the browser locale; set the ISO value it
		// submits
		browser.executeScript("document.getElementById('birthDate').value = '1940-04-01'");
		browser.findElement(By.id("make-document")).click();
		assertThat(browser.findElement(By.id("error")).getText()).contains("項目「氏名」が欄に収まりません")
			.doesNotContain("does not fit");

		browser.findElement(By.id("name")).clear();
		browser.findElement(By.id("name")).sendKeys("窓口　来子");
		browser.findElement(By.id("make-document")).click();
		Path consent = awaitDownload("consent-");
		assertThat(TestForms.pdftotext(consent)).contains("窓口 来子").contains("高梁市（デモ）の職員");
	}

	private Path awaitDownload(String prefix) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			try (Stream<Path> files = Files.list(downloads)) {
				var done = files
					.filter(f -> f.getFileName().toString().startsWith(prefix)
							&& f.getFileName().toString().endsWith(".pdf"))
					.findFirst();
				if (done.isPresent() && Files.size(done.get()) > 0) {
					return done.get();
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no download starting with " + prefix);
	}

	private void screenshot(String name) throws Exception {
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
	}

}
