package jp.madoguchi.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.Browser;
import jp.madoguchi.support.HeadlessChromium;

/**
 * In headless Chromium: an administrator creates a user and sees the temporary password
 * once; the user's first sign-in leads to the password change, every other page too,
 * until a strong password is set; then a deactivated user cannot sign in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ExtendWith(HeadlessChromium.class)
class UserAdminPageTest {

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

	/** Headless Chromium with no implicit wait (HeadlessChromium sets none). */
	private ChromeDriver browser() throws IOException {
		return HeadlessChromium.start(downloads);
	}

	/**
	 * Clicks and waits for the page it loads, with the shared helper (old page stale, new
	 * document complete).
	 */
	private void clickAndWait(By by) {
		new Browser(browser, "http://localhost:" + port).clickAndWaitForNewPage(by);
	}

	private void fill(String id, String value) {
		WebElement field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(value);
	}

	@Test
	void firstSignInWithATemporaryPasswordLeadsThroughTheForcedChange() throws IOException {
		browser = browser();
		String base = "http://localhost:" + port;
		HeadlessChromium.signIn(browser, base, "admin", "demo");
		browser.get(base + "/admin/users");
		fill("username", "kobayashi");
		fill("displayName", "小林 花子");
		fill("staffId", "staff-21");
		browser.findElement(By.id("role-CLERK")).click();
		clickAndWait(By.id("create"));
		String temporary = browser.findElement(By.id("temporary-password")).getText();
		assertThat(temporary).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
		assertThat(browser.findElement(By.cssSelector("tr[data-username=kobayashi] td.state")).getText())
			.isEqualTo("仮パスワード");
		// shown once: the list again no longer shows it
		browser.get(base + "/admin/users");
		assertThat(browser.findElements(By.id("temporary-password"))).isEmpty();
		String editUrl = browser.findElement(By.cssSelector("tr[data-username=kobayashi] a")).getAttribute("href");

		browser.manage().deleteAllCookies();
		HeadlessChromium.signIn(browser, base, "kobayashi", temporary);
		assertThat(browser.getCurrentUrl()).isEqualTo(base + "/password");
		assertThat(browser.findElement(By.id("required")).getText()).contains("仮パスワード");
		browser.get(base + "/rosters");
		assertThat(browser.getCurrentUrl()).isEqualTo(base + "/password");

		fill("currentPassword", temporary);
		fill("newPassword", "password1234");
		fill("confirmPassword", "password1234");
		clickAndWait(By.id("change"));
		assertThat(browser.findElement(By.id("error")).getText()).contains("よく使われるパスワード");

		fill("currentPassword", temporary);
		fill("newPassword", "yuki-matsu-hana-93");
		fill("confirmPassword", "yuki-matsu-hana-93");
		clickAndWait(By.id("change"));
		assertThat(browser.getCurrentUrl()).doesNotContain("/password").doesNotContain("/login");
		browser.get(base + "/");
		assertThat(browser.getCurrentUrl()).doesNotContain("/password");
		assertThat(browser.findElement(By.cssSelector(".site-header .user")).getText()).contains("小林 花子 さん");
		browser.get(base + "/rosters");
		assertThat(browser.getCurrentUrl()).isEqualTo(base + "/rosters");

		// the administrator deactivates the user: that session ends, and no new sign-in
		// opens
		ChromeDriver user = browser;
		browser = browser();
		try {
			HeadlessChromium.signIn(browser, base, "admin", "demo");
			browser.get(editUrl);
			clickAndWait(By.id("deactivate"));
			assertThat(browser.findElement(By.id("notice")).getText()).contains("利用を停止しました");
			assertThat(browser.findElement(By.id("state")).getText()).contains("利用停止中");
		}
		finally {
			browser.quit();
			browser = user;
		}
		browser.get(base + "/rosters");
		assertThat(browser.getCurrentUrl()).startsWith(base + "/login");
		fill("username", "kobayashi");
		fill("password", "yuki-matsu-hana-93");
		clickAndWait(By.id("login"));
		assertThat(browser.getCurrentUrl()).isEqualTo(base + "/login?error");
	}

	@Test
	void anAdministratorEditsAUserAndTheMunicipalitySettings() throws IOException {
		browser = browser();
		String base = "http://localhost:" + port;
		HeadlessChromium.signIn(browser, base, "admin", "demo");
		browser.get(base + "/admin/users");
		fill("username", "clerk");
		fill("displayName", "重複 確認");
		browser.findElement(By.id("role-CLERK")).click();
		clickAndWait(By.id("create"));
		assertThat(browser.findElement(By.id("error")).getText()).contains("すでに使われています");
		assertThat(browser.findElement(By.id("displayName")).getAttribute("value")).isEqualTo("重複 確認");

		browser.get(base + "/admin/users");
		clickAndWait(By.cssSelector("tr[data-username=operator] a"));
		fill("displayName", "運用 次郎（兼 窓口）");
		browser.findElement(By.id("role-CLERK")).click();
		clickAndWait(By.id("save"));
		assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("保存しました。");
		assertThat(browser.findElement(By.id("role-CLERK")).isSelected()).isTrue();
		assertThat(browser.findElement(By.id("role-OPERATOR")).isSelected()).isTrue();
		// the administrator's own page offers no way to lock themselves out
		browser.get(base + "/admin/users");
		clickAndWait(By.cssSelector("tr[data-username=admin] a"));
		assertThat(browser.findElements(By.id("deactivate"))).isEmpty();
		browser.findElement(By.id("role-ADMIN")).click();
		browser.findElement(By.id("role-CLERK")).click();
		clickAndWait(By.id("save"));
		assertThat(browser.findElement(By.id("error")).getText()).contains("管理者の役割を外すことはできません");

		clickAndWait(By.linkText("自治体の設定"));
		assertThat(browser.getCurrentUrl()).isEqualTo(base + "/admin/municipality");
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("332097");
		fill("phone", "0866-55-0000");
		fill("officeHours", "平日 8:30～17:15（水曜は19:00まで）");
		clickAndWait(By.id("save"));
		assertThat(browser.findElement(By.id("notice")).getText()).contains("保存しました");
		assertThat(browser.findElement(By.id("phone")).getAttribute("value")).isEqualTo("0866-55-0000");
		assertThat(browser.findElement(By.id("officeHours")).getAttribute("value")).contains("水曜は19:00まで");
	}

}
