package jp.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.HeadlessChromium;
import java.util.List;
import org.openqa.selenium.OutputType;

/**
 * The ADMIN's template page in headless Chromium: a refused upload, an installed version,
 * back to the default.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ExtendWith(HeadlessChromium.class)
class TemplateAdminPageTest {

	private static final String NEW_WORDING = "私は、下記の事項について改めて、";

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
	}

	@LocalServerPort
	int port;

	@TempDir
	Path files;

	private ChromeDriver browser;

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void anAdminUploadsAVersionPreviewsItAndGoesBackToTheDefault() throws Exception {
		String builtIn = Files.readString(TestForms.TEMPLATES.resolve("consent/template.json"));
		Path broken = Files.writeString(files.resolve("broken.json"),
				builtIn.replace("{municipality.mayorTitle}　殿", "{municipality.mayor}　殿"));
		List<String> brokenLines = Files.readAllLines(broken);
		int brokenLine = brokenLines.indexOf(
				brokenLines.stream().filter(l -> l.contains("{municipality.mayor}")).findFirst().orElseThrow()) + 1;
		Path good = Files.writeString(files.resolve("consent.json"), builtIn.replace("私は、下記の事項につき、", NEW_WORDING));

		browser = HeadlessChromium.start(files);
		String base = "http://localhost:" + port;
		login(base, "admin");
		browser.get(base + "/admin/templates");
		assertThat(browser.findElement(By.cssSelector("tr[data-form=consent] td.current")).getText()).startsWith("標準");
		browser.findElement(By.cssSelector("tr[data-form=consent] a")).click();

		browser.findElement(By.id("file")).sendKeys(broken.toString());
		browser.findElement(By.id("upload")).click();
		assertThat(browser.findElement(By.id("error")).getText()).contains("登録しませんでした")
			.contains("template.json:" + brokenLine + ": unknown field {municipality.mayor}");
		assertThat(browser.findElement(By.id("versions")).getText()).doesNotContain("第 1 版");

		browser.findElement(By.id("file")).sendKeys(good.toString());
		browser.findElement(By.id("upload")).click();
		assertThat(browser.findElement(By.id("notice")).getText()).contains("第 1 版として登録");
		assertThat(browser.findElement(By.id("current")).getText()).isEqualTo("第 1 版");
		assertThat(browser.findElement(By.cssSelector("#versions tr[data-version='1']")).getText()).contains("使用中");
		Files.createDirectories(Path.of("target", "screenshots"));
		Files.write(Path.of("target", "screenshots", "forms-template-admin.png"),
				browser.getScreenshotAs(OutputType.BYTES));
		assertThat(TestForms.pdftotext(TestForms.write("admin-page-preview.pdf",
				fetchWithSession(base + "/admin/templates/consent/preview.pdf"))))
			.contains(NEW_WORDING);
		assertThat(fetchWithSession(base + "/admin/templates/consent/versions/1/template.json"))
			.isEqualTo(Files.readAllBytes(good));

		browser.findElement(By.id("activate-default")).click();
		assertThat(browser.findElement(By.id("notice")).getText()).contains("標準のテンプレートに戻しました");
		assertThat(browser.findElement(By.id("current")).getText()).startsWith("標準");
		assertThat(TestForms.pdftotext(TestForms.write("admin-page-default.pdf",
				fetchWithSession(base + "/admin/templates/consent/preview.pdf"))))
			.doesNotContain(NEW_WORDING);

		browser.findElement(By.cssSelector("#versions tr[data-version='1'] button.activate")).click();
		assertThat(browser.findElement(By.id("current")).getText()).isEqualTo("第 1 版");

		browser.manage().deleteAllCookies();
		login(base, "clerk");
		browser.get(base + "/admin/templates");
		assertThat(browser.getPageSource()).contains("権限").doesNotContain("版の管理");
	}

	private void login(String base, String username) {
		HeadlessChromium.signIn(browser, base, username, "demo");
	}

	/**
	 * A download with the browser's session, read directly: headless Chromium would show
	 * a PDF, not save it.
	 */
	private byte[] fetchWithSession(String url) throws Exception {
		String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "JSESSIONID=" + session).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
