package jp.madoguchi.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Rosters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Workbooks written part by part the way Excel and LibreOffice save them: every cell must
 * be read as Excel shows it (1904 date system in both spellings, General numbers,
 * Japanese built-in date formats, cached formula values, LibreOffice's TRUE()).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class XlsxCellsTest {

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

	/** Style indexes of {@link #STYLES}. */
	private static final int GENERAL = 0, DATE14 = 1, LIBRE_GENERAL = 2, JA_GENERAL = 3, JA_BUILTIN27 = 4,
			JA_ERA_CUSTOM = 5, JA_BUILTIN57 = 6, JA_BUILTIN31 = 7;

	private static final String STYLES = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
			<numFmts count="3"><numFmt numFmtId="164" formatCode="General"/>\
			<numFmt numFmtId="165" formatCode="G/標準"/>\
			<numFmt numFmtId="166" formatCode="[$-411]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>\
			<fonts count="1"><font><sz val="11"/><name val="游ゴシック"/></font></fonts>\
			<fills count="1"><fill><patternFill patternType="none"/></fill></fills>\
			<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
			<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
			<cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
			<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
			<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
			<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
			<xf numFmtId="27" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
			<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
			<xf numFmtId="57" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
			<xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
			<cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles>\
			</styleSheet>""";

	@Test
	void readsLibreOfficeCellsAsExcelShowsThem() {
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		List<String> rows = List.of(
				// =DATE(1948,4,5) with a cached serial, 性別 1 / 居室 101 / 備考 12345 in
				// General custom formats, LibreOffice's TRUE() and FALSE().
				row(2, inline("A", "日付　一郎") + inline("B", "ヒヅケ　イチロウ")
						+ formulaNumber("C", DATE14, "DATE(1948,4,5)", "17628") + number("D", LIBRE_GENERAL, "1")
						+ common() + number("H", LIBRE_GENERAL, "101") + procedure()
						+ formulaBoolean("M", "TRUE()", "1") + bool("N", "0") + formulaBoolean("O", "FALSE()", "0")
						+ inline("P", "本人限定受取郵便") + number("Q", JA_GENERAL, "12345")),
				// Japanese built-in date formats whose format string is not in the file.
				row(3, inline("A", "和暦　二郎") + inline("B", "ワレキ　ジロウ") + number("C", JA_BUILTIN27, "17630")
						+ number("D", GENERAL, "2") + common() + number("H", GENERAL, "102") + procedure()
						+ bool("M", "1") + bool("N", "1") + bool("O", "0") + inline("P", "本人限定受取郵便")),
				row(4, inline("A", "和暦　三郎") + inline("B", "ワレキ　サブロウ") + number("C", JA_ERA_CUSTOM, "17629")
						+ inline("D", "男") + common() + procedure() + inline("M", "はい") + inline("N", "はい")
						+ inline("O", "いいえ") + inline("P", "本人限定受取郵便")),
				row(5, inline("A", "和暦　四郎") + inline("B", "ワレキ　シロウ") + number("C", JA_BUILTIN57, "17631")
						+ inline("D", "男") + common() + procedure() + inline("M", "はい") + inline("N", "はい")
						+ inline("O", "いいえ") + inline("P", "本人限定受取郵便")),
				row(6, inline("A", "和暦　五郎") + inline("B", "ワレキ　ゴロウ") + number("C", JA_BUILTIN31, "17632")
						+ inline("D", "男") + common() + procedure() + inline("M", "はい") + inline("N", "はい")
						+ inline("O", "いいえ") + inline("P", "本人限定受取郵便")));
		var created = clerk.upload("libreoffice.xlsx", workbook(null, rows), false);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		JsonNode cases = clerk.get("/api/rosters/" + id + "/cases").json();
		assertThat(cases).hasSize(5);
		JsonNode first = find(cases, "日付　一郎");
		assertThat(first.get("birthDate").asString()).isEqualTo("1948-04-05");
		assertThat(first.get("room").asString()).isEqualTo("101");
		assertThat(find(cases, "和暦　二郎").get("birthDate").asString()).isEqualTo("1948-04-07");
		assertThat(find(cases, "和暦　二郎").get("room").asString()).isEqualTo("102");
		assertThat(find(cases, "和暦　三郎").get("birthDate").asString()).isEqualTo("1948-04-06");
		assertThat(find(cases, "和暦　四郎").get("birthDate").asString()).isEqualTo("1948-04-08");
		assertThat(find(cases, "和暦　五郎").get("birthDate").asString()).isEqualTo("1948-04-09");
		assertThat(jdbc.sql("SELECT remarks FROM applicant_case WHERE id = ?")
			.param(first.get("id").asLong())
			.query(String.class)
			.single()).isEqualTo("12345");
	}

	@Test
	void readsThe1904DateSystemInBothSpellings() {
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		for (String flag : List.of("1", "true")) {
			String name = flag.equals("1") ? "千九　一" : "千九　真";
			String reading = flag.equals("1") ? "センキュウ　イチ" : "センキュウ　シン";
			// 1948-04-05 is serial 16166 in the 1904 system (17628 - 1462).
			List<String> rows = List.of(row(2,
					inline("A", name) + inline("B", reading) + number("C", DATE14, "16166") + inline("D", "女")
							+ common() + procedure() + inline("M", "はい") + inline("N", "はい") + inline("O", "いいえ")
							+ inline("P", "本人限定受取郵便")));
			var created = clerk.upload("mac-" + flag + ".xlsx", workbook(flag, rows), false);
			assertThat(created.status()).as(created.text()).isEqualTo(201);
			JsonNode cases = clerk.get("/api/rosters/" + created.json().get("id").asLong() + "/cases").json();
			assertThat(find(cases, name).get("birthDate").asString()).as(flag).isEqualTo("1948-04-05");
		}
	}

	@Test
	void errorsQuoteTheValueAsExcelShowsIt() {
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		// A date typed into 性別 is refused, and the clerk sees the date, not its serial.
		List<String> rows = List.of(row(2,
				inline("A", "誤記　一子") + inline("B", "ゴキ　イチコ") + inline("C", "1948-04-05") + number("D", DATE14, "17628")
						+ common() + procedure() + inline("M", "はい") + inline("N", "はい") + inline("O", "いいえ")
						+ inline("P", "本人限定受取郵便")));
		var rejected = clerk.upload("wrong.xlsx", workbook(null, rows), false);
		assertThat(rejected.status()).as(rejected.text()).isEqualTo(422);
		String errors = rejected.json().get("errors").toString();
		assertThat(errors).contains("1948-04-05").doesNotContain("17628");
	}

	@Test
	void tellsDateFormatsFromNumberFormats() {
		assertThat(RosterFileReader.isDateFormat("General")).isFalse();
		assertThat(RosterFileReader.isDateFormat("G/標準")).isFalse();
		assertThat(RosterFileReader.isDateFormat("G/標準\"号室\"")).isFalse();
		assertThat(RosterFileReader.isDateFormat("[Red]0.00;[Blue]-0.00")).isFalse();
		assertThat(RosterFileReader.isDateFormat("0.00E+00")).isFalse();
		assertThat(RosterFileReader.isDateFormat("\"Day \"0")).isFalse();
		assertThat(RosterFileReader.isDateFormat("[$-411]ggge\"年\"m\"月\"d\"日\"")).isTrue();
		assertThat(RosterFileReader.isDateFormat("yyyy/m/d")).isTrue();
		assertThat(RosterFileReader.isDate(14, null)).isTrue();
		assertThat(RosterFileReader.isDate(30, "m/d/yy")).isTrue();
		assertThat(RosterFileReader.isDate(58, null)).isTrue();
		assertThat(RosterFileReader.isDate(0, "General")).isFalse();
		assertThat(RosterFileReader.isDate(49, "@")).isFalse();
		assertThat(RosterFileReader.isDate(1, "yyyy")).isFalse();
		assertThat(RosterFileReader.isDate(100, "yyyy/mm/dd")).isTrue();
		assertThat(RosterFileReader.isDate(176, "G/標準")).isFalse();
	}

	@Test
	void showsSerialsAndNumbersAsExcelDoes() {
		assertThat(RosterFileReader.date(new BigDecimal("1"), false)).isEqualTo(LocalDate.of(1900, 1, 1));
		assertThat(RosterFileReader.date(new BigDecimal("59"), false)).isEqualTo(LocalDate.of(1900, 2, 28));
		assertThat(RosterFileReader.date(new BigDecimal("60"), false)).isNull();
		assertThat(RosterFileReader.date(new BigDecimal("61"), false)).isEqualTo(LocalDate.of(1900, 3, 1));
		assertThat(RosterFileReader.date(new BigDecimal("17628.75"), false)).isEqualTo(LocalDate.of(1948, 4, 5));
		assertThat(RosterFileReader.date(new BigDecimal("0"), true)).isEqualTo(LocalDate.of(1904, 1, 1));
		assertThat(RosterFileReader.date(new BigDecimal("16166"), true)).isEqualTo(LocalDate.of(1948, 4, 5));
		assertThat(RosterFileReader.date(new BigDecimal("-1"), false)).isNull();
		assertThat(RosterFileReader.date(new BigDecimal("1E+999999999"), false)).isNull();
		assertThat(RosterFileReader.plain(new BigDecimal("101"))).isEqualTo("101");
		assertThat(RosterFileReader.plain(new BigDecimal("12345.0"))).isEqualTo("12345");
		assertThat(RosterFileReader.plain(new BigDecimal("0.30000000000000004"))).isEqualTo("0.3");
		assertThat(RosterFileReader.plain(new BigDecimal("7160001"))).isEqualTo("7160001");
		assertThat(RosterFileReader.plain(new BigDecimal("1E+999999999"))).isEqualTo("1E+999999999");
	}

	private static JsonNode find(JsonNode cases, String name) {
		for (JsonNode c : cases) {
			if (c.get("name").asString().equals(name)) {
				return c;
			}
		}
		throw new AssertionError("no case " + name + " in " + cases);
	}

	private static String common() {
		return inline("E", "716-0001") + inline("F", "岡山県高梁市中原町1-1") + inline("G", "あおぞらホーム");
	}

	private static String procedure() {
		return inline("I", "出張申請受付") + inline("J", "本人");
	}

	private static String row(int r, String cells) {
		return "<row r=\"" + r + "\">" + cells.replace("@", String.valueOf(r)) + "</row>";
	}

	private static String inline(String col, String text) {
		return "<c r=\"" + col + "@\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
	}

	private static String number(String col, int style, String value) {
		return "<c r=\"" + col + "@\" s=\"" + style + "\"><v>" + value + "</v></c>";
	}

	private static String bool(String col, String value) {
		return "<c r=\"" + col + "@\" t=\"b\"><v>" + value + "</v></c>";
	}

	private static String formulaNumber(String col, int style, String formula, String cached) {
		return "<c r=\"" + col + "@\" s=\"" + style + "\"><f>" + formula + "</f><v>" + cached + "</v></c>";
	}

	private static String formulaBoolean(String col, String formula, String cached) {
		return "<c r=\"" + col + "@\" t=\"b\"><f>" + formula + "</f><v>" + cached + "</v></c>";
	}

	/** A workbook with the roster header and the given rows; date1904 null for none. */
	private static byte[] workbook(String date1904, List<String> rows) {
		StringBuilder header = new StringBuilder("<row r=\"1\">");
		for (int c = 0; c < Rosters.HEADER.size(); c++) {
			header.append(inline(String.valueOf((char) ('A' + c)), Rosters.HEADER.get(c)));
		}
		header.append("</row>");
		String sheet = """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
				xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>"""
				+ header.toString().replace("@", "1") + String.join("", rows) + "</sheetData></worksheet>";
		String workbookPr = date1904 == null ? "<workbookPr/>" : "<workbookPr date1904=\"" + date1904 + "\"/>";
		List<String[]> parts = new ArrayList<>();
		parts.add(new String[] { "[Content_Types].xml",
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
						<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
						<Default Extension="xml" ContentType="application/xml"/>\
						<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
						<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
						<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
						</Types>""" });
		parts.add(new String[] { "_rels/.rels",
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
						<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
						</Relationships>""" });
		parts.add(new String[] { "xl/workbook.xml", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
				xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">""" + workbookPr
				+ "<sheets><sheet name=\"名簿\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>" });
		parts.add(new String[] { "xl/_rels/workbook.xml.rels",
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
						<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
						<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
						</Relationships>""" });
		parts.add(new String[] { "xl/styles.xml", STYLES });
		parts.add(new String[] { "xl/worksheets/sheet1.xml", sheet });
		try {
			var out = new ByteArrayOutputStream();
			try (var zip = new ZipOutputStream(out)) {
				for (String[] part : parts) {
					zip.putNextEntry(new ZipEntry(part[0]));
					zip.write(part[1].getBytes(StandardCharsets.UTF_8));
					zip.closeEntry();
				}
			}
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
