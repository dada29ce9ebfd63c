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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.Browser;
import jp.madoguchi.support.HeadlessChromium;
import java.util.List;

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

	private Browser browser;

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.close();
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

		browser = Browser.start(port, files);
		browser.signIn("admin", "demo");
		browser.open("/admin/templates");
		assertThat(browser.text(By.cssSelector("tr[data-form=consent] td.current"))).startsWith("標準");
		browser.clickAndWaitForNewPage(By.cssSelector("tr[data-form=consent] a"));

		browser.type(By.id("file"), broken.toString());
		browser.clickAndWaitForNewPage(By.id("upload"));
		assertThat(browser.text(By.id("error"))).contains("登録しませんでした")
			.contains("template.json:" + brokenLine + ": unknown field {municipality.mayor}");
		assertThat(browser.text(By.id("versions"))).doesNotContain("第 1 版");

		browser.type(By.id("file"), good.toString());
		browser.clickAndWaitForNewPage(By.id("upload"));
		assertThat(browser.text(By.id("notice"))).contains("第 1 版として登録");
		assertThat(browser.text(By.id("current"))).isEqualTo("第 1 版");
		assertThat(browser.text(By.cssSelector("#versions tr[data-version='1']"))).contains("使用中");
		browser.screenshot("forms-template-admin");
		assertThat(TestForms.pdftotext(TestForms.write("admin-page-preview.pdf",
				fetchWithSession(browser.base() + "/admin/templates/consent/preview.pdf"))))
			.contains(NEW_WORDING);
		assertThat(fetchWithSession(browser.base() + "/admin/templates/consent/versions/1/template.json"))
			.isEqualTo(Files.readAllBytes(good));

		browser.clickAndWaitForNewPage(By.id("activate-default"));
		assertThat(browser.text(By.id("notice"))).contains("標準のテンプレートに戻しました");
		assertThat(browser.text(By.id("current"))).startsWith("標準");
		assertThat(TestForms.pdftotext(TestForms.write("admin-page-default.pdf",
				fetchWithSession(browser.base() + "/admin/templates/consent/preview.pdf"))))
			.doesNotContain(NEW_WORDING);

		browser.clickAndWaitForNewPage(By.cssSelector("#versions tr[data-version='1'] button.activate"));
		assertThat(browser.text(By.id("current"))).isEqualTo("第 1 版");

		browser.signOutByForgetting();
		browser.signIn("clerk", "demo");
		browser.open("/admin/templates");
		assertThat(browser.pageSource()).contains("権限").doesNotContain("版の管理");
	}

	/**
	 * A download with the browser's session, read directly: headless Chromium would show
	 * a PDF, not save it.
	 */
	private byte[] fetchWithSession(String url) throws Exception {
		String session = browser.sessionCookie();
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "JSESSIONID=" + session).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
