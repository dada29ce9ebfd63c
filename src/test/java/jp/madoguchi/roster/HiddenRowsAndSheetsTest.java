package jp.madoguchi.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.VisibilityState;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.PageSession;
import jp.madoguchi.support.Rosters;
import tools.jackson.databind.JsonNode;

/**
 * Hidden rows and sheets, and the sheet that holds the roster, through the real upload
 * API and page: hidden rows are left out with a {@code HIDDEN_ROW} warning each unless
 * the clerk includes them, hidden sheets are never read, the roster is the first visible
 * sheet with the header in its first 20 rows, and the answer says which sheet and row was
 * read as the header.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class HiddenRowsAndSheetsTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
	}

	@LocalServerPort
	int port;

	ApiClient clerk;

	@BeforeEach
	void client() {
		clerk = new ApiClient(port, "clerk", "demo");
	}

	/** One sheet of a test workbook; {@code hiddenRows} are row numbers (1-based). */
	record SheetSpec(String name, VisibilityState visibility, List<List<String>> rows, Set<Integer> hiddenRows) {

		static SheetSpec visible(String name, List<List<String>> rows) {
			return new SheetSpec(name, VisibilityState.VISIBLE, rows, Set.of());
		}

	}

	private static byte[] workbook(SheetSpec... sheets) {
		try {
			var out = new ByteArrayOutputStream();
			Workbook wb = new Workbook(out, "test", "1.0");
			for (SheetSpec sheet : sheets) {
				Worksheet ws = wb.newWorksheet(sheet.name());
				for (int r = 0; r < sheet.rows().size(); r++) {
					for (int c = 0; c < sheet.rows().get(r).size(); c++) {
						ws.value(r, c, sheet.rows().get(r).get(c));
					}
				}
				for (int hidden : sheet.hiddenRows()) {
					ws.hideRow(hidden - 1);
				}
				ws.setVisibilityState(sheet.visibility());
			}
			wb.finish();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** An applicant row whose 備考 makes the file unique. */
	private static List<String> applicant(String name, String reading, String marker) {
		List<String> row = new ArrayList<>(Rosters.row(name, reading, "1950-01-01", "出張申請受付", "本人"));
		row.set(16, marker);
		return row;
	}

	private static String marker() {
		return "hidden-" + UUID.randomUUID();
	}

	private static List<List<String>> rosterWithHiddenThirdRow(String marker) {
		return List.of(Rosters.HEADER, applicant("見え　一郎", "ミエ　イチロウ", marker), applicant("隠れ　二郎", "カクレ　ジロウ", marker),
				applicant("見え　三郎", "ミエ　サブロウ", marker), List.of());
	}

	private static List<String> warnings(JsonNode body, String code) {
		List<String> found = new ArrayList<>();
		for (JsonNode w : body.get("warnings")) {
			if (w.get("code").asString().equals(code)) {
				assertThat(w.get("message").asString()).isNotBlank();
				found.add(w.get("row").asInt() + ":" + w.get("column").asString() + ":" + w.get("value").asString());
			}
		}
		return found;
	}

	private List<String> caseNames(JsonNode created) {
		List<String> names = new ArrayList<>();
		for (JsonNode c : clerk.get("/api/rosters/" + created.get("id").asLong() + "/cases").json()) {
			names.add(c.get("row").asInt() + ":" + c.get("name").asString());
		}
		return names;
	}

	@Test
	void hiddenRowsAreLeftOutWithAWarningEachByDefault() {
		byte[] file = workbook(
				new SheetSpec("名簿", VisibilityState.VISIBLE, rosterWithHiddenThirdRow(marker()), Set.of(3, 5)));
		var created = clerk.upload("hidden.xlsx", file, false);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		JsonNode body = created.json();
		assertThat(body.get("accepted").asInt()).isEqualTo(2);
		assertThat(body.get("hiddenRows").asInt()).isEqualTo(1);
		// The blank hidden row 5 is no applicant and no warning.
		assertThat(warnings(body, "HIDDEN_ROW")).containsExactly("3:氏名:隠れ　二郎");
		assertThat(body.get("headerSheet").asString()).isEqualTo("名簿");
		assertThat(body.get("headerRow").asInt()).isEqualTo(1);
		assertThat(caseNames(body)).containsExactlyInAnyOrder("2:見え　一郎", "4:見え　三郎");
	}

	@Test
	void hiddenRowsAreImportedWhenTheClerkIncludesThem() {
		byte[] file = workbook(
				new SheetSpec("名簿", VisibilityState.VISIBLE, rosterWithHiddenThirdRow(marker()), Set.of(3, 5)));
		var created = clerk.upload("hidden-included.xlsx", file, false, true);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		JsonNode body = created.json();
		assertThat(body.get("accepted").asInt()).isEqualTo(3);
		assertThat(body.get("hiddenRows").asInt()).isZero();
		assertThat(warnings(body, "HIDDEN_ROW")).isEmpty();
		assertThat(caseNames(body)).containsExactlyInAnyOrder("2:見え　一郎", "3:隠れ　二郎", "4:見え　三郎");
	}

	@Test
	void hiddenAndVeryHiddenSheetsAreNeverRead() {
		String marker = marker();
		byte[] file = workbook(
				new SheetSpec("旧名簿", VisibilityState.HIDDEN,
						List.of(Rosters.HEADER, applicant("古い　一郎", "フルイ　イチロウ", marker)), Set.of()),
				new SheetSpec("控え", VisibilityState.VERY_HIDDEN,
						List.of(Rosters.HEADER, applicant("控え　二郎", "ヒカエ　ジロウ", marker)), Set.of()),
				SheetSpec.visible("名簿",
						List.of(List.of("申請者名簿"), Rosters.HEADER, applicant("現在　三郎", "ゲンザイ　サブロウ", marker))));
		// Even when the clerk includes hidden rows: a hidden sheet is not a hidden row.
		var created = clerk.upload("hidden-sheets.xlsx", file, false, true);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(caseNames(created.json())).containsExactly("3:現在　三郎");
		assertThat(created.json().get("headerSheet").asString()).isEqualTo("名簿");
		assertThat(created.json().get("headerRow").asInt()).isEqualTo(2);
	}

	@Test
	void theRosterIsTheFirstVisibleSheetWithTheHeaderInItsFirstTwentyRows() {
		String marker = marker();
		// A cover sheet whose roster-like table starts below row 20 is not the roster.
		List<List<String>> cover = new ArrayList<>();
		cover.add(List.of("申請者名簿　提出用"));
		for (int i = 2; i <= 21; i++) {
			cover.add(List.of("記入上の注意 " + i));
		}
		cover.add(Rosters.HEADER);
		cover.add(applicant("表紙　一郎", "ヒョウシ　イチロウ", marker));
		byte[] file = workbook(SheetSpec.visible("記入例", List.of(Rosters.HEADER, applicant("例示　花子", "レイジ　ハナコ", marker))),
				SheetSpec.visible("表紙", cover),
				SheetSpec.visible("名簿",
						List.of(List.of("申請者名簿（あおぞらホーム）"), List.of(), Rosters.HEADER,
								applicant("本物　二郎", "ホンモノ　ジロウ", marker))),
				SheetSpec.visible("後の名簿", List.of(Rosters.HEADER, applicant("後続　三郎", "コウゾク　サブロウ", marker))));
		var created = clerk.upload("sheets.xlsx", file, false);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		JsonNode body = created.json();
		assertThat(caseNames(body)).containsExactly("4:本物　二郎");
		assertThat(body.get("headerSheet").asString()).isEqualTo("名簿");
		assertThat(body.get("headerRow").asInt()).isEqualTo(3);
		assertThat(warnings(body, "EXAMPLE_SHEET_SKIPPED")).containsExactly("0::記入例");
	}

	@Test
	void withoutAHeaderOnAnySheetTheSheetAndRowNamingTheMostColumnsAreReported() {
		List<String> header = new ArrayList<>(Rosters.HEADER);
		header.set(2, "誕生月");
		byte[] file = workbook(SheetSpec.visible("表紙", List.of(List.of("申請者名簿"), List.of("氏名", "担当者"))),
				SheetSpec.visible("名簿", List.of(List.of("申請者名簿"), header, applicant("見出　なし", "ミダシ　ナシ", marker()))));
		var rejected = clerk.upload("noheader.xlsx", file, false);
		assertThat(rejected.status()).as(rejected.text()).isEqualTo(422);
		JsonNode error = rejected.json().get("errors").get(0);
		assertThat(error.get("row").asInt() + ":" + error.get("column").asString() + ":" + error.get("code").asString())
			.isEqualTo("2:生年月日:MISSING_COLUMN");
		assertThat(rejected.json().get("headerSheet").asString()).isEqualTo("名簿");
		assertThat(rejected.json().get("headerRow").asInt()).isEqualTo(2);
	}

	@Test
	void aCsvFileReportsTheHeaderRowWithoutASheet() {
		String csv = "申請者名簿\r\n作成日,2026年11月1日\r\n" + String.join(",", Rosters.HEADER) + "\r\n"
				+ String.join(",", applicant("縦棒　一郎", "タテボウ　イチロウ", marker())) + "\r\n";
		var created = clerk.upload("titled.csv", csv.getBytes(StandardCharsets.UTF_8), false);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.json().get("headerRow").asInt()).isEqualTo(3);
		assertThat(created.json().has("headerSheet")).isFalse();
		assertThat(created.json().get("hiddenRows").asInt()).isZero();
	}

	/**
	 * The page: the checkbox's choice survives "accept the valid rows" of a refused
	 * upload, and the header's sheet and row are named in Japanese on the refusal and on
	 * the roster.
	 */
	@Test
	void thePageKeepsTheHiddenRowChoiceWhenTheClerkAcceptsTheValidRows() throws Exception {
		PageSession browser = new PageSession(port);
		assertThat(browser.signIn("clerk", "demo").statusCode()).isEqualTo(302);
		String marker = marker();
		List<String> invalid = new ArrayList<>(applicant("誤り　一子", "アヤマリ　イチコ", marker));
		invalid.set(2, "生年月日ではない");
		byte[] file = workbook(new SheetSpec(
				"名簿", VisibilityState.VISIBLE, List.of(List.of("申請者名簿"), Rosters.HEADER,
						applicant("見え　四郎", "ミエ　シロウ", marker), invalid, applicant("隠れ　五郎", "カクレ　ゴロウ", marker)),
				Set.of(5)));

		HttpResponse<String> refused = uploadPage(browser, file, true);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("シート「名簿」の 2 行目を見出しとして読みました");
		Matcher token = Pattern.compile("/rosters/pending/([0-9a-f-]{36})").matcher(refused.body());
		assertThat(token.find()).isTrue();
		HttpResponse<String> accepted = browser.post("/rosters/pending/" + token.group(1), Map.of());
		assertThat(accepted.statusCode()).isEqualTo(302);
		String location = accepted.headers().firstValue("Location").orElseThrow();
		Matcher id = Pattern.compile("/rosters/(\\d+)$").matcher(location);
		assertThat(id.find()).as(location).isTrue();

		HttpResponse<String> roster = browser.follow(accepted);
		assertThat(roster.body()).contains("シート「名簿」の 2 行目を見出しとして読みました");
		List<String> names = new ArrayList<>();
		for (JsonNode c : clerk.get("/api/rosters/" + id.group(1) + "/cases").json()) {
			names.add(c.get("name").asString());
		}
		assertThat(names).containsExactlyInAnyOrder("見え　四郎", "隠れ　五郎");

		// Without the checkbox the hidden row is named on the roster page.
		List<List<String>> rows = rosterWithHiddenThirdRow(marker());
		HttpResponse<String> created = uploadPage(browser,
				workbook(new SheetSpec("名簿", VisibilityState.VISIBLE, rows, Set.of(3))), false);
		assertThat(created.statusCode()).isEqualTo(302);
		HttpResponse<String> warned = browser.follow(created);
		assertThat(warned.body()).contains("3行目（隠れ　二郎）：非表示の行のため取り込みませんでした");
	}

	/** The upload form of the roster page, as the browser posts it. */
	private static HttpResponse<String> uploadPage(PageSession browser, byte[] content, boolean includeHiddenRows) {
		HttpResponse<String> page = browser.get("/rosters");
		assertThat(page.body()).contains("name=\"includeHiddenRows\"");
		return browser.upload("/rosters", includeHiddenRows ? Map.of("includeHiddenRows", "true") : Map.of(), "file",
				"roster.xlsx", content);
	}

}
