package jp.madoguchi.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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
 * In headless Chromium: a clerk records a case's consent from its page; an operator runs
 * the day's reconciliation from /reconciliations, watches it finish, finds the temporary
 * PIN left unlocked as a critical finding (in the day's list and the dashboard's open
 * list), acknowledges it with a comment, comes back to the day from the dashboard and
 * follows the finding to its case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ExtendWith(HeadlessChromium.class)
class ReconcilePageJourneyTest {

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
	void aClerkRecordsAStepAndAnOperatorFollowsTheNightsFinding() throws Exception {
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		var created = clerk.upload("journey.csv",
				Rosters.csv(List.of(Rosters.row("夜間　一郎", "ヤカン　イチロウ", "S25.5.5", "新規交付（交付時来庁）", "本人"),
						Rosters.row("夜間　二郎", "ヤカン　ジロウ", "S26.6.6", "新規交付（交付時来庁）", "本人"))),
				false);
		assertThat(created.status()).isEqualTo(201);
		var cases = clerk.get("/api/rosters/" + created.json().get("id").asLong() + "/cases").json();
		long first = cases.get(0).get("id").asLong();
		long unlocked = cases.get(1).get("id").asLong();
		String twoDaysAgo = OffsetDateTime.now().minusDays(2).toString();
		for (String step : List.of("CONSENT_WITH_PORTAL_TERMS", "TEMPORARY_PIN")) {
			assertThat(clerk
				.postJson("/api/cases/" + unlocked + "/steps",
						"{\"step\":\"" + step + "\",\"at\":\"" + twoDaysAgo + "\",\"reason\":\"受付票から転記\"}")
				.status()).isEqualTo(201);
		}

		browser = Browser.start(port, work);
		browser.signIn("clerk", "demo");
		browser.open("/cases/" + first);
		assertThat(new Select(browser.visible(By.id("step-select"))).getFirstSelectedOption().getText())
			.isEqualTo("同意書の取得（マイナポータル利用規約への同意を確認）");
		browser.clickAndWaitForNewPage(By.id("record-step"));
		assertThat(browser.text(By.id("step-notice"))).contains("を記録しました。");
		assertThat(browser.all(By.cssSelector("#recorded-steps tbody tr"))).hasSize(1);
		assertThat(new Select(browser.visible(By.id("step-select"))).getFirstSelectedOption().getText())
			.isEqualTo("暫定的な暗証番号の設定");
		browser.close();

		String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
		browser = Browser.start(port, work);
		browser.signIn("operator", "demo");
		browser.open("/reconciliations?date=" + today);
		assertThat(browser.text(By.id("no-run"))).contains("まだ実行されていません");
		browser.clickAndWaitForNewPage(By.id("run"));
		browser.waitForText(By.id("run-status"), "完了");
		assertThat(browser.text(By.id("run-status"))).contains(today, "第1回");
		WebElement finding = browser.visible(By.cssSelector("tr.finding[data-type='TEMP_PIN_NOT_LOCKED']"));
		assertThat(finding.getText()).contains("重大", "案件" + unlocked, "未対応");
		assertThat(browser.text(By.cssSelector("#counts [data-severity='CRITICAL']"))).isEqualTo("重大 1件");
		// The dashboard: today's row counts the same, the finding waits in the open list,
		// and the report is a link away.
		assertThat(
				browser.text(By.cssSelector("#recent-days tr[data-date='" + today + "'] [data-severity='CRITICAL']")))
			.isEqualTo("1");
		assertThat(browser.visible(By.cssSelector("tr.open-finding[data-type='TEMP_PIN_NOT_LOCKED']")).getText())
			.contains("暫定暗証番号のロック未確認", "案件" + unlocked);
		WebElement report = browser.visible(By.id("report"));
		assertThat(report.getText()).isEqualTo("報告書（PDF）");
		assertThat(report.getAttribute("href")).endsWith("/api/reconciliations/report.pdf?date=" + today);

		finding.findElement(By.name("comment")).sendKeys("本人に連絡し、再来庁を依頼");
		new Select(finding.findElement(By.name("state"))).selectByValue("ACKNOWLEDGED");
		browser.clickAndWaitForNewPage(By.cssSelector("tr.finding[data-type='TEMP_PIN_NOT_LOCKED'] button"));
		assertThat(browser.text(By.id("notice"))).isEqualTo("指摘の状態を更新しました。");
		assertThat(browser.text(By.cssSelector("tr.finding[data-type='TEMP_PIN_NOT_LOCKED'] .state")))
			.isEqualTo("確認済み（本人に連絡し、再来庁を依頼）");
		assertThat(browser.all(By.cssSelector("tr.open-finding[data-type='TEMP_PIN_NOT_LOCKED']"))).isEmpty();
		browser.clickAndWaitForNewPage(By.cssSelector("#recent-days tr[data-date='" + today + "'] a"));
		assertThat(browser.text(By.id("run-status"))).contains(today, "第1回");

		browser.clickAndWaitForUrl(By.cssSelector("tr.finding[data-type='TEMP_PIN_NOT_LOCKED'] a"),
				url -> url.endsWith("/cases/" + unlocked));
		assertThat(browser.text(By.id("case-title"))).isEqualTo("案件 " + unlocked);
	}

}
