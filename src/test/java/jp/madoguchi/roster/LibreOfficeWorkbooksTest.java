package jp.madoguchi.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Rosters;
import tools.jackson.databind.JsonNode;

/**
 * Workbooks saved by real LibreOffice Calc the way an office keeps its roster: a merged
 * title and a date above the header, General-format numbers in 性別, 居室 and 備考, birth dates
 * as date cells (yyyy/mm/dd and 和暦), flags entered as {@code =TRUE()} and
 * {@code =FALSE()}, a hidden row, and one workbook in the 1904 date system. The test
 * writes flat ODS files, has {@code soffice --headless --convert-to xlsx} save them as
 * XLSX, uploads them through the API and checks what was stored. Skipped only where
 * LibreOffice is not installed; test.sh installs it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class LibreOfficeWorkbooksTest {

	@TempDir
	static Path dataDir;

	@TempDir
	static Path work;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	static Path saved1900;

	static Path saved1904;

	/**
	 * Both workbooks are converted by one LibreOffice run (its start is most of the
	 * cost).
	 */
	@BeforeAll
	static void saveWithLibreOffice() throws Exception {
		Path soffice = soffice();
		Assumptions.assumeTrue(soffice != null, "LibreOffice (soffice) is not installed");
		String marker = UUID.randomUUID().toString();
		Path in1900 = work.resolve("名簿1900.fods");
		Path in1904 = work.resolve("名簿1904.fods");
		Files.writeString(in1900,
				fods(false, marker,
						List.of(applicantRow(false, "事務　一郎", "ジム　イチロウ", date("ymd", LocalDate.of(1948, 4, 5)),
								number("1"), number("101"), bool(true), bool(false), number("12345")),
								applicantRow(true, "退去　二郎", "タイキョ　ジロウ", date("ymd", LocalDate.of(1950, 1, 2)),
										number("1"), number("102"), bool(true), bool(true), text("")),
								applicantRow(false, "和暦　花子", "ワレキ　ハナコ", date("era", LocalDate.of(1940, 2, 29)),
										number("2"), text("103号室"), bool(false), bool(false), number("7")))),
				StandardCharsets.UTF_8);
		Files.writeString(in1904,
				fods(true, marker,
						List.of(applicantRow(false, "千九　四子", "センキュウ　ヨンコ", date("ymd", LocalDate.of(1948, 4, 5)),
								number("2"), number("201"), bool(true), bool(false), number("12345")))),
				StandardCharsets.UTF_8);
		Path out = Files.createDirectories(work.resolve("out"));
		Path log = work.resolve("soffice.log");
		Process process = new ProcessBuilder(soffice.toString(),
				"-env:UserInstallation=" + work.resolve("profile").toUri(), "--headless", "--norestore", "--convert-to",
				"xlsx", "--outdir", out.toString(), in1900.toString(), in1904.toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("soffice did not finish in 120 s");
		}
		saved1900 = out.resolve("名簿1900.xlsx");
		saved1904 = out.resolve("名簿1904.xlsx");
		assertThat(saved1900).as(Files.readString(log)).exists();
		assertThat(saved1904).as(Files.readString(log)).exists();
	}

	private static Path soffice() {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir, "soffice");
			if (!dir.isEmpty() && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	@Test
	void aLibreOfficeRosterIsStoredAsTheOfficeSeesIt() throws IOException {
		// What LibreOffice wrote: the 1900 system, a hidden row.
		assertThat(RosterFileReader.isDate1904(saved1900)).isFalse();

		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		var created = clerk.upload("libreoffice.xlsx", Files.readAllBytes(saved1900), false);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		JsonNode body = created.json();
		assertThat(body.get("headerSheet").asString()).isEqualTo("名簿");
		assertThat(body.get("headerRow").asInt()).isEqualTo(3);
		assertThat(body.get("accepted").asInt()).isEqualTo(2);
		assertThat(body.get("hiddenRows").asInt()).isEqualTo(1);
		List<String> hidden = new ArrayList<>();
		for (JsonNode w : body.get("warnings")) {
			if (w.get("code").asString().equals("HIDDEN_ROW")) {
				hidden.add(w.get("row").asInt() + ":" + w.get("value").asString());
			}
		}
		assertThat(hidden).containsExactly("5:退去　二郎");

		JsonNode cases = clerk.get("/api/rosters/" + body.get("id").asLong() + "/cases").json();
		assertThat(cases).hasSize(2);
		Stored first = stored(find(cases, "事務　一郎"));
		assertThat(first).isEqualTo(new Stored(4, LocalDate.of(1948, 4, 5), "男", "101", true, false, "12345"));
		Stored second = stored(find(cases, "和暦　花子"));
		assertThat(second).isEqualTo(new Stored(6, LocalDate.of(1940, 2, 29), "女", "103号室", false, false, "7"));
	}

	@Test
	void aLibreOfficeWorkbookInThe1904DateSystemKeepsItsBirthDates() throws IOException {
		assertThat(RosterFileReader.isDate1904(saved1904)).as("LibreOffice wrote date1904").isTrue();

		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		var created = clerk.upload("libreoffice-1904.xlsx", Files.readAllBytes(saved1904), false);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		JsonNode cases = clerk.get("/api/rosters/" + created.json().get("id").asLong() + "/cases").json();
		assertThat(cases).hasSize(1);
		assertThat(stored(find(cases, "千九　四子")))
			.isEqualTo(new Stored(4, LocalDate.of(1948, 4, 5), "女", "201", true, false, "12345"));
	}

	/** What the database holds for one case. */
	record Stored(int row, LocalDate birthDate, String sex, String room, Boolean wantsFaceAuth,
			Boolean wantsStaffRegistration, String remarks) {
	}

	private Stored stored(JsonNode summary) {
		return jdbc
			.sql("SELECT row_number, birth_date, sex, room, wants_face_auth, wants_staff_registration, remarks"
					+ " FROM applicant_case WHERE id = ?")
			.param(summary.get("id").asLong())
			.query((rs, n) -> new Stored(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getString(3),
					rs.getString(4), (Boolean) rs.getObject(5), (Boolean) rs.getObject(6), rs.getString(7)))
			.single();
	}

	private static JsonNode find(JsonNode cases, String name) {
		for (JsonNode c : cases) {
			if (c.get("name").asString().equals(name)) {
				return c;
			}
		}
		throw new AssertionError("no case named " + name + " in " + cases);
	}

	// --- flat ODS, as LibreOffice itself writes it ---

	private static String fods(boolean nullDate1904, String marker, List<String> applicantRows) {
		StringBuilder sheet = new StringBuilder();
		// A merged title, a date row, then the header on row 3.
		sheet.append(
				"<table:table-row><table:table-cell table:number-columns-spanned=\"8\" table:number-rows-spanned=\"1\""
						+ " office:value-type=\"string\"><text:p>申請者名簿（あおぞらホーム）</text:p></table:table-cell>"
						+ "<table:covered-table-cell table:number-columns-repeated=\"7\"/></table:table-row>");
		sheet.append("<table:table-row>")
			.append(text("作成日"))
			.append(date("ymd", LocalDate.of(2026, 11, 1)))
			.append(text(marker))
			.append("</table:table-row>");
		sheet.append("<table:table-row>");
		Rosters.HEADER.forEach(h -> sheet.append(text(h)));
		sheet.append("</table:table-row>");
		applicantRows.forEach(sheet::append);
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
				 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
				 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
				 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
				 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
				 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
				 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
				<office:automatic-styles>
				<number:date-style style:name="Nymd"><number:year number:style="long"/><number:text>/</number:text>\
				<number:month number:style="long"/><number:text>/</number:text><number:day number:style="long"/></number:date-style>
				<number:date-style style:name="Nera" number:language="ja" number:country="JP">\
				<number:era number:style="long" number:calendar="gengou"/><number:year number:calendar="gengou"/>\
				<number:text>年</number:text><number:month number:calendar="gengou"/><number:text>月</number:text>\
				<number:day number:calendar="gengou"/><number:text>日</number:text></number:date-style>
				<style:style style:name="ymd" style:family="table-cell" style:data-style-name="Nymd"/>
				<style:style style:name="era" style:family="table-cell" style:data-style-name="Nera"/>
				</office:automatic-styles>
				<office:body><office:spreadsheet>
				%s
				<table:table table:name="名簿">
				%s
				</table:table>
				</office:spreadsheet></office:body></office:document>
				"""
			.formatted(nullDate1904 ? "<table:calculation-settings><table:null-date table:date-value=\"1904-01-01\"/>"
					+ "</table:calculation-settings>" : "", sheet);
	}

	private static String applicantRow(boolean hidden, String name, String reading, String birthDate, String sex,
			String room, String faceAuth, String staffRegistration, String remarks) {
		return "<table:table-row" + (hidden ? " table:visibility=\"collapse\"" : "") + ">" + text(name) + text(reading)
				+ birthDate + sex + text("716-0001") + text("岡山県高梁市中原町1-1") + text("あおぞらホーム") + room + text("出張申請受付")
				+ text("本人") + text("") + text("") + faceAuth + staffRegistration + text("いいえ") + text("本人限定受取郵便")
				+ remarks + "</table:table-row>";
	}

	private static String text(String value) {
		if (value.isEmpty()) {
			return "<table:table-cell/>";
		}
		return "<table:table-cell office:value-type=\"string\"><text:p>"
				+ value.replace("&", "&amp;").replace("<", "&lt;") + "</text:p></table:table-cell>";
	}

	/** A number in the default (General) format. */
	private static String number(String value) {
		return "<table:table-cell office:value-type=\"float\" office:value=\"" + value + "\"><text:p>" + value
				+ "</text:p></table:table-cell>";
	}

	private static String date(String style, LocalDate value) {
		return "<table:table-cell table:style-name=\"" + style + "\" office:value-type=\"date\" office:date-value=\""
				+ value + "\"/>";
	}

	/** A flag typed as =TRUE() or =FALSE(), as LibreOffice stores it. */
	private static String bool(boolean value) {
		String v = value ? "TRUE" : "FALSE";
		return "<table:table-cell table:formula=\"of:=" + v
				+ "()\" office:value-type=\"boolean\" office:boolean-value=\"" + value + "\"><text:p>" + v
				+ "</text:p></table:table-cell>";
	}

}
