package jp.madoguchi.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import jp.madoguchi.cases.CaseRegistry;
import jp.madoguchi.scans.PaperScans;
import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Rosters;
import jp.madoguchi.support.TestMunicipalities;
import jp.madoguchi.tenant.Tenants;
import tools.jackson.databind.JsonNode;

/**
 * The records search on the running service, fed by the change log: a roster's people are
 * searchable within a second of the import, generated documents and signed scans show in
 * their entries, another municipality sees nothing, a discarded roster leaves, a change
 * whose transaction commits after a later one is not lost, an ADMIN rebuilds, every
 * search is audited and bad parameters are 400s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
abstract class SearchIndexContract {

	static final float DPI = 200;

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseRegistry cases;

	@Autowired
	PlatformTransactionManager transactions;

	ApiClient clerk;

	ApiClient officer;

	ApiClient admin;

	ApiClient otherOfficer;

	@BeforeEach
	void users() {
		TestMunicipalities.ensureOther(tenants);
		clerk = new ApiClient(port, "clerk", "demo");
		officer = new ApiClient(port, "officer", "demo");
		admin = new ApiClient(port, "admin", "demo");
		otherOfficer = new ApiClient(port, TestMunicipalities.OTHER_OFFICER, TestMunicipalities.PASSWORD);
	}

	@Test
	void aRostersPeopleAreSearchableWithinASecondByTheirOfficerOnly() {
		String name = "索引　𠮷子";
		long started = System.nanoTime();
		long rosterId = importRoster(name, "サクイン　ヨシコ", "昭和23年4月5日");
		List<Long> caseIds = caseIds(rosterId);
		JsonNode hit = awaitHit(officer, "q=" + enc(name), h -> h.get("caseId").asLong() == caseIds.get(0), 1000);
		assertThat((System.nanoTime() - started) / 1_000_000).as("import and search, ms").isLessThan(15_000);
		assertThat(hit.has("documentId")).as("a case without documents: " + hit).isFalse();
		assertThat(hit.get("name").asString()).isEqualTo(name);
		assertThat(hit.get("reading").asString()).isEqualTo("サクイン　ヨシコ");
		assertThat(hit.get("birthDate").asString()).isEqualTo("1948-04-05");
		assertThat(hit.get("birthDateEra").asString()).isEqualTo("昭和23年4月5日");
		assertThat(hit.get("facility").asString()).isEqualTo("あおぞらホーム");
		assertThat(hit.get("status").asString()).isEqualTo("NOT_GENERATED");
		assertThat(hit.get("tier").asString()).isEqualTo("EXACT");

		JsonNode page = search(officer, "q=" + enc(name)).json();
		assertThat(page.get("pageSize").asInt()).isEqualTo(20);
		assertThat(page.get("page").asInt()).isZero();
		assertThat(page.get("total").asLong()).isPositive();
		assertThat(values(page.get("facets").get("facility"))).contains("あおぞらホーム");
		assertThat(values(page.get("facets").get("status"))).contains("NOT_GENERATED");

		// Another municipality's officer finds nothing of ours, by name or by listing
		// all.
		JsonNode other = search(otherOfficer, "q=" + enc(name)).json();
		assertThat(caseIdsOf(other)).doesNotContainAnyElementsOf(caseIds);
		assertThat(caseIdsOf(search(otherOfficer, "").json())).doesNotContainAnyElementsOf(caseIds);
		// Only a records officer searches.
		assertThat(search(clerk, "q=" + enc(name)).status()).isEqualTo(403);
		assertThat(search(admin, "q=" + enc(name)).status()).isEqualTo(403);

		// Every search is audited: the text, the filters, the number of hits.
		search(officer, "q=" + enc(name) + "&facility=" + enc("あおぞらホーム"));
		List<String> audited = jdbc.sql("""
				SELECT target_id FROM audit_event WHERE action = 'SEARCH' AND target_type = 'records-search'
				  AND username = 'officer' ORDER BY id DESC""").query(String.class).list();
		assertThat(audited).anySatisfy(
				t -> assertThat(t).contains("q=" + name).contains("facility=あおぞらホーム").containsPattern("hits=[1-9]"));
	}

	@Test
	void generatedDocumentsAndASignedScanShowInTheEntries() throws Exception {
		String name = "文書　署名子";
		long rosterId = importRoster(name, "ブンショ　ショメイコ", "S20.1.1");
		long caseId = caseIds(rosterId).get(0);
		var pdf = clerk.post("/api/cases/" + caseId + "/documents?form=consent");
		assertThat(pdf.status()).isEqualTo(200);
		JsonNode document = clerk.get("/api/cases/" + caseId + "/documents").json().get(0);
		String documentId = document.get("id").asString();

		JsonNode generated = awaitHit(officer, "q=" + enc(name), h -> documentId.equals(text(h, "documentId")), 5000);
		assertThat(generated.get("caseId").asLong()).isEqualTo(caseId);
		assertThat(generated.get("form").asString()).isEqualTo("consent");
		assertThat(generated.get("status").asString()).isEqualTo("GENERATED");
		assertThat(generated.get("generatedAt").asString()).isNotBlank();
		// The case's own entry went with its first document.
		awaitAbsent(officer, "q=" + enc(name), h -> h.get("caseId").asLong() == caseId && !h.has("documentId"));

		List<BufferedImage> pages = PaperScans.render(pdf.body(), DPI);
		PaperScans.sign(pages.get(0), DPI, document.get("regions"), 1, "signature");
		var scanned = officer.uploadFile("/api/scans", "索引テスト.pdf", PaperScans.imagePdf(pages, DPI));
		assertThat(scanned.status()).as(scanned.text()).isEqualTo(201);

		JsonNode signed = awaitHit(officer, "q=" + enc(name),
				h -> documentId.equals(text(h, "documentId")) && "SIGNED".equals(text(h, "status")), 10_000);
		assertThat(signed.get("signedAt").asString()).isNotBlank();
		assertThat(signed.get("thumbnailPageId").asLong()).isPositive();

		// Filters narrow within the municipality's entries and count from the index.
		String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
		assertThat(documentIds(search(officer, "q=" + enc(name) + "&status=SIGNED&form=consent&signedFrom=" + today
				+ "&signedTo=" + today + "&generatedFrom=" + today)
			.json())).contains(documentId);
		assertThat(documentIds(search(officer, "q=" + enc(name) + "&status=GENERATED").json()))
			.doesNotContain(documentId);
		assertThat(documentIds(search(officer, "q=" + enc(name) + "&signedTo=2000-01-01").json()))
			.doesNotContain(documentId);
		JsonNode facets = search(officer, "q=" + enc(name)).json().get("facets");
		assertThat(values(facets.get("form"))).contains("consent");
		assertThat(values(facets.get("status"))).contains("SIGNED");
		// Newest first lists it too (a blank text lists everything).
		assertThat(documentIds(search(officer, "sort=newest&status=SIGNED").json())).contains(documentId);
		assertThat(documentIds(search(otherOfficer, "status=SIGNED").json())).doesNotContain(documentId);
	}

	@Test
	void aRostersPacketMakesItsDocumentsSearchable() {
		String name = "一括　印刷子";
		long rosterId = importRoster(name, "イッカツ　インサツコ", "昭和40年5月6日");
		long caseId = caseIds(rosterId).get(0);
		var packet = clerk.get("/api/rosters/" + rosterId + "/packet.pdf");
		assertThat(packet.status()).isEqualTo(200);
		List<String> generated = new ArrayList<>();
		clerk.get("/api/cases/" + caseId + "/documents").json().forEach(d -> generated.add(d.get("id").asString()));
		assertThat(generated).isNotEmpty();
		String last = generated.get(generated.size() - 1);
		awaitHit(officer, "q=" + enc(name), h -> last.equals(text(h, "documentId")), 5000);
		JsonNode page = search(officer, "q=" + enc(name)).json();
		assertThat(documentIds(page)).containsAll(generated);
		// One entry per document, and none for the case itself any more.
		List<JsonNode> ofCase = new ArrayList<>();
		page.get("hits").forEach(h -> {
			if (h.get("caseId").asLong() == caseId) {
				ofCase.add(h);
			}
		});
		assertThat(ofCase).hasSize(generated.size()).allSatisfy(h -> assertThat(h.has("documentId")).isTrue());
	}

	/**
	 * A change whose transaction took its sequence number first but commits after a later
	 * change was applied (a gap) is applied when it commits; a discarded roster's entries
	 * leave the index.
	 */
	@Test
	void aDiscardedRosterLeavesTheIndexEvenWhenItsTransactionCommitsLate() {
		String gone = "破棄　名簿子";
		long goneRoster = importRoster(gone, "ハキ　メイボコ", "昭和30年1月1日");
		long goneCase = caseIds(goneRoster).get(0);
		awaitHit(officer, "q=" + enc(gone), h -> h.get("caseId").asLong() == goneCase, 5000);
		long municipality = jdbc.sql("SELECT municipality_id FROM app_user WHERE username = 'officer'")
			.query(Long.class)
			.single();

		TransactionStatus late = transactions.getTransaction(new DefaultTransactionDefinition());
		boolean committed = false;
		try {
			cases.discardRoster(municipality, goneRoster);
			// Meanwhile another roster commits with a higher sequence number and is
			// applied.
			String later = "後続　名簿子";
			long laterRoster = importRoster(later, "コウゾク　メイボコ", "昭和31年2月2日");
			long laterCase = caseIds(laterRoster).get(0);
			awaitHit(officer, "q=" + enc(later), h -> h.get("caseId").asLong() == laterCase, 5000);
			assertThat(caseIdsOf(search(officer, "q=" + enc(gone)).json())).as("not committed yet").contains(goneCase);
			transactions.commit(late);
			committed = true;
		}
		finally {
			if (!committed) {
				transactions.rollback(late);
			}
		}
		awaitAbsent(officer, "q=" + enc(gone), h -> h.get("caseId").asLong() == goneCase);
	}

	@Test
	void anAdminRebuildsTheIndexInTheBackground() {
		String name = "再構築　花子";
		long rosterId = importRoster(name, "サイコウチク　ハナコ", "平成2年3月4日");
		long caseId = caseIds(rosterId).get(0);
		awaitHit(officer, "q=" + enc(name), h -> h.get("caseId").asLong() == caseId, 5000);

		assertThat(officer.post("/api/search/rebuild").status()).isEqualTo(403);
		var started = admin.post("/api/search/rebuild");
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		assertThat(started.json().get("state").asString()).isIn("QUEUED", "RUNNING");
		long deadline = System.nanoTime() + 30_000_000_000L;
		JsonNode progress;
		do {
			progress = admin.get("/api/search/rebuild").json();
		}
		while (!progress.get("state").asString().equals("DONE") && System.nanoTime() < deadline);
		assertThat(progress.get("state").asString()).as(progress.toString()).isEqualTo("DONE");
		assertThat(progress.get("cases").asLong()).isPositive();
		assertThat(progress.get("entries").asLong()).isGreaterThanOrEqualTo(progress.get("cases").asLong());
		assertThat(caseIdsOf(search(officer, "q=" + enc(name)).json())).contains(caseId);
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_event WHERE action = 'CHANGE' AND target_type = 'search-index'
				  AND username = 'admin'""").query(Long.class).single()).isPositive();
	}

	@Test
	void badParametersAre400sWithTheirCodes() {
		assertCode(search(officer, "page=abc"), "SEARCH_BAD_PAGE", "page");
		assertCode(search(officer, "page=500"), "SEARCH_BAD_PAGE", "page");
		assertCode(search(officer, "page=-1"), "SEARCH_BAD_PAGE", "page");
		assertCode(search(officer, "status=abc"), "SEARCH_BAD_STATUS", "status");
		assertCode(search(officer, "form=abc"), "SEARCH_BAD_FORM", "form");
		assertCode(search(officer, "sort=abc"), "SEARCH_BAD_SORT", "sort");
		assertCode(search(officer, "generatedFrom=abc"), "SEARCH_BAD_DATE", "generatedFrom");
		assertCode(search(officer, "signedFrom=2024-02-30"), "SEARCH_BAD_DATE", "signedFrom");
		assertCode(search(officer, "signedFrom=2024-05-01&signedTo=R6.4.1"), "SEARCH_DATE_RANGE_REVERSED", "signedTo");
		assertCode(search(officer, "q=" + "長".repeat(101)), "SEARCH_QUERY_TOO_LONG", "q");
		assertCode(search(officer, "facility=" + "長".repeat(201)), "SEARCH_FACILITY_TOO_LONG", "facility");
		assertThat(search(officer, "q=" + "長".repeat(100) + "&page=499&sort=NEWEST&status=signed").status())
			.isEqualTo(200);
	}

	private static void assertCode(ApiClient.Response response, String code, String field) {
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.json().get("code").asString()).isEqualTo(code);
		assertThat(response.json().get("field").asString()).isEqualTo(field);
		assertThat(response.json().get("message").asString()).isNotBlank();
	}

	@Test
	void aPersonIsFoundHoweverTheOfficerTypesTheName() {
		String name = "渡邉　ハナ" + uniqueSuffix();
		long rosterId = importRoster(name, "ワタナベ　ハナ", "昭和23年4月5日");
		long caseId = caseIds(rosterId).get(0);
		JsonNode exact = awaitHit(officer, "q=" + enc(name), h -> h.get("caseId").asLong() == caseId, 1000);
		assertThat(exact.get("tier").asString()).isEqualTo("EXACT");
		assertThat(exact.get("nameHighlights").get(0).get("start").asInt()).isZero();
		assertThat(exact.get("nameHighlights").get(0).get("end").asInt()).isEqualTo(name.length());
		String given = name.substring(name.indexOf('　') + 1);
		Map<String, String> typed = Map.of("渡辺" + given, "VARIANT", "わたなべはな", "READING", "ﾜﾀﾅﾍﾞ ﾊﾅ", "READING",
				"watanabe hana", "READING", "渡辺 S23.4.5", "PARTIAL");
		typed.forEach((q, tier) -> {
			JsonNode hit = awaitHit(officer, "q=" + enc(q), h -> h.get("caseId").asLong() == caseId, 1000);
			assertThat(hit.get("tier").asString()).as(q).isEqualTo(tier);
		});
	}

	/**
	 * Kanji digits make each run's name its own, so earlier runs' people do not crowd the
	 * page.
	 */
	private static String uniqueSuffix() {
		String digits = "〇一二三四五六七八九";
		StringBuilder s = new StringBuilder();
		for (char c : Long.toString(System.nanoTime() % 1_000_000).toCharArray()) {
			s.append(digits.charAt(c - '0'));
		}
		return s.toString();
	}

	private long importRoster(String name, String reading, String birth) {
		var created = clerk.upload("search-" + System.nanoTime() + ".csv",
				Rosters.csv(List.of(Rosters.row(name, reading, birth, "新規交付（交付時来庁）", "本人"))), false);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private List<Long> caseIds(long rosterId) {
		List<Long> ids = new ArrayList<>();
		clerk.get("/api/rosters/" + rosterId + "/cases").json().forEach(c -> ids.add(c.get("id").asLong()));
		assertThat(ids).isNotEmpty();
		return ids;
	}

	private static ApiClient.Response search(ApiClient client, String query) {
		return client.get("/api/search" + (query.isEmpty() ? "" : "?" + query));
	}

	/** Polls the search until a hit satisfies the predicate, within the deadline. */
	private static JsonNode awaitHit(ApiClient client, String query, Predicate<JsonNode> wanted, long millis) {
		long deadline = System.nanoTime() + millis * 1_000_000;
		JsonNode last;
		do {
			var response = search(client, query);
			assertThat(response.status()).as(response.text()).isEqualTo(200);
			last = response.json();
			for (JsonNode hit : last.get("hits")) {
				if (wanted.test(hit)) {
					return hit;
				}
			}
			pause();
		}
		while (System.nanoTime() < deadline);
		throw new AssertionError("no such hit within " + millis + " ms for " + query + ": " + last);
	}

	/** Polls the search until no hit satisfies the predicate, within 10 s. */
	private static void awaitAbsent(ApiClient client, String query, Predicate<JsonNode> unwanted) {
		long deadline = System.nanoTime() + 10_000_000_000L;
		JsonNode last;
		do {
			last = search(client, query).json();
			boolean found = false;
			for (JsonNode hit : last.get("hits")) {
				found |= unwanted.test(hit);
			}
			if (!found) {
				return;
			}
			pause();
		}
		while (System.nanoTime() < deadline);
		throw new AssertionError("still there after 10 s for " + query + ": " + last);
	}

	/** Between two polls of the search (each one is audited). */
	private static void pause() {
		try {
			Thread.sleep(25);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	private static String text(JsonNode hit, String field) {
		return hit.has(field) ? hit.get(field).asString() : null;
	}

	private static List<Long> caseIdsOf(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("hits").forEach(h -> ids.add(h.get("caseId").asLong()));
		return ids;
	}

	private static List<String> documentIds(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("hits").forEach(h -> {
			if (h.has("documentId")) {
				ids.add(h.get("documentId").asString());
			}
		});
		return ids;
	}

	private static List<String> values(JsonNode facet) {
		List<String> values = new ArrayList<>();
		facet.forEach(f -> {
			assertThat(f.get("count").asLong()).isPositive();
			values.add(f.get("value").asString());
		});
		return values;
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
