package jp.madoguchi.scans;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Browser;
import jp.madoguchi.support.HeadlessChromium;
import jp.madoguchi.support.PageSession;
import jp.madoguchi.support.Rosters;
import jp.madoguchi.support.ScanImages;
import jp.madoguchi.support.TestMunicipalities;
import jp.madoguchi.tenant.LocalGovernmentCode;
import jp.madoguchi.tenant.Role;
import jp.madoguchi.tenant.Tenants;
import tools.jackson.databind.JsonNode;

/**
 * A records officer in headless Chromium: uploads two scans and a text file at once,
 * reads what became of each (the text file refused by name, the pages that match nothing
 * queued), opens a scan, its page viewer and the original, assigns a queued page to a
 * real document (after a mistyped id that loses nothing), sets another aside as not a
 * form, and finds the signed document on its case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ExtendWith(HeadlessChromium.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScanOfficerJourneyTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
	}

	@LocalServerPort
	int port;

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
	@Order(1) // it counts the municipality's scans from none
	void uploadReadTheResultAssignASetAsideAndFindTheSignedDocumentOnItsCase() throws Exception {
		// A case with a consent form printed for it, as the clerk does it.
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		ApiClient.Response roster = clerk.upload("scan-journey.csv",
				Rosters.csv(List.of(Rosters.row("署名　花子", "ショメイ　ハナコ", "昭和20年1月1日", "新規交付（交付時来庁）", "本人"))), false);
		assertThat(roster.status()).as(roster.text()).isEqualTo(201);
		long caseId = clerk.get("/api/rosters/" + roster.json().get("id").asLong() + "/cases")
			.json()
			.get(0)
			.get("id")
			.asLong();
		assertThat(clerk.post("/api/cases/" + caseId + "/documents?form=consent").status()).isEqualTo(200);
		JsonNode consent = null;
		for (JsonNode d : clerk.get("/api/cases/" + caseId + "/documents").json()) {
			if (d.get("form").asString().equals("consent")) {
				consent = d;
			}
		}
		assertThat(consent).isNotNull();
		String documentId = consent.get("id").asString();

		byte[] signed = ScanImages.pageWithoutCode("signed consent " + UUID.randomUUID());
		Path signedScan = Files.write(work.resolve("同意書_スキャン.png"), signed);
		Path memo = Files.write(work.resolve("memo.png"), ScanImages.pageWithoutCode("memo " + UUID.randomUUID()));
		Path text = Files.writeString(work.resolve("readme.txt"), "これはスキャンではありません。\n");

		browser = Browser.start(port, work);
		browser.signIn("officer", "demo");
		browser.open("/");
		browser.clickAndWaitForUrl(By.id("link-scans"), url -> url.endsWith("/scans"));
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("スキャンの取り込み");
		assertThat(browser.text(By.id("no-scans"))).contains("まだスキャンはありません");

		// Three files at once: the page waits for the upload and opens the result.
		browser.type(By.id("files"), signedScan + "\n" + memo + "\n" + text);
		assertThat(browser.text(By.id("chosen-files"))).contains("同意書_スキャン.png", "memo.png", "readme.txt");
		browser.clickAndWaitForUrl(By.id("upload"), url -> url.contains("/scans?") && url.contains("batch="));
		assertThat(browser.all(By.cssSelector("#outcomes tbody tr"))).hasSize(3);
		List<WebElement> refused = browser.all(By.cssSelector("#outcomes tbody tr.refused"));
		assertThat(refused).hasSize(1);
		assertThat(refused.get(0).getText()).contains("readme.txt")
			.contains("ファイル「readme.txt」はスキャンの形式（PDF・TIFF・JPEG・PNG）ではありません。");
		List<WebElement> taken = browser.all(By.cssSelector("#outcomes tbody tr:not(.refused)"));
		assertThat(taken).hasSize(2);
		for (WebElement row : taken) {
			assertThat(row.findElement(By.cssSelector("td.status")).getText()).isEqualTo("取り込みました");
			assertThat(row.findElement(By.cssSelector("td.documents")).getText()).isEqualTo("0");
			assertThat(row.findElement(By.cssSelector("td.unmatched")).getText()).isEqualTo("1");
			assertThat(row.findElement(By.cssSelector("td.failed")).getText()).isEqualTo("0");
		}
		assertThat(browser.all(By.cssSelector("#recent-scans tbody tr"))).hasSize(2);
		assertThat(browser.text(By.id("unmatched-count"))).isEqualTo("2");
		browser.screenshot("scans-upload-result");

		// The scan's result page: its page waits in the queue, with a thumbnail.
		browser.clickAndWaitForNewPage(By.linkText("同意書_スキャン.png"));
		long signedScanId = Long.parseLong(browser.url().replaceAll(".*/scans/(\\d+)$", "$1"));
		assertThat(browser.text(By.id("count-pages"))).isEqualTo("1");
		assertThat(browser.text(By.id("count-unmatched"))).isEqualTo("1");
		assertThat(browser.text(By.id("no-documents"))).contains("照合できた書類はありません");
		assertThat(browser.text(By.id("unmatched-pages"))).contains("QRコードが読み取れません");
		assertLoaded(By.cssSelector("#unmatched-pages ul.thumbs img"));
		browser.screenshot("scans-scan");

		// The original, byte for byte, with the browser's sign-in.
		String original = browser.visible(By.id("download-original")).getAttribute("href");
		HttpResponse<byte[]> download = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(original))
				.header("Cookie", "JSESSIONID=" + browser.sessionCookie())
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(signed);

		// The page viewer: the full page and the strip of thumbnails.
		browser.clickAndWaitForNewPage(By.cssSelector("#unmatched-pages ul.thumbs a"));
		assertThat(browser.url()).endsWith("/scans/" + signedScanId + "/pages/1");
		assertThat(browser.text(By.id("page-number"))).isEqualTo("1 / 1 ページ");
		assertThat(browser.text(By.id("page-label"))).isEqualTo("未照合");
		assertLoaded(By.id("page-image"));
		assertThat(browser.all(By.cssSelector("#page-strip li"))).hasSize(1);
		browser.script("window.scrollTo(0, 0);");
		browser.screenshot("scans-page-viewer");

		// The queue: two pages. A mistyped document id is said in Japanese, on the page,
		// and what was typed is still there.
		browser.clickAndWaitForUrl(By.id("nav-unmatched"), url -> url.endsWith("/scans/unmatched"));
		assertThat(browser.all(By.cssSelector("#queue li.queued"))).hasSize(2);
		WebElement queued = queuedPageOf(signedScanId);
		String pageId = queued.getAttribute("id").substring("queued-".length());
		assertLoaded(By.cssSelector("#queued-" + pageId + " img"));
		browser.screenshot("scans-unmatched-queue");
		browser.type(By.id("documentId-" + pageId), "ZZZZ999999");
		browser.type(By.id("documentPage-" + pageId), "1");
		browser.clickAndWaitForNewPage(By.id("assign-" + pageId));
		assertThat(browser.text(By.cssSelector("#queued-" + pageId + " .page-failure")))
			.isEqualTo("文書ID「ZZZZ999999」の書類はありません。");
		assertThat(browser.visible(By.id("documentId-" + pageId)).getAttribute("value")).isEqualTo("ZZZZ999999");
		assertThat(browser.visible(By.id("documentPage-" + pageId)).getAttribute("value")).isEqualTo("1");
		assertThat(browser.all(By.cssSelector("#queue li.queued"))).hasSize(2);
		browser.screenshot("scans-unmatched-error");

		// The search by document id finds the consent form and fills it in.
		browser.type(By.id("document"), documentId.toLowerCase());
		browser.clickAndWaitForNewPage(By.id("search"));
		assertThat(browser.text(By.id("lookup-id"))).isEqualTo(documentId);
		assertThat(browser.text(By.id("lookup"))).contains("同意書").contains("案件 " + caseId);
		assertThat(browser.visible(By.id("documentId-" + pageId)).getAttribute("value")).isEqualTo(documentId);

		// The same by the applicant's name (spaces ignored): the case and its documents;
		// choosing the consent's number fills it in.
		browser.type(By.id("name"), "署名花子");
		browser.clickAndWaitForNewPage(By.id("search-name"));
		WebElement hit = browser.visible(By.cssSelector("#name-hits tr[data-case='" + caseId + "']"));
		assertThat(hit.getText()).contains("署名　花子").contains("ショメイ　ハナコ").contains(documentId);
		browser.screenshot("scans-unmatched-name-search");
		browser.clickAndWaitForNewPage(By.linkText(documentId));
		assertThat(browser.text(By.id("lookup-id"))).isEqualTo(documentId);
		assertThat(browser.visible(By.id("documentId-" + pageId)).getAttribute("value")).isEqualTo(documentId);
		browser.type(By.id("name"), "いない人");
		browser.clickAndWaitForNewPage(By.id("search-name"));
		assertThat(browser.text(By.id("no-name-hits"))).isEqualTo("「いない人」に当たる申請者はいません。");
		browser.type(By.id("document"), documentId);
		browser.clickAndWaitForNewPage(By.id("search"));

		// Assigned as signed: it leaves the queue.
		browser.type(By.id("documentPage-" + pageId), "1");
		browser.driver().findElement(By.cssSelector("#signature-" + pageId + " option[value='SIGNED']")).click();
		browser.clickAndWaitForNewPage(By.id("assign-" + pageId));
		assertThat(browser.url()).endsWith("/scans/unmatched");
		assertThat(browser.text(By.id("message")))
			.isEqualTo("「同意書_スキャン.png」の 1 ページ目を、書類 " + documentId + " の 1 ページ目に振り分けました。");
		assertThat(browser.all(By.id("queued-" + pageId))).isEmpty();
		assertThat(browser.all(By.cssSelector("#queue li.queued"))).hasSize(1);
		browser.screenshot("scans-assigned");

		// The memo is not a form: the queue is empty.
		String memoPageId = browser.all(By.cssSelector("#queue li.queued"))
			.get(0)
			.getAttribute("id")
			.substring("queued-".length());
		browser.clickAndWaitForNewPage(By.id("not-a-form-" + memoPageId));
		assertThat(browser.text(By.id("message"))).isEqualTo("「memo.png」の 1 ページ目を「書類ではない」としました。");
		assertThat(browser.text(By.id("queue-empty"))).contains("未照合のページはありません");

		// The scan now shows the document it completed.
		browser.open("/scans/" + signedScanId);
		assertThat(browser.text(By.id("count-documents"))).isEqualTo("1");
		assertThat(browser.text(By.id("count-unmatched"))).isEqualTo("0");
		assertThat(browser.text(By.id("documents"))).contains(documentId).contains("署名あり");
		browser.screenshot("scans-scan-with-document");

		// The case's signed documents, with the page in document order, to the viewer.
		browser.open("/scans/cases/" + caseId);
		WebElement document = browser.visible(By.cssSelector(".signed-document[data-document='" + documentId + "']"));
		assertThat(document.getText()).contains("同意書").contains("署名あり").contains("1 ページ目");
		assertLoaded(By.cssSelector(".signed-document img"));
		browser.screenshot("scans-case-signed-documents");
		browser.clickAndWaitForNewPage(By.cssSelector(".signed-document a.found-page"));
		assertThat(browser.url()).endsWith("/scans/" + signedScanId + "/pages/1");
		assertThat(browser.text(By.id("page-label"))).contains(documentId);

		// The case's page hears of it (an event, after the decision's commit).
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		List<WebElement> rows;
		do {
			browser.open("/cases/" + caseId);
			rows = browser.all(By.cssSelector("#signed-documents tr[data-document='" + documentId + "']"));
			if (rows.isEmpty()) {
				Thread.sleep(250);
			}
		}
		while (rows.isEmpty() && Instant.now().isBefore(deadline));
		assertThat(rows).as("the case page lists the signed document").hasSize(1);
		assertThat(rows.get(0).getText()).contains("同意書").contains("署名あり").contains("そろっています");
		assertThat(browser.visible(By.id("signed-documents-link")).getAttribute("href"))
			.endsWith("/scans/cases/" + caseId);
		browser.script("arguments[0].scrollIntoView();", browser.visible(By.id("signed-documents")));
		browser.screenshot("scans-case-page");

		// Nothing flagged: the consent is signed and whole.
		browser.open("/scans/flagged");
		assertThat(browser.text(By.id("none-flagged"))).contains("要確認の書類はありません");

		// A file dropped on the drop zone joins the form; one file opens its scan's page.
		browser.open("/scans");
		browser.script("""
				var dt = new DataTransfer();
				dt.items.add(new File([Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0))], 'dropped.png',
				    { type: 'image/png' }));
				var zone = document.getElementById('drop-zone');
				zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
				zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
				""", Base64.getEncoder().encodeToString(ScanImages.pageWithoutCode("dropped " + UUID.randomUUID())));
		assertThat(browser.text(By.id("chosen-files"))).isEqualTo("dropped.png");
		browser.clickAndWaitForUrl(By.id("upload"), url -> url.matches(".*/scans/\\d+$"));
		assertThat(browser.text(By.id("scan-file"))).isEqualTo("dropped.png");
		assertThat(browser.text(By.id("count-unmatched"))).isEqualTo("1");
	}

	/**
	 * Without the page's script the form posts as it is: one file answers 303 to its
	 * scan, the same file again 303 to the list saying it was taken before, no file a 400
	 * page in Japanese.
	 */
	@Test
	@Order(2)
	void theFormWorksWithoutScript() {
		PageSession officer = new PageSession(port);
		officer.signIn("officer", "demo");
		officer.get("/scans");
		byte[] page = ScanImages.pageWithoutCode("no script " + UUID.randomUUID());
		HttpResponse<String> first = officer.upload("/scans", Map.of(), "files", "no-script.png", page);
		assertThat(first.statusCode()).isEqualTo(303);
		String location = first.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/scans/\\d+$");
		String scanId = location.replaceAll(".*/scans/", "");
		assertThat(officer.follow(first).body()).contains("no-script.png").contains("QRコードが読み取れません");

		officer.get("/scans");
		HttpResponse<String> again = officer.upload("/scans", Map.of(), "files", "no-script-again.png", page);
		assertThat(again.statusCode()).isEqualTo(303);
		assertThat(again.headers().firstValue("Location").orElseThrow()).contains("/scans?done=" + scanId + "&batch=");
		HttpResponse<String> list = officer
			.get(URI.create(again.headers().firstValue("Location").orElseThrow()).getRawPath() + "?"
					+ URI.create(again.headers().firstValue("Location").orElseThrow()).getRawQuery());
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("no-script-again.png").contains("取り込み済み（前回の結果）");

		officer.get("/scans");
		HttpResponse<String> none = officer.upload("/scans", Map.of(), "files", "", new byte[0]);
		assertThat(none.statusCode()).isEqualTo(400);
		assertThat(none.body()).contains("ファイルが選ばれていないか、空のファイルです。");
	}

	/**
	 * A page assigned as unsigned: the document is flagged for the officer, and the
	 * case's page says so to the clerk, never to an operator.
	 */
	@Test
	@Order(3)
	void anUnsignedDocumentIsFlaggedAndShownOnItsCase() throws Exception {
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		ApiClient.Response roster = clerk.upload("scan-unsigned.csv",
				Rosters.csv(List.of(Rosters.row("未署　次郎", "ミショ　ジロウ", "昭和21年2月2日", "新規交付（交付時来庁）", "本人"))), false);
		assertThat(roster.status()).as(roster.text()).isEqualTo(201);
		long caseId = clerk.get("/api/rosters/" + roster.json().get("id").asLong() + "/cases")
			.json()
			.get(0)
			.get("id")
			.asLong();
		assertThat(clerk.post("/api/cases/" + caseId + "/documents?form=consent").status()).isEqualTo(200);
		String documentId = clerk.get("/api/cases/" + caseId + "/documents").json().get(0).get("id").asString();

		ApiClient officerApi = new ApiClient(port, "officer", "demo");
		PageSession officer = new PageSession(port);
		officer.signIn("officer", "demo");
		officer.get("/scans");
		HttpResponse<String> uploaded = officer.upload("/scans", Map.of(), "files", "unsigned.png",
				ScanImages.pageWithoutCode("unsigned " + UUID.randomUUID()));
		long scanId = Long.parseLong(uploaded.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
		long pageId = -1;
		for (JsonNode p : officerApi.get("/api/unmatched-pages").json()) {
			if (p.get("scanId").asLong() == scanId) {
				pageId = p.get("id").asLong();
			}
		}
		assertThat(pageId).isPositive();
		officer.get("/scans/unmatched");
		HttpResponse<String> assigned = officer.post("/scans/unmatched/" + pageId + "/assign",
				Map.of("documentId", documentId, "documentPage", "1", "signature", "UNSIGNED"));
		assertThat(assigned.statusCode()).isEqualTo(303);
		// Decided once: the same again is a conflict said on the page.
		officer.get("/scans/unmatched");
		HttpResponse<String> twice = officer.post("/scans/unmatched/" + pageId + "/not-a-form", Map.of());
		assertThat(twice.statusCode()).isEqualTo(409);
		assertThat(twice.body()).contains("1 ページ目はすでに振り分け済みです。");

		HttpResponse<String> flagged = officer.get("/scans/flagged");
		assertThat(flagged.body()).contains(documentId).contains("署名なし").contains("/scans/cases/" + caseId);
		assertThat(officer.get("/scans/cases/" + caseId).body()).contains(documentId).contains("署名なし");

		PageSession clerkPages = new PageSession(port);
		clerkPages.signIn("clerk", "demo");
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		String casePage;
		do {
			casePage = clerkPages.get("/cases/" + caseId).body();
			if (!casePage.contains(documentId)) {
				Thread.sleep(250);
			}
		}
		while (!casePage.contains(documentId) && Instant.now().isBefore(deadline));
		assertThat(casePage).contains(documentId).contains("署名なし").contains("要確認");
		assertThat(casePage).as("the link to the officer's page is the officer's").doesNotContain("/scans/cases/");

		PageSession operator = new PageSession(port);
		operator.signIn("operator", "demo");
		HttpResponse<String> operatorCase = operator.get("/cases/" + caseId);
		assertThat(operatorCase.statusCode()).isEqualTo(200);
		assertThat(operatorCase.body()).doesNotContain("signed-documents").doesNotContain(documentId);
		assertThat(operator.get("/scans/flagged").statusCode()).isEqualTo(403);
	}

	/**
	 * An officer of another municipality sees none of this one's scans, pages or
	 * applicants, and cannot decide its queued pages.
	 */
	@Test
	@Order(4)
	void anotherMunicipalitysOfficerSeesNothingOfThisOne() throws Exception {
		TestMunicipalities.ensureOther(tenants);
		long other = tenants.findMunicipality(new LocalGovernmentCode("131016")).orElseThrow().id();
		if (!tenants.userExists("chiyoda-officer")) {
			tenants.createUser(other, "chiyoda-officer", TestMunicipalities.PASSWORD, "千代田 記録",
					EnumSet.of(Role.RECORDS_OFFICER));
		}
		ApiClient officerApi = new ApiClient(port, "officer", "demo");
		PageSession officer = new PageSession(port);
		officer.signIn("officer", "demo");
		officer.get("/scans");
		HttpResponse<String> uploaded = officer.upload("/scans", Map.of(), "files", "ours.png",
				ScanImages.pageWithoutCode("ours " + UUID.randomUUID()));
		long scanId = Long.parseLong(uploaded.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
		long pageId = -1;
		for (JsonNode p : officerApi.get("/api/unmatched-pages").json()) {
			if (p.get("scanId").asLong() == scanId) {
				pageId = p.get("id").asLong();
			}
		}
		assertThat(pageId).isPositive();
		assertThat(officer.get("/scans/unmatched?name=" + URLEncoder.encode("署名", StandardCharsets.UTF_8)).body())
			.contains("署名　花子");

		PageSession stranger = new PageSession(port);
		stranger.signIn("chiyoda-officer", TestMunicipalities.PASSWORD);
		HttpResponse<String> forced = stranger.get("/scans");
		if (forced.statusCode() == 302) {
			// A user created with a password changes it first.
			stranger.get("/password");
			stranger.post("/password", Map.of("currentPassword", TestMunicipalities.PASSWORD, "newPassword",
					"Sora-Umi-Yama-Kawa-2026", "confirmPassword", "Sora-Umi-Yama-Kawa-2026"));
		}
		HttpResponse<String> list = stranger.get("/scans");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).doesNotContain("ours.png").contains("まだスキャンはありません");
		assertThat(stranger.get("/scans/" + scanId).statusCode()).isEqualTo(404);
		assertThat(stranger.get("/scans/" + scanId + "/pages/1.png?width=200").statusCode()).isEqualTo(404);
		assertThat(stranger.get("/scans/" + scanId + "/file").statusCode()).isEqualTo(404);
		HttpResponse<String> queue = stranger
			.get("/scans/unmatched?name=" + URLEncoder.encode("署名", StandardCharsets.UTF_8));
		assertThat(queue.body()).doesNotContain("ours.png").doesNotContain("署名　花子").contains("未照合のページはありません");
		assertThat(stranger.post("/scans/unmatched/" + pageId + "/not-a-form", Map.of()).statusCode()).isEqualTo(404);
		assertThat(officer.get("/scans/unmatched").body()).contains("ours.png");
	}

	private WebElement queuedPageOf(long scanId) {
		return browser.all(By.cssSelector("#queue li.queued"))
			.stream()
			.filter(li -> li.getAttribute("data-scan").equals(Long.toString(scanId)))
			.findFirst()
			.orElseThrow();
	}

	/** The image was fetched and decoded (a broken image has no natural width). */
	private void assertLoaded(By image) throws InterruptedException {
		WebElement img = browser.visible(image);
		browser.script("arguments[0].scrollIntoView(); arguments[0].loading = 'eager';", img);
		Instant deadline = Instant.now().plus(Browser.TIMEOUT);
		Object width;
		do {
			width = browser.script("return arguments[0].complete ? arguments[0].naturalWidth : -1;", img);
			if (((Number) width).longValue() < 0) {
				Thread.sleep(50);
			}
		}
		while (((Number) width).longValue() < 0 && Instant.now().isBefore(deadline));
		assertThat(((Number) width).longValue()).as("natural width of %s", image).isPositive();
	}

}
