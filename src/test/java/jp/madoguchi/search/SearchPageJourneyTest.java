package jp.madoguchi.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.scans.PaperScans;
import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Browser;
import jp.madoguchi.support.HeadlessChromium;
import jp.madoguchi.support.PageSession;
import jp.madoguchi.support.Rosters;
import jp.madoguchi.support.TestMunicipalities;
import jp.madoguchi.tenant.Tenants;
import tools.jackson.databind.JsonNode;

/**
 * A records officer in headless Chromium searches the records: 渡邉 ハナ typed as 「渡辺 はな」 is
 * found with her glyphs, the matched part marked, her birth date in 和暦 and 西暦, her signed
 * consent and its thumbnail; a facility's filter narrows the hits; 25 people page into 20
 * and 5; 斉藤 comes under 「似た表記」 when 斎藤 is searched; a bad date is said in Japanese on the
 * page. Every page of results is audited as the API's searches are.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ExtendWith(HeadlessChromium.class)
class SearchPageJourneyTest {

	static final float DPI = 200;

	static final String HANA = "渡邉　ハナ";

	static final String MIZUHO = "みずほ苑";

	/** A surname no other test uses: 25 people share it, to page through. */
	static final String PAGED = "頁送";

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tenants tenants;

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
	void anOfficerFindsSignedDocumentsHoweverTheNameIsTyped() throws Exception {
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		ApiClient officer = new ApiClient(port, "officer", "demo");

		// The roster: 渡邉 ハナ of みずほ苑, 斎藤/斉藤 (confusable, not variants), and 25
		// people to page through.
		List<List<String>> rows = new ArrayList<>();
		rows.add(at(MIZUHO, Rosters.row(HANA, "ワタナベ　ハナ", "昭和23年4月5日", "新規交付（交付時来庁）", "本人")));
		rows.add(Rosters.row("斎藤　律子", "サイトウ　リツコ", "昭和30年6月7日", "新規交付（交付時来庁）", "本人"));
		rows.add(Rosters.row("斉藤　律子", "サイトウ　リツコ", "昭和31年8月9日", "新規交付（交付時来庁）", "本人"));
		for (int i = 1; i <= 25; i++) {
			rows.add(Rosters.row(PAGED + "　" + kanjiNumber(i) + "郎", "ページオクリ　" + kanaNumber(i), "昭和40年1月" + i + "日",
					"新規交付（交付時来庁）", "本人"));
		}
		ApiClient.Response roster = clerk.upload("search-journey.csv", Rosters.csv(rows), false);
		assertThat(roster.status()).as(roster.text()).isEqualTo(201);
		long hanaCase = -1;
		for (JsonNode c : clerk.get("/api/rosters/" + roster.json().get("id").asLong() + "/cases").json()) {
			if (c.get("name").asString().equals(HANA)) {
				hanaCase = c.get("id").asLong();
			}
		}
		assertThat(hanaCase).as("渡邉 ハナ's case").isPositive();

		// Her consent, printed, signed and scanned back.
		ApiClient.Response pdf = clerk.post("/api/cases/" + hanaCase + "/documents?form=consent");
		assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
		JsonNode document = clerk.get("/api/cases/" + hanaCase + "/documents").json().get(0);
		String documentId = document.get("id").asString();
		List<BufferedImage> pages = PaperScans.render(pdf.body(), DPI);
		PaperScans.sign(pages.get(0), DPI, document.get("regions"), 1, "signature");
		ApiClient.Response scanned = officer.uploadFile("/api/scans", "渡邉ハナ同意書.pdf", PaperScans.imagePdf(pages, DPI));
		assertThat(scanned.status()).as(scanned.text()).isEqualTo(201);

		// The index follows within a second or so: wait until it holds all of it.
		awaitApi(officer, "q=" + enc(HANA),
				page -> hits(page).stream()
					.anyMatch(h -> documentId.equals(text(h, "documentId")) && "SIGNED".equals(text(h, "status"))
							&& h.has("thumbnailPageId")));
		awaitApi(officer, "q=" + enc(PAGED), page -> page.get("total").asLong() == 25);
		awaitApi(officer, "q=" + enc("斉藤律子"), page -> page.get("total").asLong() >= 1);
		long auditedBefore = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_event").query(Long.class).single();

		browser = Browser.start(port, work);
		browser.signIn("officer", "demo");
		browser.open("/");
		browser.clickAndWaitForUrl(By.id("link-search"), url -> url.endsWith("/search"));
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("記録の検索");
		assertThat(browser.visible(By.id("q")).getAttribute("placeholder")).isEqualTo("氏名・ふりがな・ローマ字・生年月日（和暦可）");
		// A blank search lists everything, newest first.
		assertThat(browser.text(By.id("result-count"))).matches("\\d+件中 1–20件");
		assertThat(browser.all(By.id("nav-search"))).hasSize(1);

		// The variant glyph and hiragana find her, with her own glyphs.
		browser.type(By.id("q"), "渡辺　はな");
		browser.clickAndWaitForNewPage(By.id("search-submit"));
		assertThat(browser.url()).contains("q=");
		WebElement hit = browser.visible(By.cssSelector("#hits li.hit[data-document='" + documentId + "']"));
		assertThat(hit.findElement(By.cssSelector(".name")).getText()).isEqualTo(HANA);
		List<WebElement> marks = hit.findElements(By.cssSelector(".name mark"));
		assertThat(marks).as("the matched part of the name is marked").isNotEmpty();
		assertThat(HANA).contains(marks.get(0).getText());
		assertThat(hit.findElement(By.cssSelector(".reading")).getText()).isEqualTo("ワタナベ　ハナ");
		assertThat(hit.findElement(By.cssSelector(".era")).getText()).isEqualTo("昭和23年4月5日");
		assertThat(hit.findElement(By.cssSelector(".western")).getText()).isEqualTo("1948年4月5日");
		assertThat(hit.findElement(By.cssSelector(".facility")).getText()).isEqualTo(MIZUHO);
		assertThat(hit.findElement(By.cssSelector(".form")).getText()).endsWith("同意書");
		assertThat(hit.findElement(By.cssSelector(".status")).getText()).isEqualTo("署名あり");
		assertThat(hit.findElement(By.cssSelector(".tier")).getText()).isIn("完全一致", "異体字", "読み", "部分一致");
		assertThat(hit.findElement(By.cssSelector("a.case-link")).getAttribute("href")).endsWith("/cases/" + hanaCase);
		assertThat(hit.findElement(By.cssSelector("a.signed-link")).getAttribute("href"))
			.endsWith("/scans/cases/" + hanaCase);
		assertThat(hit.findElement(By.cssSelector("a.view-link")).getAttribute("href"))
			.matches(".*/scans/\\d+/pages/\\d+$");
		String original = hit.findElement(By.cssSelector("a.download-link")).getAttribute("href");
		assertThat(original).matches(".*/scans/\\d+/file$");
		String thumbnail = hit.findElement(By.cssSelector("img.thumbnail")).getAttribute("src");
		assertThat(thumbnail).matches(".*/scans/page-images/\\d+\\.png\\?width=\\d+$");
		assertLoaded(hit.findElement(By.cssSelector("img.thumbnail")));
		browser.screenshot("search-found");

		// The original scan downloads with the browser's sign-in.
		PageSession session = new PageSession(port);
		session.signIn("officer", "demo");
		assertThat(session.get(original.substring(original.indexOf("/scans/"))).statusCode()).isEqualTo(200);

		// The viewer link opens the signed page.
		browser.clickAndWaitForNewPage(By.cssSelector("#hits li.hit[data-document='" + documentId + "'] a.view-link"));
		assertThat(browser.url()).matches(".*/scans/\\d+/pages/\\d+$");
		assertThat(browser.text(By.id("page-label"))).contains(documentId);

		// A blank search, then one facility's filter: only its entries.
		browser.open("/search");
		WebElement facet = browser.visible(By.cssSelector("#facet-facility a.facet[data-value='" + MIZUHO + "']"));
		assertThat(facet.findElement(By.cssSelector(".count")).getText()).isEqualTo("1");
		browser.clickAndWaitForNewPage(By.cssSelector("#facet-facility a.facet[data-value='" + MIZUHO + "']"));
		assertThat(browser.url()).contains("facility=");
		List<WebElement> filtered = browser.all(By.cssSelector("li.hit"));
		assertThat(filtered).hasSize(1);
		assertThat(filtered.get(0).getAttribute("data-document")).isEqualTo(documentId);
		assertThat(browser.text(By.id("result-count"))).isEqualTo("1件中 1–1件");
		assertThat(browser.text(By.cssSelector("#facet-facility li.selected"))).contains(MIZUHO).contains("外す");
		browser.screenshot("search-facility-filter");
		// The selected filter's link takes it off again.
		browser.clickAndWaitForNewPage(By.cssSelector("#facet-facility li.selected a"));
		assertThat(browser.url()).doesNotContain("facility=");
		assertThat(browser.all(By.cssSelector("li.hit")).size()).isGreaterThan(1);

		// 25 people: 20 on the first page, 5 on the next.
		browser.open("/search?q=" + enc(PAGED));
		assertThat(browser.text(By.id("result-count"))).isEqualTo("25件中 1–20件");
		assertThat(browser.all(By.cssSelector("#hits li.hit"))).hasSize(20);
		assertThat(browser.all(By.id("previous-page"))).isEmpty();
		browser.clickAndWaitForNewPage(By.id("next-page"));
		assertThat(browser.url()).contains("page=1");
		assertThat(browser.text(By.id("result-count"))).isEqualTo("25件中 21–25件");
		assertThat(browser.all(By.cssSelector("#hits li.hit"))).hasSize(5);
		assertThat(browser.all(By.id("next-page"))).isEmpty();
		assertThat(browser.visible(By.id("previous-page")).getText()).contains("前へ");
		browser.screenshot("search-second-page");

		// 斎藤 first; 斉藤 is another character, shown apart under 「似た表記」.
		browser.open("/search");
		browser.type(By.id("q"), "斎藤律子");
		browser.clickAndWaitForNewPage(By.id("search-submit"));
		List<WebElement> main = browser.all(By.cssSelector("#hits li.hit"));
		assertThat(main).isNotEmpty();
		assertThat(main.get(0).findElement(By.cssSelector(".name")).getText()).isEqualTo("斎藤　律子");
		assertThat(main.get(0).findElement(By.cssSelector(".tier")).getText()).isEqualTo("完全一致");
		assertThat(main).noneMatch(li -> li.findElement(By.cssSelector(".name")).getText().equals("斉藤　律子"));
		assertThat(browser.text(By.cssSelector("#similar h2"))).isEqualTo("似た表記");
		List<WebElement> similar = browser.all(By.cssSelector("#similar li.hit"));
		assertThat(similar).anySatisfy(li -> {
			assertThat(li.findElement(By.cssSelector(".name")).getText()).isEqualTo("斉藤　律子");
			assertThat(li.findElement(By.cssSelector(".tier")).getText()).isEqualTo("似た表記");
			assertThat(li.findElement(By.cssSelector(".status")).getText()).isEqualTo("未作成");
		});
		browser.screenshot("search-similar");

		// A date that does not exist: the catalogue's words on the page, never an error
		// page.
		browser.type(By.id("generatedFrom"), "2024-02-30");
		browser.clickAndWaitForNewPage(By.id("search-submit"));
		assertThat(browser.isErrorPage()).isFalse();
		assertThat(browser.text(By.id("search-failure"))).isEqualTo("日付を読み取れません。2024-04-01 や 令和6年4月1日 の形で指定してください。");
		assertThat(browser.visible(By.id("generatedFrom")).getAttribute("value")).isEqualTo("2024-02-30");
		assertThat(browser.visible(By.id("generatedFrom")).getAttribute("class")).contains("invalid");
		browser.screenshot("search-bad-date");
		HttpResponse<String> bad = session.get("/search?signedTo=abc&q=" + enc(PAGED));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("日付を読み取れません。").doesNotContain("Exception");
		HttpResponse<String> badPage = session.get("/search?page=x");
		assertThat(badPage.statusCode()).isEqualTo(400);
		assertThat(badPage.body()).contains("ページは 0 から 499 までの数字で指定してください。");

		// Every page of results was audited like the API's searches: text, filters, hits.
		List<String> audited = jdbc.sql("""
				SELECT target_id FROM audit_event WHERE id > ? AND action = 'SEARCH'
				  AND target_type = 'records-search' AND username = 'officer' ORDER BY id""")
			.params(auditedBefore)
			.query(String.class)
			.list();
		assertThat(audited).anySatisfy(t -> assertThat(t).startsWith("hits=").contains(";q=渡辺　はな"));
		assertThat(audited).anySatisfy(t -> assertThat(t).isEqualTo("hits=1;q=;facility=" + MIZUHO));
		assertThat(audited).anySatisfy(t -> assertThat(t).isEqualTo("hits=25;q=" + PAGED));
		assertThat(audited).anySatisfy(t -> assertThat(t).isEqualTo("hits=25;q=" + PAGED + ";page=1"));
		assertThat(audited).anySatisfy(t -> assertThat(t).contains(";q=斎藤律子"));
		assertThat(audited).as("a refused search found nothing to audit").noneMatch(t -> t.contains("2024-02-30"));
		// The thumbnail and the original were audited as views of the scan.
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_event WHERE id > ? AND action = 'VIEW' AND target_type = 'scan-page'
				  AND username = 'officer'""").params(auditedBefore).query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_event WHERE id > ? AND action = 'DOWNLOAD' AND target_type = 'scan'
				  AND username = 'officer'""").params(auditedBefore).query(Long.class).single()).isPositive();

		// Only a records officer has the page.
		PageSession clerkPages = new PageSession(port);
		clerkPages.signIn("clerk", "demo");
		assertThat(clerkPages.get("/search").statusCode()).isEqualTo(403);

		// Another municipality's officer finds none of this one's people, and its
		// thumbnail route does not show this one's pages.
		TestMunicipalities.ensureOther(tenants);
		PageSession stranger = new PageSession(port);
		stranger.signIn(TestMunicipalities.OTHER_OFFICER, TestMunicipalities.PASSWORD);
		if (stranger.get("/search").statusCode() == 302) {
			// A user created with a password changes it first.
			stranger.get("/password");
			stranger.post("/password", Map.of("currentPassword", TestMunicipalities.PASSWORD, "newPassword",
					"Sora-Umi-Yama-Kawa-2026", "confirmPassword", "Sora-Umi-Yama-Kawa-2026"));
		}
		HttpResponse<String> theirs = stranger.get("/search?q=" + enc(HANA));
		assertThat(theirs.statusCode()).isEqualTo(200);
		// (the name is only in the search box, typed back)
		assertThat(theirs.body()).contains("当てはまる記録はありません。")
			.doesNotContain("ワタナベ")
			.doesNotContain("data-case=")
			.doesNotContain(documentId);
		assertThat(stranger.get(thumbnail.substring(thumbnail.indexOf("/scans/"))).statusCode()).isEqualTo(404);
		assertThat(session.get(thumbnail.substring(thumbnail.indexOf("/scans/"))).statusCode()).isEqualTo(200);
	}

	/** The roster row with another facility. */
	private static List<String> at(String facility, List<String> row) {
		List<String> copy = new ArrayList<>(row);
		copy.set(Rosters.HEADER.indexOf("施設名"), facility);
		return copy;
	}

	private static String kanjiNumber(int n) {
		String digits = "〇一二三四五六七八九";
		StringBuilder s = new StringBuilder();
		for (char c : Integer.toString(n).toCharArray()) {
			s.append(digits.charAt(c - '0'));
		}
		return s.toString();
	}

	private static String kanaNumber(int n) {
		String[] digits = { "ゼロ", "イチ", "ニ", "サン", "ヨン", "ゴ", "ロク", "ナナ", "ハチ", "キュウ" };
		StringBuilder s = new StringBuilder();
		for (char c : Integer.toString(n).toCharArray()) {
			s.append(digits[c - '0']);
		}
		return s.append("ロウ").toString();
	}

	/**
	 * Polls the API (the index is fed asynchronously) until its answer satisfies the
	 * test.
	 */
	private static void awaitApi(ApiClient client, String query, Predicate<JsonNode> wanted) {
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
			ApiClient.Response response = client.get("/api/search?" + query);
			assertThat(response.status()).as(response.text()).isEqualTo(200);
			return wanted.test(response.json());
		});
	}

	private static List<JsonNode> hits(JsonNode page) {
		List<JsonNode> hits = new ArrayList<>();
		page.get("hits").forEach(hits::add);
		return hits;
	}

	private static String text(JsonNode node, String field) {
		return node.has(field) && !node.get(field).isNull() ? node.get(field).asString() : null;
	}

	/** The image was fetched and decoded (a broken image has no natural width). */
	private void assertLoaded(WebElement img) {
		browser.script("arguments[0].scrollIntoView(); arguments[0].loading = 'eager';", img);
		new WebDriverWait(browser.driver(), Browser.TIMEOUT)
			.until(d -> Boolean.TRUE.equals(browser.script("return arguments[0].complete;", img)));
		Object width = browser.script("return arguments[0].naturalWidth;", img);
		assertThat(((Number) width).longValue()).as("natural width of the thumbnail").isPositive();
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
