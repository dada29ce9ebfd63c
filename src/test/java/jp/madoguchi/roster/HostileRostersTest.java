package jp.madoguchi.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Rosters;

/**
 * Hostile rosters, each built here part by part (the large ones streamed through a
 * deflater, so the test stays light), are refused through the real API with a 400 that
 * names the limit: nothing is stored, the same refusal comes again (never a stuck 409),
 * and a clean file is imported afterwards. Rows and columns are limited to 1,000 and 50
 * here so that the limits themselves can be reached with small files; the timings are
 * measured by {@code bench/hostile-rosters.sh}, not here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "madoguchi.roster.max-rows=1000", "madoguchi.roster.max-columns=50" })
@ActiveProfiles("demo")
class HostileRostersTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
	}

	@LocalServerPort
	int port;

	private static final String HEADER_ROW = "<row r=\"1\">" + cells(1, Rosters.HEADER) + "</row>";

	@Test
	void hostileWorkbooksAreRefusedNamingTheLimit() {
		ApiClient clerk = new ApiClient(this.port, "clerk", "demo");
		int stored = rosters(clerk);

		// A 2.7 KB workbook whose cell points at shared string 2,000,000,000.
		byte[] sstIndex = workbook(sheet(HEADER_ROW + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2000000000</v></c></row>"),
				sst("山田　花子"));
		assertThat(sstIndex.length).isLessThan(4096);
		refused(clerk, "sst-index.xlsx", sstIndex, "XLSX_SHARED_STRING_INDEX", "2,000,000,000");
		// Again: the same refusal, never 409 for a file still "importing".
		refused(clerk, "sst-index.xlsx", sstIndex, "XLSX_SHARED_STRING_INDEX", "2,000,000,000");
		// Full-width digits parse too.
		refused(clerk, "sst-index-wide.xlsx",
				workbook(sheet(HEADER_ROW + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>２０００００００００</v></c></row>"), sst("x")),
				"XLSX_SHARED_STRING_INDEX", "共有文字列");

		refused(clerk, "zzzzzz.xlsx",
				workbook(
						sheet(HEADER_ROW + "<row r=\"2\"><c r=\"ZZZZZZ2\" t=\"inlineStr\"><is><t>x</t></is></c></row>"),
						null),
				"XLSX_CELL_REFERENCE", "ZZZZZZ2");
		refused(clerk, "columns.xlsx",
				workbook(sheet(HEADER_ROW + "<row r=\"2\"><c r=\"AZ2\" t=\"inlineStr\"><is><t>x</t></is></c></row>"),
						null),
				"ROSTER_TOO_MANY_COLUMNS", "最大 50 列");
		refused(clerk, "exponent.xlsx",
				workbook(sheet(HEADER_ROW + "<row r=\"2\"><c r=\"C2\"><v>1E+999999999</v></c></row>"), null),
				"XLSX_NUMBER_OUT_OF_RANGE", "数値");
		refused(clerk, "tiny-date.xlsx",
				workbook(sheet(HEADER_ROW + "<row r=\"2\"><c r=\"C2\" s=\"1\"><v>1E-999999999</v></c></row>"), null),
				"XLSX_NUMBER_OUT_OF_RANGE", "数値");

		// One 100 MB shared string of a single repeated character: its length is reached
		// (at 98 KB) before the compression ratio is judged (from 1 MB on).
		byte[] bigString = zip(parts -> {
			standardParts(parts, sheet(HEADER_ROW + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>"), true);
			parts.put("xl/sharedStrings.xml", out -> {
				write(out, "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>");
				repeat(out, "あ", 100L * 1024 * 1024);
				write(out, "</t></si></sst>");
			});
		});
		refused(clerk, "big-string.xlsx", bigString, "XLSX_SHARED_STRING_TOO_LONG", "32,767 文字");
		// 100 MB of the same short string over and over: the compression ratio.
		byte[] sameStrings = zip(parts -> {
			standardParts(parts, sheet(HEADER_ROW), true);
			parts.put("xl/sharedStrings.xml", out -> {
				write(out, "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
				repeat(out, "<si><t>a</t></si>", 100L * 1024 * 1024);
				write(out, "</sst>");
			});
		});
		refused(clerk, "same-strings.xlsx", sameStrings, "XLSX_COMPRESSION_RATIO", "xl/sharedStrings.xml");

		// 8 MB of text that compresses poorly in one shared string: the cell length.
		byte[] randomString = zip(parts -> {
			standardParts(parts, sheet(HEADER_ROW + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>"), true);
			parts.put("xl/sharedStrings.xml", out -> {
				write(out, "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>");
				randomKana(out, 8L * 1024 * 1024);
				write(out, "</t></si></sst>");
			});
		});
		refused(clerk, "random-string.xlsx", randomString, "XLSX_SHARED_STRING_TOO_LONG", "32,767 文字");

		// The same in an inline string of the sheet.
		byte[] longCell = zip(parts -> standardParts(parts, out -> {
			write(out, sheetHead() + HEADER_ROW + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>");
			randomKana(out, 1024 * 1024);
			write(out, "</t></is></c></row></sheetData></worksheet>");
		}, false));
		refused(clerk, "long-cell.xlsx", longCell, "ROSTER_CELL_TOO_LONG", "シート「名簿」の 2 行目");

		// 100 MB of empty rows in a file of well under a megabyte: the row limit (at the
		// default 200,000 rows, 1.2 MB in, the compression ratio comes first).
		byte[] emptyRows = zip(parts -> standardParts(parts, out -> {
			write(out, sheetHead() + HEADER_ROW);
			repeat(out, "<row/>", 100L * 1024 * 1024);
			write(out, "</sheetData></worksheet>");
		}, false));
		assertThat(emptyRows.length).isLessThan(1024 * 1024);
		refused(clerk, "empty-rows.xlsx", emptyRows, "ROSTER_TOO_MANY_ROWS", "最大 1,000 行");

		// A part that says it holds 600 bytes.
		byte[] lying = declareSize(
				workbook(sheet(HEADER_ROW + "<row r=\"2\">" + cells(2, List.of("山田　花子", "ヤマダ　ハナコ")) + "</row>"), null),
				"xl/worksheets/sheet1.xml", 600);
		refused(clerk, "lying.xlsx", lying, "XLSX_SIZE_MISMATCH", "xl/worksheets/sheet1.xml");

		// Too many rows (1,000 here), written varied so that the ratio is no matter.
		StringBuilder rows = new StringBuilder(HEADER_ROW);
		for (int r = 2; r <= 1001; r++) {
			rows.append("<row r=\"").append(r).append("\">").append(cells(r, List.of("名前" + r))).append("</row>");
		}
		refused(clerk, "rows.xlsx", workbook(sheet(rows.toString()), null), "ROSTER_TOO_MANY_ROWS", "最大 1,000 行");
		refused(clerk, "descending.xlsx", workbook(sheet(HEADER_ROW + "<row r=\"3\"/><row r=\"2\"/>"), null),
				"XLSX_ROW_NUMBER", "「2」");

		// A 30,000-character shared formula shared by 5,000 cells: rewritten for each.
		StringBuilder formulas = new StringBuilder(HEADER_ROW);
		formulas.append("<row r=\"2\"><c r=\"A2\"><f t=\"shared\" ref=\"A2:F1000\" si=\"0\">")
			.append("1+".repeat(15_000))
			.append("1</f><v>1</v></c></row>");
		for (int r = 3; r <= 1000; r++) {
			formulas.append("<row r=\"").append(r).append("\">");
			for (char c = 'B'; c <= 'F'; c++) {
				formulas.append("<c r=\"").append(c).append(r).append("\"><f t=\"shared\" si=\"0\"/><v>1</v></c>");
			}
			formulas.append("</row>");
		}
		refused(clerk, "formulas.xlsx", workbook(sheet(formulas.toString()), null), "XLSX_FORMULAS_TOO_LARGE", "名簿");

		// Too many shared strings, each different.
		byte[] manyStrings = zip(parts -> {
			standardParts(parts, sheet(HEADER_ROW), true);
			parts.put("xl/sharedStrings.xml", out -> {
				write(out, "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
				Random random = new Random(1);
				for (int i = 0; i <= 1_000_000; i++) {
					write(out, "<si><t>" + Integer.toString(random.nextInt(), 36) + "</t></si>");
				}
				write(out, "</sst>");
			});
		});
		refused(clerk, "many-strings.xlsx", manyStrings, "XLSX_TOO_MANY_SHARED_STRINGS", "1,000,000");

		refused(clerk, "attribute.xlsx",
				workbook(sheet(HEADER_ROW + "<row r=\"2\"><c r=\"A2\" x=\"" + "a".repeat(100_000) + "\"/></row>"),
						null),
				"XLSX_XML_TAG_TOO_LONG", "64 KB");
		refused(clerk, "laughs.xlsx", workbook(sheet(HEADER_ROW), null, """
				<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">\
				<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\
				<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>"""), "XLSX_XML_DTD",
				"DTD");
		refused(clerk, "deep.xlsx",
				workbook(sheet(HEADER_ROW + "<row r=\"2\">" + "<x>".repeat(100) + "</x>".repeat(100) + "</row>"), null),
				"XLSX_XML_TOO_DEEP", "64 段");
		byte[] utf16 = zip(parts -> standardParts(parts,
				out -> out
					.write((sheetHead() + HEADER_ROW + "</sheetData></worksheet>").getBytes(StandardCharsets.UTF_16LE)),
				false));
		refused(clerk, "utf16.xlsx", utf16, "XLSX_XML_ENCODING", "UTF-8");

		byte[] manyEntries = zip(parts -> {
			standardParts(parts, sheet(HEADER_ROW), false);
			for (int i = 0; i < 10_001; i++) {
				parts.put("docProps/x" + i + ".bin", out -> out.write(1));
			}
		});
		refused(clerk, "entries.xlsx", manyEntries, "XLSX_TOO_MANY_ENTRIES", "10,000");

		// The sheet where the reader looks for it, whatever its name: a workbook in
		// x_rel/ makes the reader take "x" + target as the sheet's path.
		byte[] oddPaths = zip(parts -> {
			standardParts(parts, sheet(HEADER_ROW), false);
			parts.remove("xl/workbook.xml");
			parts.remove("xl/_rels/workbook.xml.rels");
			parts.put("[Content_Types].xml", text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
					+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
					+ "<Override PartName=\"/x_rel/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
					+ "</Types>"));
			parts.put("x_rel/workbook.xml",
					text("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
							+ " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
							+ "<sheets><sheet name=\"名簿\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
			parts.put("x_rel/_rels/workbook.xml.rels",
					text("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ "<Relationship Id=\"rId1\" Type=\"worksheet\" Target=\"sheet.bin\"/></Relationships>"));
			parts.put("xsheet.bin", sheet(HEADER_ROW + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2000000000</v></c></row>"));
		});
		refused(clerk, "odd-paths.xlsx", oddPaths, "XLSX_SHARED_STRING_INDEX", "2,000,000,000");

		assertThat(rosters(clerk)).isEqualTo(stored);
		// A clean workbook still imports.
		byte[] clean = Rosters.xlsx(List.of(Rosters.row("山田　花子", "ヤマダ　ハナコ", "1950-01-01", "出張申請受付", "本人")));
		assertThat(clerk.upload("clean.xlsx", clean, false).status()).isEqualTo(201);
	}

	@Test
	void hostileCsvFilesAreRefusedNamingTheLimit() {
		ApiClient clerk = new ApiClient(this.port, "clerk", "demo");
		int stored = rosters(clerk);
		String header = String.join(",", Rosters.HEADER) + "\r\n";

		// One 40 MB field (the upload limit is 100 MB).
		byte[] head = (header + "\"").getBytes(StandardCharsets.UTF_8);
		// Whole characters only, or the file would not even be UTF-8.
		long size = head.length + 15L * 2_800_000;
		var bigField = clerk.upload("big-field.csv",
				() -> new PatternStream(head, "あいうえお".getBytes(StandardCharsets.UTF_8), size), false);
		assertRefused(bigField, "CSV_CELL_TOO_LONG", "32,767 文字", "2 行目");

		String wide = header + "山田　花子" + ",x".repeat(60) + "\r\n";
		refused(clerk, "wide.csv", wide.getBytes(StandardCharsets.UTF_8), "CSV_TOO_MANY_COLUMNS", "最大 50 列");

		StringBuilder rows = new StringBuilder(header);
		for (int r = 2; r <= 1001; r++) {
			rows.append("名前").append(r).append("\r\n");
		}
		refused(clerk, "rows.csv", rows.toString().getBytes(StandardCharsets.UTF_8), "ROSTER_TOO_MANY_ROWS",
				"最大 1,000 行");
		// Exactly at the limit, a final line break included: read, and refused for its
		// rows only.
		StringBuilder atLimit = new StringBuilder(header);
		for (int r = 2; r <= 1000; r++) {
			atLimit.append("名前").append(r).append("\r\n");
		}
		var response = clerk.upload("at-limit.csv", atLimit.toString().getBytes(StandardCharsets.UTF_8), false);
		assertThat(response.status()).as(response.text()).isEqualTo(422);

		assertThat(rosters(clerk)).isEqualTo(stored);
		byte[] clean = Rosters.csv(List.of(Rosters.row("山田　一郎", "ヤマダ　イチロウ", "1950-01-01", "出張申請受付", "本人")));
		assertThat(clerk.upload("clean.csv", clean, false).status()).isEqualTo(201);
		// Lines ended by CR alone (Excel for Mac 2011) are lines too, not one long field.
		List<List<String>> many = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			many.add(Rosters.row("川上　" + (char) ('一' + i), "カワカミ　イチ", "1950-01-01", "出張申請受付", "本人"));
		}
		String mac = new String(Rosters.csv(many), StandardCharsets.UTF_8).replace("\r\n", "\r");
		assertThat(mac.length()).isGreaterThan(RosterFileLimits.EXCEL_MAX_CELL_CHARS);
		var macResponse = clerk.upload("mac.csv", mac.getBytes(StandardCharsets.UTF_8), false);
		assertThat(macResponse.status()).as(macResponse.text()).isEqualTo(201);
	}

	private static void refused(ApiClient clerk, String name, byte[] file, String code, String... named) {
		assertRefused(clerk.upload(name, file, false), code, named);
	}

	private static void assertRefused(ApiClient.Response response, String code, String... named) {
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.json().get("code").asString()).as(response.text()).isEqualTo(code);
		assertThat(response.json().get("message").asString()).contains(named).doesNotContain("Exception", "{");
	}

	private static int rosters(ApiClient clerk) {
		var list = clerk.get("/api/rosters");
		assertThat(list.status()).isEqualTo(200);
		return list.json().size();
	}

	private static String cells(int row, List<String> values) {
		StringBuilder sb = new StringBuilder();
		for (int c = 0; c < values.size(); c++) {
			sb.append("<c r=\"")
				.append((char) ('A' + c))
				.append(row)
				.append("\" t=\"inlineStr\"><is><t>")
				.append(values.get(c))
				.append("</t></is></c>");
		}
		return sb.toString();
	}

	private static String sheetHead() {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
				+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
	}

	private static Part sheet(String rows) {
		return out -> write(out, sheetHead() + rows + "</sheetData></worksheet>");
	}

	private static Part sst(String... strings) {
		StringBuilder sb = new StringBuilder(
				"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + strings.length
						+ "\">");
		for (String s : strings) {
			sb.append("<si><t>").append(s).append("</t></si>");
		}
		String xml = sb.append("</sst>").toString();
		return out -> write(out, xml);
	}

	private static byte[] workbook(Part sheet, Part sst) {
		return workbook(sheet, sst, null);
	}

	/**
	 * A workbook of one sheet 名簿; {@code prolog} replaces the sheet's XML declaration.
	 */
	private static byte[] workbook(Part sheet, Part sst, String prolog) {
		return zip(parts -> {
			standardParts(parts, prolog == null ? sheet : out -> {
				ByteArrayOutputStream xml = new ByteArrayOutputStream();
				sheet.write(xml);
				String text = xml.toString(StandardCharsets.UTF_8);
				write(out, prolog + text.substring(text.indexOf("?>") + 2));
			}, sst != null);
			if (sst != null) {
				parts.put("xl/sharedStrings.xml", sst);
			}
		});
	}

	private static void standardParts(Map<String, Part> parts, Part sheet, boolean withSst) {
		String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
		String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
		parts.put("[Content_Types].xml",
				text("""
						<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
						<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
						<Default Extension="xml" ContentType="application/xml"/>\
						<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
						<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
						<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
						"""
						+ (withSst
								? "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
								: "")
						+ "</Types>"));
		parts.put("_rels/.rels",
				text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
						+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
						+ "<Relationship Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
						+ "</Relationships>"));
		parts.put("xl/workbook.xml",
				text("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel
						+ "\">" + "<sheets><sheet name=\"名簿\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
		parts
			.put("xl/_rels/workbook.xml.rels",
					text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
							+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ "<Relationship Id=\"rId1\" Type=\"" + rel
							+ "/worksheet\" Target=\"worksheets/sheet1.xml\"/>" + "<Relationship Id=\"rId2\" Type=\""
							+ rel + "/styles\" Target=\"styles.xml\"/>" + (withSst ? "<Relationship Id=\"rId3\" Type=\""
									+ rel + "/sharedStrings\" Target=\"sharedStrings.xml\"/>" : "")
							+ "</Relationships>"));
		parts.put("xl/styles.xml", text("<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"" + main + "\">"
				+ "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs>"
				+ "</styleSheet>"));
		parts.put("xl/worksheets/sheet1.xml", sheet);
	}

	/** One part's content, written to the zip as it is made. */
	interface Part {

		void write(OutputStream out) throws IOException;

	}

	private static Part text(String xml) {
		return out -> write(out, xml);
	}

	private static byte[] zip(Consumer<Map<String, Part>> content) {
		Map<String, Part> parts = new LinkedHashMap<>();
		content.accept(parts);
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
				for (var part : parts.entrySet()) {
					zip.putNextEntry(new ZipEntry(part.getKey()));
					part.getValue().write(zip);
					zip.closeEntry();
				}
			}
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void write(OutputStream out, String s) throws IOException {
		out.write(s.getBytes(StandardCharsets.UTF_8));
	}

	private static void repeat(OutputStream out, String unit, long bytes) throws IOException {
		byte[] chunk = unit.repeat(Math.max(1, 65536 / unit.length())).getBytes(StandardCharsets.UTF_8);
		for (long n = 0; n < bytes; n += chunk.length) {
			out.write(chunk);
		}
	}

	/** Katakana drawn at random: compresses to about half, so no ratio trips. */
	private static void randomKana(OutputStream out, long bytes) throws IOException {
		Random random = new Random(3);
		StringBuilder sb = new StringBuilder();
		for (long n = 0; n < bytes; n += 3) {
			sb.append((char) (0x30A1 + random.nextInt(86)));
			if (sb.length() == 8192) {
				write(out, sb.toString());
				sb.setLength(0);
			}
		}
		write(out, sb.toString());
	}

	/** The zip with one entry's uncompressed size in the central directory replaced. */
	private static byte[] declareSize(byte[] zip, String name, int declared) {
		ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
		byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
		List<Integer> found = new ArrayList<>();
		for (int p = 0; p + 46 < zip.length; p++) {
			if (b.getInt(p) == 0x02014b50 && (b.getShort(p + 28) & 0xFFFF) == wanted.length
					&& new String(zip, p + 46, wanted.length, StandardCharsets.UTF_8).equals(name)) {
				found.add(p);
			}
		}
		assertThat(found).hasSize(1);
		b.putInt(found.get(0) + 24, declared);
		return zip;
	}

	/**
	 * A head, then a pattern repeated up to a size: a large upload that needs no heap.
	 */
	private static final class PatternStream extends InputStream {

		private final byte[] head;

		private final byte[] pattern;

		private long remaining;

		private long position;

		PatternStream(byte[] head, byte[] pattern, long size) {
			this.head = head;
			this.pattern = pattern;
			this.remaining = size;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.remaining <= 0) {
				return -1;
			}
			int n = (int) Math.min(length, this.remaining);
			for (int i = 0; i < n; i++) {
				long p = this.position++;
				buffer[offset + i] = p < this.head.length ? this.head[(int) p]
						: this.pattern[(int) ((p - this.head.length) % this.pattern.length)];
			}
			this.remaining -= n;
			return n;
		}

	}

}
