package jp.madoguchi.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.madoguchi.csv.SpreadsheetCsv;
import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.DeviceLogs;
import jp.madoguchi.support.Rosters;
import tools.jackson.databind.JsonNode;

/**
 * The reconciliation through its API, on cases whose steps were recorded and whose device
 * events were shipped for real: it finds the unlocked temporary PIN, the registration
 * without a signed consent and the events of an unknown case; a re-run finds the same
 * findings (the same ids), and a finding's state carries over. The dashboard counts and
 * lists them, and the section head's PDF report prints them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ReconciliationTest {

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

	static final AtomicInteger ROSTERS = new AtomicInteger();

	@Test
	void aDaysRunFindsWhatWentWrongAndARerunFindsTheSame() throws Exception {
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		ApiClient operator = new ApiClient(port, "operator", "demo");
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));

		// Registered and locked, but the signed consent never came back.
		long registered = importCase(clerk);
		record(clerk, registered, "CONSENT_WITH_PORTAL_TERMS", null);
		record(clerk, registered, "TEMPORARY_PIN", null);
		record(clerk, registered, "REGISTRATION_WITH_PERSON_PRESENT", null);
		// A temporary PIN set two days ago and never locked.
		long unlocked = importCase(clerk);
		OffsetDateTime twoDaysAgo = OffsetDateTime.now().minusDays(2);
		record(clerk, unlocked, "CONSENT_WITH_PORTAL_TERMS", twoDaysAgo.minusMinutes(5));
		record(clerk, unlocked, "TEMPORARY_PIN", twoDaysAgo);
		// Events for a case nobody has.
		assertThat(
				operator
					.postNdjson("/api/device-events",
							DeviceLogs.body(DeviceLogs.chainAt("pc-unknown", "987654",
									OffsetDateTime.now().minusMinutes(1), "NOT_LOCKED")))
					.status())
			.isEqualTo(200);

		var first = operator.postJson("/api/reconciliations", "{\"date\":\"" + today + "\"}");
		assertThat(first.status()).as(first.text()).isEqualTo(200);
		JsonNode run = first.json();
		assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(run.get("attempt").asInt()).isZero();
		assertThat(run.get("casesChecked").asLong()).isGreaterThanOrEqualTo(2);
		List<String> found = summary(run);
		assertThat(found).contains("TEMP_PIN_NOT_LOCKED:" + unlocked, "REGISTRATION_WITHOUT_CONSENT:" + registered,
				"UNKNOWN_CARD_EVENT:null");
		assertThat(found).doesNotContain("TEMP_PIN_NOT_LOCKED:" + registered);
		JsonNode unlockedFinding = finding(run, "TEMP_PIN_NOT_LOCKED", unlocked);
		assertThat(unlockedFinding.get("severity").asString()).isEqualTo("CRITICAL");
		assertThat(unlockedFinding.get("message").asString()).contains("案件" + unlocked, "24時間以内");
		assertThat(unlockedFinding.get("evidence").get("stepIds")).hasSize(1);

		var ack = operator.postJson("/api/reconciliations/findings/" + unlockedFinding.get("id").asLong(),
				"{\"state\":\"ACKNOWLEDGED\",\"comment\":\"本人に連絡済み\"}");
		assertThat(ack.status()).isEqualTo(204);
		var noComment = operator.postJson("/api/reconciliations/findings/" + unlockedFinding.get("id").asLong(),
				"{\"state\":\"RESOLVED\"}");
		assertThat(noComment.json().get("code").asString()).isEqualTo("RECONCILE_COMMENT_REQUIRED");

		JsonNode again = operator.postJson("/api/reconciliations", "{\"date\":\"" + today + "\"}").json();
		assertThat(again.get("attempt").asInt()).isEqualTo(1);
		assertThat(summary(again)).isEqualTo(found);
		assertThat(ids(again)).isEqualTo(ids(run));
		JsonNode carried = finding(again, "TEMP_PIN_NOT_LOCKED", unlocked);
		assertThat(carried.get("state").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(carried.get("comment").asString()).isEqualTo("本人に連絡済み");
		assertThat(operator.get("/api/reconciliations?date=" + today).json().get("runId").asLong())
			.isEqualTo(again.get("runId").asLong());

		var csv = operator.get("/api/reconciliations.csv?date=" + today);
		assertThat(csv.status()).isEqualTo(200);
		String text = csv.text();
		assertThat(text).startsWith("\uFEFF日付,回,指摘ID,重要度,種類,案件,内容");
		assertThat(text.lines().filter(l -> l.contains("TEMP_PIN_NOT_LOCKED"))).singleElement()
			.asString()
			.contains(today + ",2," + carried.get("id").asLong() + ",CRITICAL,TEMP_PIN_NOT_LOCKED," + unlocked,
					"ACKNOWLEDGED,本人に連絡済み");
		assertThat(text.lines().count()).isEqualTo(1 + again.get("findings").size());
		assertThat(SpreadsheetCsv.neutralised("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(SpreadsheetCsv.neutralised("-1")).isEqualTo("'-1");
		assertThat(SpreadsheetCsv.neutralised("案件1")).isEqualTo("案件1");

		assertThat(operator.get("/api/reconciliations?date=2001-01-02").status()).isEqualTo(404);
		assertThat(operator.postJson("/api/reconciliations", "{\"date\":\"2026/11/21\"}").json().get("code").asString())
			.isEqualTo("RECONCILE_BAD_DATE");
		assertThat(clerk.get("/api/reconciliations?date=" + today).status()).isEqualTo(403);

		dashboard(operator, today, again);
		report(operator, today, again, carried, unlocked);
	}

	@Autowired
	NightlyReconciliation nightly;

	@Autowired
	ScheduledTaskHolder scheduler;

	/**
	 * The service's own nightly run: scheduled at 02:30 in Japan unless turned off (the
	 * tests turn it off, "-"); it reconciles the day before for every municipality, and a
	 * day already reconciled is not run again.
	 */
	@Test
	void theServiceRunsTheNightItselfOnce() {
		assertThat(scheduler.getScheduledTasks()).as("turned off for the tests")
			.noneMatch(t -> t.toString().contains("NightlyReconciliation"));
		LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(1);
		ApiClient operator = new ApiClient(port, "operator", "demo");
		nightly.runNightly();
		JsonNode first = operator.get("/api/reconciliations?date=" + yesterday).json();
		assertThat(first.get("status").asString()).isEqualTo("COMPLETED");
		nightly.runNightly();
		JsonNode second = operator.get("/api/reconciliations?date=" + yesterday).json();
		assertThat(second.get("runId").asLong()).as("not run again").isEqualTo(first.get("runId").asLong());
		assertThat(second.get("attempt").asInt()).isEqualTo(first.get("attempt").asInt());
	}

	/**
	 * The summary counts the day's latest run by severity, lists exactly the findings
	 * nobody acknowledged (the acknowledged one is gone from it), and keeps to its
	 * window.
	 */
	private void dashboard(ApiClient operator, LocalDate today, JsonNode again) {
		var response = operator.get("/api/reconciliations/summary?days=14");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		JsonNode summary = response.json();
		assertThat(summary.get("to").asString()).isEqualTo(today.toString());
		assertThat(summary.get("from").asString()).isEqualTo(today.minusDays(13).toString());
		JsonNode day = null;
		for (JsonNode d : summary.get("days")) {
			if (d.get("date").asString().equals(today.toString())) {
				day = d;
			}
		}
		assertThat(day).as("today in " + summary).isNotNull();
		assertThat(day.get("attempt").asInt()).isEqualTo(1);
		assertThat(day.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(day.get("casesChecked").asLong()).isEqualTo(again.get("casesChecked").asLong());
		Map<String, Long> bySeverity = new HashMap<>();
		List<Long> open = new ArrayList<>();
		for (JsonNode f : again.get("findings")) {
			bySeverity.merge(f.get("severity").asString(), 1L, Long::sum);
			if (f.get("state").asString().equals("OPEN")) {
				open.add(f.get("id").asLong());
			}
		}
		assertThat(bySeverity.get("CRITICAL")).isGreaterThanOrEqualTo(2);
		assertThat(day.get("critical").asLong()).isEqualTo(bySeverity.getOrDefault("CRITICAL", 0L));
		assertThat(day.get("major").asLong()).isEqualTo(bySeverity.getOrDefault("MAJOR", 0L));
		assertThat(day.get("minor").asLong()).isEqualTo(bySeverity.getOrDefault("MINOR", 0L));
		assertThat(open).hasSizeLessThan(again.get("findings").size());
		assertThat(summary.get("openCount").asLong()).isEqualTo(open.size());
		List<Long> listed = new ArrayList<>();
		summary.get("open").forEach(f -> listed.add(f.get("id").asLong()));
		assertThat(listed).containsExactlyInAnyOrderElementsOf(open);
		JsonNode first = summary.get("open").get(0);
		assertThat(first.get("severity").asString()).isEqualTo("CRITICAL");
		assertThat(first.get("evidence").has("stepIds")).isTrue();

		// A day long past: run, but outside the last 14 days.
		assertThat(operator.postJson("/api/reconciliations", "{\"date\":\"2001-01-01\"}").status()).isEqualTo(200);
		List<String> days = new ArrayList<>();
		operator.get("/api/reconciliations/summary")
			.json()
			.get("days")
			.forEach(d -> days.add(d.get("date").asString()));
		assertThat(days).containsExactly(today.toString());
		assertThat(operator.get("/api/reconciliations/summary?days=0").json().get("code").asString())
			.isEqualTo("RECONCILE_BAD_DAYS");
		assertThat(operator.get("/api/reconciliations/summary?days=abc").status()).isEqualTo(400);
	}

	/**
	 * The section head's PDF: poppler reads back the Japanese title, each finding's row
	 * (severity, type, case, message) and the state's comment; every font is embedded;
	 * the download is audited; a day without a run is a 404.
	 */
	private void report(ApiClient operator, LocalDate today, JsonNode again, JsonNode carried, long unlocked)
			throws Exception {
		var response = operator.get("/api/reconciliations/report.pdf?date=" + today);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(new String(response.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		// Kept under target/ for a person to look at.
		Path file = Path.of("target", "reconcile-test", "reconciliation-report.pdf");
		Files.createDirectories(file.getParent());
		Files.write(file, response.body());
		String text = run("pdftotext", "-raw", "-enc", "UTF-8", file.toString(), "-");
		assertThat(text).contains("夜間突合せ報告書", "対象日：", today.toString(), "第2回", "完了", "1 / ");
		String joined = text.replaceAll("\\s", "");
		assertThat(joined)
			.contains("重大暫定暗証番号のロック未確認" + unlocked + carried.get("message").asString().replaceAll("\\s", ""));
		assertThat(joined).contains("確認済み本人に連絡済み");
		for (JsonNode f : again.get("findings")) {
			assertThat(joined).as("finding " + f.get("id")).contains(f.get("message").asString().replaceAll("\\s", ""));
		}
		List<String> fonts = run("pdffonts", file.toString()).lines().skip(2).toList();
		assertThat(fonts).isNotEmpty();
		for (String row : fonts) {
			String[] columns = row.trim().split("\\s+");
			// From the right: object id (2 columns), uni, sub, emb.
			assertThat(columns[columns.length - 5]).as("emb: " + row).isEqualTo("yes");
		}
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_event WHERE username = 'operator' AND action = 'DOWNLOAD'
				AND target_type = 'reconciliation.report' AND target_id = ?""")
			.param(today.toString())
			.query(Long.class)
			.single()).isEqualTo(1);

		// A comment no font can draw: the forms module refuses the whole report, in
		// Japanese, naming the column; nothing is downloaded, so nothing is audited.
		assertThat(operator
			.postJson("/api/reconciliations/findings/" + carried.get("id").asLong(),
					"{\"state\":\"ACKNOWLEDGED\",\"comment\":\"連絡済み\uD83D\uDE00\"}")
			.status()).isEqualTo(204);
		var refused = operator.get("/api/reconciliations/report.pdf?date=" + today);
		assertThat(refused.status()).as(refused.text()).isEqualTo(422);
		assertThat(refused.json().get("code").asString()).isEqualTo("FORM_REFUSED");
		assertThat(refused.json().get("message").asString()).contains("コメント", "U+1F600");
		assertThat(refused.text()).doesNotContain("cannot print").doesNotContain("Exception");
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_event WHERE action = 'DOWNLOAD' AND target_type = 'reconciliation.report'""")
			.query(Long.class)
			.single()).isEqualTo(1);

		var none = operator.get("/api/reconciliations/report.pdf?date=2001-01-02");
		assertThat(none.status()).isEqualTo(404);
		assertThat(none.json().get("code").asString()).isEqualTo("RECONCILE_NO_RUN");
		assertThat(none.json().get("message").asString()).contains("2001-01-02", "まだ実行されていません");
	}

	/** Runs a command and returns its standard output; fails on a non-zero exit. */
	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
		byte[] out = process.getInputStream().readAllBytes();
		String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + ": " + err).isZero();
		return new String(out, StandardCharsets.UTF_8);
	}

	private static List<String> summary(JsonNode run) {
		List<String> s = new ArrayList<>();
		run.get("findings")
			.forEach(f -> s
				.add(f.get("type").asString() + ":" + (f.has("caseId") ? f.get("caseId").asString() : "null")));
		return s;
	}

	private static List<Long> ids(JsonNode run) {
		List<Long> s = new ArrayList<>();
		run.get("findings").forEach(f -> s.add(f.get("id").asLong()));
		return s;
	}

	private static JsonNode finding(JsonNode run, String type, long caseId) {
		for (JsonNode f : run.get("findings")) {
			if (f.get("type").asString().equals(type) && f.has("caseId") && f.get("caseId").asLong() == caseId) {
				return f;
			}
		}
		throw new AssertionError("no " + type + " for case " + caseId + " in " + run);
	}

	private static void record(ApiClient clerk, long caseId, String step, OffsetDateTime at) {
		String body = at == null ? "{\"step\":\"" + step + "\"}"
				: "{\"step\":\"" + step + "\",\"at\":\"" + at + "\",\"reason\":\"受付票から転記\"}";
		var r = clerk.postJson("/api/cases/" + caseId + "/steps", body);
		assertThat(r.status()).as(r.text()).isEqualTo(201);
	}

	private static long importCase(ApiClient clerk) {
		int n = ROSTERS.incrementAndGet();
		return Rosters.importOne(clerk, Rosters.row("突合　花子", "トツゴウ　ハナコ", "S31.1." + n, "新規交付（交付時来庁）", "本人"));
	}

}
