package jp.madoguchi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.HeadlessChromium;

/**
 * Under the Content-Security-Policy (no inline script) the roster page's script still
 * runs from its own file: an oversized file is refused in the browser, before any upload.
 * The service's limit is 1 KB here so a small file is "too large".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "madoguchi.roster.max-upload-size=1KB")
@ActiveProfiles("demo")
@ExtendWith(HeadlessChromium.class)
class RosterPageScriptTest {

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
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void theSizeCheckRunsFromItsScriptFile() throws Exception {
		Path big = Files.writeString(this.work.resolve("big.csv"), "氏名\n" + "あ".repeat(2000));
		String base = "http://localhost:" + this.port;
		this.browser = HeadlessChromium.start(this.work);
		HeadlessChromium.signIn(this.browser, base, "clerk", "demo");
		this.browser.get(base + "/rosters");
		assertThat(this.browser.findElement(By.id("size-error")).isDisplayed()).isFalse();
		this.browser.findElement(By.id("file")).sendKeys(big.toString());
		var form = this.browser.findElement(By.id("upload-form"));
		this.browser.findElement(By.id("upload")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(d -> d.findElement(By.id("size-error")).isDisplayed());
		assertThat(form.isDisplayed()).as("still the same page: nothing was sent").isTrue();
		assertThat(this.browser.getCurrentUrl()).isEqualTo(base + "/rosters");
	}

}
