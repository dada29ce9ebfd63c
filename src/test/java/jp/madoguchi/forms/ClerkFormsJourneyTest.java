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

	private Browser browser;

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.close();
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

		browser = Browser.start(port, downloads);
		browser.signIn("clerk", "demo");
		browser.open("/rosters/" + rosterId + "/documents");

		List<String> names = browser.all(By.cssSelector("#documents td.name"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(names).containsExactlyInAnyOrderElementsOf(Rosters.SACRED_NAMES.subList(0, 3));
		assertThat(browser.text(By.id("documents"))).contains("マイナンバーカードの健康保険証利用の申込みに関する委任状");
		assertThat(browser.text(By.id("form-counts"))).contains("顔認証マイナンバーカードの注意点 3");
		int pages = Integer.parseInt(browser.text(By.id("page-count")));
		browser.screenshot("forms-roster-documents");

		// a download: the page stays
		browser.click(By.id("download-packet"));
		Path packet = awaitDownload("packet-" + rosterId + ".pdf");
		try (PDDocument document = Loader.loadPDF(packet.toFile())) {
			assertThat(document.getNumberOfPages()).isEqualTo(pages);
		}
		String text = TestForms.pdftotext(packet);
		for (String name : Rosters.SACRED_NAMES.subList(0, 3)) {
			assertThat(text).contains(TestForms.spaced(name));
		}

		browser.open("/forms/walk-in");
		browser.type(By.id("name"), "寿限無".repeat(40));
		// a date input's typing order follows the browser locale; set the ISO value it
		// submits
		browser.script("document.getElementById('birthDate').value = '1940-04-01'");
		// refused: the page comes back with the error
		browser.clickAndWaitForNewPage(By.id("make-document"));
		assertThat(browser.text(By.id("error"))).contains("項目「氏名」が欄に収まりません").doesNotContain("does not fit");

		browser.present(By.id("name")).clear();
		browser.type(By.id("name"), "窓口　来子");
		// a download: the page stays
		browser.click(By.id("make-document"));
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

}
