package jp.madoguchi.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.storage.ContentStore;
import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Browser;
import jp.madoguchi.support.HeadlessChromium;
import jp.madoguchi.support.Rosters;
import jp.madoguchi.support.TestMunicipalities;
import jp.madoguchi.tenant.Tenants;
import tools.jackson.databind.JsonNode;

/**
 * Disposal by two people on real records: what is due and not held is proposed; the
 * proposer cannot approve; another officer's approval deletes the content (the stored
 * file, the document from its case) and leaves tombstones that the content's URL answers
 * with (410); a hold placed after the proposal still wins; each step is audited; and the
 * same on the pages in headless Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ExtendWith(HeadlessChromium.class)
class DisposalTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
		// Two records a transaction: the test's few records take several chunks.
		registry.add("madoguchi.disposal.chunk-size", () -> "2");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ContentStore store;

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
	void aProposalIsApprovedByAnotherAndLeavesTombstones() {
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		ApiClient officer = new ApiClient(port, "officer", "demo");
		ApiClient admin = new ApiClient(port, "admin", "demo");
		long dueCase = Rosters.importOne(clerk, Rosters.row("廃棄　一郎", "ハイキ　イチロウ", "S10.1.1", "新規交付（交付時来庁）", "本人"));
		long heldRecordCase = Rosters.importOne(clerk, Rosters.row("廃棄　二郎", "ハイキ　ジロウ", "S10.1.2", "新規交付（交付時来庁）", "本人"));
		long heldCase = Rosters.importOne(clerk, Rosters.row("廃棄　三郎", "ハイキ　サブロウ", "S10.1.3", "新規交付（交付時来庁）", "本人"));
		long heldLaterCase = Rosters.importOne(clerk, Rosters.row("廃棄　四郎", "ハイキ　シロウ", "S10.1.4", "新規交付（交付時来庁）", "本人"));
		long recentCase = Rosters.importOne(clerk, Rosters.row("廃棄　五郎", "ハイキ　ゴロウ", "S10.1.5", "新規交付（交付時来庁）", "本人"));
		long due = rosterOf(clerk, dueCase);
		long heldRecord = rosterOf(clerk, heldRecordCase);
		long held = rosterOf(clerk, heldCase);
		long heldLater = rosterOf(clerk, heldLaterCase);
		long recent = rosterOf(clerk, recentCase);
		assertThat(clerk.post("/api/cases/" + dueCase + "/documents?form=consent").status()).isEqualTo(200);
		String document = clerk.get("/api/cases/" + dueCase + "/documents").json().get(0).get("id").asString();

		// Kept a year from when they were stored; all but the last stored three years
		// ago.
		assertThat(admin.putJson("/api/retention/classes/roster-file", "{\"years\":1,\"from\":\"CREATED\"}").status())
			.isEqualTo(200);
		assertThat(admin.putJson("/api/retention/classes/generated-document", "{\"years\":1,\"from\":\"CREATED\"}")
			.status()).isEqualTo(200);
		for (long id : List.of(due, heldRecord, held, heldLater)) {
			jdbc.sql("UPDATE roster SET uploaded_at = uploaded_at - INTERVAL '1100' DAY WHERE id = ?")
				.param(id)
				.update();
		}
		jdbc.sql("UPDATE case_document SET created_at = created_at - INTERVAL '1100' DAY WHERE document_id = ?")
			.param(document)
			.update();
		assertThat(officer
			.postJson("/api/retention/holds",
					"{\"recordType\":\"roster-file\",\"recordId\":\"" + heldRecord + "\",\"reason\":\"苦情対応\"}")
			.status()).isEqualTo(201);
		assertThat(
				officer.postJson("/api/retention/holds", "{\"caseId\":" + heldCase + ",\"reason\":\"開示請求\"}").status())
			.isEqualTo(201);

		var proposed = officer.postJson("/api/retention/disposals", "{\"asOf\":\"" + today() + "\"}");
		assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
		long disposal = proposed.json().get("id").asLong();
		assertThat(proposed.json()
			.get("records")
			.valueStream()
			.map(r -> r.get("recordType").asString() + ":" + r.get("recordId").asString()))
			.as("due, and neither held nor recent")
			.containsExactlyInAnyOrder("roster-file:" + due, "roster-file:" + heldLater,
					"generated-document:" + document);
		assertThat(officer.postJson("/api/retention/disposals", "{\"asOf\":\"" + today() + "\"}")
			.json()
			.get("code")
			.asString()).as("nothing due that is not already proposed").isEqualTo("DISPOSAL_NOTHING_DUE");
		assertThat(
				officer.postJson("/api/retention/disposals", "{\"asOf\":\"2999-01-01\"}").json().get("code").asString())
			.isEqualTo("DISPOSAL_DATE");

		var own = officer.post("/api/retention/disposals/" + disposal + "/approve");
		assertThat(own.status()).isEqualTo(403);
		assertThat(own.json().get("code").asString()).isEqualTo("DISPOSAL_SAME_PERSON");
		TestMunicipalities.ensureOther(tenants);
		assertThat(new ApiClient(port, TestMunicipalities.OTHER_OFFICER, TestMunicipalities.PASSWORD)
			.post("/api/retention/disposals/" + disposal + "/approve")
			.status()).isEqualTo(404);

		String dueSha = sha256Of(due);
		String heldLaterSha = sha256Of(heldLater);
		assertThat(officer
			.postJson("/api/retention/holds",
					"{\"recordType\":\"roster-file\",\"recordId\":\"" + heldLater + "\",\"reason\":\"承認前の保留\"}")
			.status()).isEqualTo(201);
		var approved = admin.post("/api/retention/disposals/" + disposal + "/approve");
		assertThat(approved.status()).as(approved.text()).isEqualTo(200);
		assertThat(approved.json().get("state").asString()).isEqualTo("COMPLETED");
		assertThat(approved.json().get("disposed").asInt()).isEqualTo(2);
		assertThat(approved.json().get("held").asInt()).isEqualTo(1);
		assertThat(admin.post("/api/retention/disposals/" + disposal + "/approve").json().get("code").asString())
			.isEqualTo("DISPOSAL_NOT_PROPOSED");

		var gone = clerk.get("/api/rosters/" + due + "/file");
		assertThat(gone.status()).isEqualTo(410);
		JsonNode tombstone = gone.json();
		assertThat(tombstone.get("code").asString()).isEqualTo("DISPOSED");
		assertThat(tombstone.get("sha256").asString()).isEqualTo(dueSha);
		assertThat(tombstone.get("proposedBy").asString()).isEqualTo("officer");
		assertThat(tombstone.get("approvedBy").asString()).isEqualTo("admin");
		assertThat(tombstone.get("retention").asString()).isEqualTo("1 CREATED");
		assertThat(tombstone.get("disposedAt").asString()).isNotBlank();
		assertThat(tombstone.get("message").asString()).contains("申請者名簿のファイル", "廃棄されました");
		assertThat(store.find(dueSha)).as("the stored file is deleted").isEmpty();
		assertThat(clerk.get("/api/rosters/" + due).json().get("roster").get("disposedAt").asString())
			.as("the roster says so")
			.isNotBlank();
		assertThat(clerk.get("/api/rosters/" + recent).json().get("roster").has("disposedAt")).isFalse();
		assertThat(clerk.get("/api/cases/" + dueCase + "/documents").json()).as("the document's record is gone")
			.isEmpty();
		for (long kept : List.of(heldRecord, held, heldLater, recent)) {
			assertThat(clerk.get("/api/rosters/" + kept + "/file").status()).as("roster " + kept).isEqualTo(200);
		}
		assertThat(store.find(heldLaterSha)).isPresent();

		JsonNode detail = admin.get("/api/retention/disposals/" + disposal).json();
		assertThat(detail.get("records")
			.valueStream()
			.map(r -> r.get("recordId").asString() + ":" + r.get("state").asString()))
			.containsExactlyInAnyOrder(due + ":DISPOSED", heldLater + ":HELD", document + ":DISPOSED");
		for (String action : List.of("DISPOSAL_PROPOSED", "DISPOSAL_APPROVED")) {
			assertThat(admin.get("/api/audit?action=" + action + "&record=disposal:" + disposal).json().get("entries"))
				.as(action)
				.hasSize(1);
		}
		assertThat(admin.get("/api/audit?action=DISPOSAL_COMPLETED").json().get("entries")).hasSize(1);
	}

	@Test
	void anOfficerProposesOnThePageAndTheAdminApprovesIt() throws Exception {
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		ApiClient admin = new ApiClient(port, "admin", "demo");
		long caseId = Rosters.importOne(clerk, Rosters.row("廃棄　花子", "ハイキ　ハナコ", "S11.2.2", "新規交付（交付時来庁）", "本人"));
		long roster = rosterOf(clerk, caseId);
		assertThat(admin.putJson("/api/retention/classes/roster-file", "{\"years\":1,\"from\":\"CREATED\"}").status())
			.isEqualTo(200);
		jdbc.sql("UPDATE roster SET uploaded_at = uploaded_at - INTERVAL '800' DAY WHERE id = ?")
			.param(roster)
			.update();

		browser = Browser.start(port, work);
		browser.signIn("officer", "demo");
		browser.clickAndWaitForUrl(By.id("link-disposals"), url -> url.endsWith("/records/disposals"));
		browser.clickAndWaitForUrl(By.id("propose-button"), url -> url.matches(".*/records/disposals/\\d+"));
		assertThat(browser.text(By.id("notice"))).startsWith("廃棄案（番号").contains("別の記録管理担当者または管理者の承認を待っています。");
		assertThat(browser.text(By.id("state"))).isEqualTo("承認待ち");
		assertThat(browser.text(By.id("own-proposal"))).startsWith("自分が作った廃棄案は承認できません。");
		assertThat(
				browser.visible(By.xpath("//tr[@class='record'][td[@class='record-id']='" + roster + "']")).getText())
			.contains("申請者名簿のファイル", "未処理");
		String url = browser.url();
		browser.close();

		browser = Browser.start(port, work);
		browser.signIn("admin", "demo");
		browser.clickAndWaitForUrl(By.id("link-admin-disposals"), u -> u.endsWith("/records/disposals"));
		String id = url.substring(url.lastIndexOf('/') + 1);
		browser.clickAndWaitForUrl(By.linkText(id), u -> u.endsWith("/records/disposals/" + id));
		browser.clickAndWaitForNewPage(By.id("approve-button"));
		assertThat(browser.text(By.id("notice"))).isEqualTo("1件を廃棄しました。保留のため残した記録は0件です。");
		assertThat(browser.text(By.id("state"))).isEqualTo("廃棄済み");
		assertThat(browser.text(By.id("approved-by"))).isEqualTo("admin");
		assertThat(
				browser.visible(By.xpath("//tr[@class='record'][td[@class='record-id']='" + roster + "']")).getText())
			.contains("廃棄済み");
		assertThat(clerk.get("/api/rosters/" + roster + "/file").status()).isEqualTo(410);
	}

	private static long rosterOf(ApiClient clerk, long caseId) {
		return clerk.get("/api/cases/" + caseId).json().get("rosterId").asLong();
	}

	private String sha256Of(long rosterId) {
		return jdbc.sql("SELECT file_sha256 FROM roster WHERE id = ?").param(rosterId).query(String.class).single();
	}

	private static String today() {
		return LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
	}

}
