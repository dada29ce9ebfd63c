package jp.madoguchi.roster;

import static jp.madoguchi.support.Rosters.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.PageSession;
import jp.madoguchi.support.Rosters;
import jp.madoguchi.support.TestMunicipalities;
import jp.madoguchi.tenant.Tenants;
import tools.jackson.databind.JsonNode;

/**
 * The roster intake contract of {@code POST /api/rosters} and {@code GET
 * /api/rosters/{id}/cases}, run against each database engine by a subclass: the embedded
 * H2 and a real PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ExtendWith(OutputCaptureExtension.class)
abstract class RosterIntakeContract {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tenants tenants;

	ApiClient clerk;

	ApiClient otherClerk;

	/**
	 * Each test's files must differ from every other test's, or the import would find
	 * them already there.
	 */
	private static int uniqueness;

	@BeforeEach
	void clients() {
		TestMunicipalities.ensureOther(tenants);
		clerk = new ApiClient(port, "clerk", "demo");
		otherClerk = new ApiClient(port, TestMunicipalities.OTHER_CLERK, TestMunicipalities.PASSWORD);
	}

	private static String unique() {
		return "テスト" + (++uniqueness) + "-" + System.nanoTime();
	}

	private static List<String> withRemark(List<String> row, String remark) {
		List<String> r = new ArrayList<>(row);
		r.set(16, remark);
		return r;
	}

	@Test
	void namesComeBackExactlyFromApiAndDatabase(CapturedOutput output) {
		List<List<String>> rows = new ArrayList<>();
		for (String name : Rosters.SACRED_NAMES) {
			rows.add(withRemark(row(name, "テスト　タロウ", "昭和10年1月2日", "出張申請受付", "本人"), unique()));
		}
		var created = clerk.upload("sacred.csv", Rosters.csv(rows), false);
		assertThat(created.status()).isEqualTo(201);
		long id = created.json().get("id").asLong();

		List<String> fromApi = new ArrayList<>();
		for (JsonNode c : clerk.get("/api/rosters/" + id + "/cases").json()) {
			fromApi.add(c.get("name").asString());
		}
		assertThat(fromApi).containsExactlyInAnyOrderElementsOf(Rosters.SACRED_NAMES);

		List<String> fromDb = jdbc.sql("SELECT name FROM applicant_case WHERE roster_id = ?")
			.param(id)
			.query(String.class)
			.list();
		assertThat(fromDb).containsExactlyInAnyOrderElementsOf(Rosters.SACRED_NAMES);
		for (String name : Rosters.SACRED_NAMES) {
			byte[] expected = name.getBytes(StandardCharsets.UTF_8);
			assertThat(fromDb.stream().map(n -> n.getBytes(StandardCharsets.UTF_8)))
				.anySatisfy(b -> assertThat(b).isEqualTo(expected));
		}
		// The variation selector survives as a code point of its own.
		assertThat(fromDb).anySatisfy(n -> assertThat(n.codePoints().anyMatch(cp -> cp == 0xE0100)).isTrue());

		// Request logs and application logs carry no names.
		for (String name : Rosters.SACRED_NAMES) {
			assertThat(output.getAll()).doesNotContain(name.split("　")[0]);
		}
	}

	@Test
	void importsShiftJisCsvAndBomUtf8AndXlsxAlike() {
		List<List<String>> rows = List.of(row("髙橋　花子", "たかはし　はなこ", "S23.4.5", "新規交付（交付時来庁）", "本人"),
				withRemark(row("山﨑　次郎", "ﾔﾏｻﾞｷ ｼﾞﾛｳ", "1948/4/5", "設定切替", "代理人"), unique()));
		var sjis = clerk.upload("sjis.csv", Rosters.csv(rows, Charset.forName("windows-31j"), false), false);
		assertThat(sjis.status()).isEqualTo(201);
		assertThat(sjis.json().get("format").asString()).isEqualTo("CSV (Shift_JIS)");

		List<List<String>> rows2 = List.of(withRemark(rows.get(0), unique()), rows.get(1));
		var bom = clerk.upload("bom.csv", Rosters.csv(rows2, StandardCharsets.UTF_8, true), false);
		assertThat(bom.status()).isEqualTo(201);
		assertThat(bom.json().get("format").asString()).isEqualTo("CSV (UTF-8)");

		List<List<String>> rows3 = List.of(withRemark(rows.get(0), unique()), rows.get(1));
		var xlsx = clerk.upload("roster.xlsx", Rosters.xlsx(rows3), false);
		assertThat(xlsx.status()).isEqualTo(201);

		for (var r : List.of(sjis, bom, xlsx)) {
			JsonNode cases = clerk.get("/api/rosters/" + r.json().get("id").asLong() + "/cases").json();
			assertThat(cases).hasSize(2);
			JsonNode takahashi = find(cases, "髙橋　花子");
			assertThat(takahashi.get("reading").asString()).isEqualTo("タカハシ　ハナコ");
			assertThat(takahashi.get("birthDate").asString()).isEqualTo("1948-04-05");
			assertThat(takahashi.get("workflow").asString()).isEqualTo("NEW_CARD_AT_PICKUP_SELF");
			assertThat(takahashi.get("nextStep").asString()).isEqualTo("CONSENT_WITH_PORTAL_TERMS");
			JsonNode yamazaki = find(cases, "山﨑　次郎");
			assertThat(yamazaki.get("reading").asString()).isEqualTo("ヤマザキ　ジロウ");
			assertThat(yamazaki.get("workflow").asString()).isEqualTo("SWITCH_TO_FACE_AUTH_PROXY");
			assertThat(yamazaki.get("applicantType").asString()).isEqualTo("PROXY");
			assertThat(yamazaki.get("nextStep").asString()).isEqualTo("CHECK_NOT_YET_REGISTERED");
		}
	}

	@Test
	void rejectsTheWholeFileWithEveryErrorUnlessValidRowsAreAccepted() {
		String marker = unique();
		List<List<String>> rows = List.of(withRemark(row("正常　一郎", "セイジョウ　イチロウ", "1950-01-01", "出張申請受付", "本人"), marker),
				row("誤り　二郎", "ゴ　ジロウ", "昭和64年1月8日", "出張申請受付", "本人"),
				row("誤り　三郎", "Gojo", "1950-01-01", "存在しない手続", "代理人"));
		byte[] file = Rosters.csv(rows);
		long rostersBefore = jdbc.sql("SELECT COUNT(*) FROM roster").query(Long.class).single();

		var rejected = clerk.upload("errors.csv", file, false);
		assertThat(rejected.status()).isEqualTo(422);
		JsonNode body = rejected.json();
		assertThat(body.get("accepted").asInt()).isZero();
		assertThat(body.get("rejected").asInt()).isEqualTo(2);
		assertThat(body.has("id")).isFalse();
		List<String> found = new ArrayList<>();
		for (JsonNode e : body.get("errors")) {
			found.add(e.get("row").asInt() + ":" + e.get("column").asString() + ":" + e.get("code").asString());
			assertThat(e.get("message").asString()).isNotBlank();
			assertThat(e.has("value")).isTrue();
		}
		assertThat(found).contains("3:生年月日:INVALID_DATE", "4:フリガナ:INVALID_READING", "4:手続区分:INVALID_PROCEDURE");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM roster").query(Long.class).single()).isEqualTo(rostersBefore);

		var accepted = clerk.upload("errors.csv", file, true);
		assertThat(accepted.status()).isEqualTo(201);
		assertThat(accepted.json().get("accepted").asInt()).isEqualTo(1);
		assertThat(accepted.json().get("rejected").asInt()).isEqualTo(2);
		long id = accepted.json().get("id").asLong();
		assertThat(clerk.get("/api/rosters/" + id + "/cases").json()).hasSize(1);

		var again = clerk.upload("renamed.csv", file, false);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("id").asLong()).isEqualTo(id);
		assertThat(again.json().get("outcome").asString()).isEqualTo("EXISTING");
	}

	@Test
	void flagsTheSamePersonTwiceInARosterAndAcrossRosters() {
		String name = "重複　" + unique();
		var first = clerk.upload("first.csv",
				Rosters.csv(List.of(row(name, "チョウフク　タロウ", "1940-02-03", "出張申請受付", "本人"))), false);
		assertThat(first.status()).isEqualTo(201);
		assertThat(first.json().get("possibleDuplicates").asInt()).isZero();

		var second = clerk.upload("second.csv", Rosters.csv(List.of(row(name, "チョウフク　タロウ", "昭和15年2月3日", "出張申請受付", "本人"),
				row(name.replace("　", " "), "チョウフク　タロウ", "S15.2.3", "出張申請受付", "本人"))), false);
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.json().get("possibleDuplicates").asInt()).isEqualTo(2);
		JsonNode earlier = clerk.get("/api/rosters/" + first.json().get("id").asLong() + "/cases").json();
		assertThat(earlier.get(0).get("possibleDuplicate").asBoolean()).isTrue();
	}

	@Test
	void flagsOnlyPeopleSeenBeforeOverThreeOverlappingImports() {
		String t = unique();
		List<String> people = List.of("甲野　" + t, "乙野　" + t, "丙野　" + t, "丁野　" + t, "戊野　" + t);
		var first = clerk.upload("overlap1.csv",
				Rosters
					.csv(List.of(person(people.get(0), "1"), person(people.get(1), "1"), person(people.get(2), "1"))),
				false);
		assertThat(first.status()).isEqualTo(201);
		assertThat(first.json().get("possibleDuplicates").asInt()).isZero();

		var second = clerk.upload("overlap2.csv",
				Rosters
					.csv(List.of(person(people.get(1), "2"), person(people.get(2), "2"), person(people.get(3), "2"))),
				false);
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.json().get("possibleDuplicates").asInt()).isEqualTo(2);

		// 丙野 for the third time (already flagged twice), 丁野 for the second (flagged
		// now, here and in the second roster), 戊野 twice in this roster.
		var third = clerk.upload("overlap3.csv", Rosters.csv(List.of(person(people.get(2), "3"),
				person(people.get(3), "3"), person(people.get(4), "3"), person(people.get(4), "3b"))), false);
		assertThat(third.status()).isEqualTo(201);
		assertThat(third.json().get("possibleDuplicates").asInt()).isEqualTo(4);

		assertThat(flags(first)).containsExactlyInAnyOrder(people.get(0) + "=false", people.get(1) + "=true",
				people.get(2) + "=true");
		assertThat(flags(second)).containsExactlyInAnyOrder(people.get(1) + "=true", people.get(2) + "=true",
				people.get(3) + "=true");
		assertThat(flags(third)).containsExactlyInAnyOrder(people.get(2) + "=true", people.get(3) + "=true",
				people.get(4) + "=true", people.get(4) + "=true");
	}

	@Test
	void flagsAPersonRepeatedInLaterBatchesOfOneRoster() {
		String t = unique();
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < 2100; i++) {
			rows.add(row("大量　" + t + "-" + i, "タイリョウ　タロウ", "1945-01-01", "出張申請受付", "本人"));
		}
		// The first row's person again in the second and third batch of 1,000.
		rows.set(1500, rows.get(0));
		rows.set(2050, rows.get(0));
		var created = clerk.upload("batches.csv", Rosters.csv(rows), false);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("possibleDuplicates").asInt()).isEqualTo(3);
		long flagged = 0;
		for (JsonNode c : clerk.get("/api/rosters/" + created.json().get("id").asLong() + "/cases").json()) {
			if (c.get("possibleDuplicate").asBoolean()) {
				assertThat(c.get("name").asString()).isEqualTo("大量　" + t + "-0");
				flagged++;
			}
		}
		assertThat(flagged).isEqualTo(3);
	}

	private static List<String> person(String name, String remark) {
		return withRemark(row(name, "コウノ　タロウ", "1941-03-04", "出張申請受付", "本人"), remark);
	}

	private List<String> flags(ApiClient.Response created) {
		List<String> flags = new ArrayList<>();
		for (JsonNode c : clerk.get("/api/rosters/" + created.json().get("id").asLong() + "/cases").json()) {
			flags.add(c.get("name").asString() + "=" + c.get("possibleDuplicate").asBoolean());
		}
		return flags;
	}

	@Test
	void keepsALongJapaneseFileNameWhole() throws Exception {
		// 300 characters, 𠮷 (outside the BMP) among them.
		String name = "𠮷田ホーム申請者名簿".repeat(29) + "_令和6年度.csv";
		assertThat(name.codePointCount(0, name.length())).isEqualTo(300);
		var created = clerk.upload(name,
				Rosters.csv(List.of(withRemark(row("長名　花子", "チョウメイ　ハナコ", "1950-05-05", "出張申請受付", "本人"), unique()))),
				false);
		assertThat(created.status()).isEqualTo(201);
		long id = created.json().get("id").asLong();

		assertThat(clerk.get("/api/rosters/" + id).json().get("roster").get("fileName").asString()).isEqualTo(name);
		List<String> listed = new ArrayList<>();
		for (JsonNode r : clerk.get("/api/rosters").json()) {
			listed.add(r.get("fileName").asString());
		}
		assertThat(listed).contains(name);
		assertThat(jdbc.sql("SELECT file_name FROM roster WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo(name);
		assertThat(downloadedName(id)).isEqualTo(name);

		PageSession page = new PageSession(port);
		page.signIn("clerk", "demo");
		assertThat(page.get("/rosters/" + id).body()).contains(name);
		assertThat(page.get("/rosters").body()).contains(name);
	}

	@Test
	void acceptsFileNamesUpToTheAbuseLimitAndNamesTheLimitBeyond() throws Exception {
		String longest = "𠮷".repeat(RosterLimits.FILE_NAME - 4) + ".csv";
		var created = clerk.upload(longest,
				Rosters.csv(List.of(withRemark(row("最長　花子", "サイチョウ　ハナコ", "1950-05-05", "出張申請受付", "本人"), unique()))),
				false);
		assertThat(created.status()).isEqualTo(201);
		assertThat(downloadedName(created.json().get("id").asLong())).isEqualTo(longest);

		var refused = clerk.upload("𠮷" + longest,
				Rosters.csv(List.of(withRemark(row("超過　花子", "チョウカ　ハナコ", "1950-05-05", "出張申請受付", "本人"), unique()))),
				false);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("code").asString()).isEqualTo("FILE_NAME_TOO_LONG");
		assertThat(refused.json().get("message").asString()).contains(Integer.toString(RosterLimits.FILE_NAME));
	}

	/** The file name a browser takes from the download's Content-Disposition. */
	private String downloadedName(long id) throws Exception {
		HttpResponse<byte[]> download = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/rosters/" + id + "/file"))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString("clerk:demo".getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(download.statusCode()).isEqualTo(200);
		return ContentDisposition.parse(download.headers().firstValue("Content-Disposition").orElseThrow())
			.getFilename();
	}

	@Test
	void anotherMunicipalitySeesNothing() {
		var created = clerk.upload("mine.csv",
				Rosters.csv(List.of(withRemark(row("秘密　花子", "ヒミツ　ハナコ", "1950-05-05", "出張申請受付", "本人"), unique()))),
				false);
		long id = created.json().get("id").asLong();
		assertThat(otherClerk.get("/api/rosters/" + id).status()).isEqualTo(404);
		assertThat(otherClerk.get("/api/rosters/" + id + "/cases").status()).isEqualTo(404);
		assertThat(otherClerk.get("/api/rosters/" + id + "/file").status()).isEqualTo(404);
		long caseId = clerk.get("/api/rosters/" + id + "/cases").json().get(0).get("id").asLong();
		assertThat(otherClerk.get("/api/cases/" + caseId).status()).isEqualTo(404);
		assertThat(clerk.get("/api/cases/" + caseId).json().get("applicant").get("name").asString()).isEqualTo("秘密　花子");
		assertThat(otherClerk.get("/api/rosters").json().toString()).doesNotContain("mine.csv");
		assertThat(clerk.get("/api/rosters/" + id + "/file").status()).isEqualTo(200);
		assertThat(clerk.get("/api/rosters/" + id).status()).isEqualTo(200);
		assertThat(clerk.get("/api/rosters/" + id + "/cases").status()).isEqualTo(200);

		// Every access by the owner is audited; the other municipality's attempts found
		// nothing to audit.
		List<String> audited = jdbc.sql("""
				SELECT username || ':' || action || ':' || target_type FROM audit_event WHERE target_id = ?
				  AND target_type LIKE 'roster%' ORDER BY id""").param(Long.toString(id)).query(String.class).list();
		assertThat(audited).containsExactly("clerk:IMPORT:roster", "clerk:VIEW:roster-cases",
				"clerk:DOWNLOAD:roster-file", "clerk:VIEW:roster", "clerk:VIEW:roster-cases");
	}

	private static JsonNode find(JsonNode cases, String name) {
		for (JsonNode c : cases) {
			if (c.get("name").asString().equals(name)) {
				return c;
			}
		}
		throw new AssertionError("no case named " + name);
	}

}
