// Hostile roster files for bench/hostile-rosters.sh: each must be refused by POST /api/rosters with a 400 naming the
// limit, in ≤ 2 s, with the service's heap capped at 512 MB. The large ones are streamed through a deflater, so the
// generator needs no heap either. Run with the JDK's source launcher, no build needed:
//   java bench/HostileRosters.java --out /tmp/hostile
// Writes <name>.xlsx / <name>.csv and expected.txt (file name, expected code per line).
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

public class HostileRosters {

    interface Part { void write(OutputStream out) throws IOException; }

    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    static final String HEADER = "氏名,フリガナ,生年月日,性別,郵便番号,住所,施設名,居室,手続区分,申請者区分,代理人氏名,代理人続柄,"
            + "顔認証カード希望,保険証利用申込代行,代筆,交付方法,備考";

    static Path dir;
    static final List<String> expected = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        dir = Path.of(args.length > 1 && args[0].equals("--out") ? args[1] : "hostile");
        Files.createDirectories(dir);
        String header = headerRow();

        xlsx("sst-index", "XLSX_SHARED_STRING_INDEX",
                sheet(header + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2000000000</v></c></row>"), sst("山田　花子"));
        xlsx("zzzzzz", "XLSX_CELL_REFERENCE",
                sheet(header + "<row r=\"2\"><c r=\"ZZZZZZ2\" t=\"inlineStr\"><is><t>x</t></is></c></row>"), null);
        xlsx("exponent", "XLSX_NUMBER_OUT_OF_RANGE", sheet(header + "<row r=\"2\"><c r=\"C2\"><v>1E+999999999</v></c></row>"), null);
        xlsx("tiny-date", "XLSX_NUMBER_OUT_OF_RANGE",
                sheet(header + "<row r=\"2\"><c r=\"C2\" s=\"1\"><v>1E-999999999</v></c></row>"), null);
        xlsx("string-300mb", "XLSX_SHARED_STRING_TOO_LONG",
                sheet(header + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>"), out -> {
                    write(out, "<sst xmlns=\"" + MAIN + "\"><si><t>");
                    repeat(out, "a", 300L * 1024 * 1024);
                    write(out, "</t></si></sst>");
                });
        xlsx("random-string-64mb", "XLSX_SHARED_STRING_TOO_LONG",
                sheet(header + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>"), out -> {
                    write(out, "<sst xmlns=\"" + MAIN + "\"><si><t>");
                    randomKana(out, 64L * 1024 * 1024);
                    write(out, "</t></si></sst>");
                });
        xlsx("same-strings-300mb", "XLSX_COMPRESSION_RATIO", sheet(header), out -> {
            write(out, "<sst xmlns=\"" + MAIN + "\">");
            repeat(out, "<si><t>a</t></si>", 300L * 1024 * 1024);
            write(out, "</sst>");
        });
        Part emptyRows = out -> {
            write(out, sheetHead() + header);
            repeat(out, "<row/>", 1536L * 1024 * 1024);
            write(out, "</sheetData></worksheet>");
        };
        xlsx("empty-rows-1.5gb", "XLSX_PART_TOO_LARGE", emptyRows, null);
        xlsx("empty-rows-lying", "XLSX_SIZE_MISMATCH", emptyRows, null);
        declareSize(dir.resolve("empty-rows-lying.xlsx"), "xl/worksheets/sheet1.xml", 4096);
        xlsx("empty-rows-400mb", "XLSX_COMPRESSION_RATIO", out -> {
            write(out, sheetHead() + header);
            repeat(out, "<row/>", 400L * 1024 * 1024);
            write(out, "</sheetData></worksheet>");
        }, null);
        xlsx("rows-250k", "ROSTER_TOO_MANY_ROWS", out -> {
            write(out, sheetHead() + header);
            for (int r = 2; r <= 250_001; r++) {
                write(out, "<row r=\"" + r + "\"><c r=\"A" + r + "\" t=\"inlineStr\"><is><t>名前" + r + "</t></is></c></row>");
            }
            write(out, "</sheetData></worksheet>");
        }, null);
        xlsx("columns", "ROSTER_TOO_MANY_COLUMNS",
                sheet(header + "<row r=\"2\"><c r=\"ALM2\" t=\"inlineStr\"><is><t>x</t></is></c></row>"), null);
        xlsx("many-strings", "XLSX_TOO_MANY_SHARED_STRINGS", sheet(header), out -> {
            write(out, "<sst xmlns=\"" + MAIN + "\">");
            Random random = new Random(1);
            for (int i = 0; i < 1_100_000; i++) {
                write(out, "<si><t>" + Integer.toString(random.nextInt(), 36) + "</t></si>");
            }
            write(out, "</sst>");
        });
        xlsx("attribute", "XLSX_XML_TAG_TOO_LONG", out -> {
            write(out, sheetHead() + header + "<row r=\"2\"><c r=\"A2\" x=\"");
            repeat(out, "a", 50L * 1024 * 1024);
            write(out, "\"/></row></sheetData></worksheet>");
        }, null);
        xlsx("laughs", "XLSX_XML_DTD", out -> write(out, "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol1 \"" + "&lol;".repeat(10) + "\"><!ENTITY lol2 \"" + "&lol1;".repeat(10) + "\">"
                + "<!ENTITY lol3 \"" + "&lol2;".repeat(10) + "\"><!ENTITY lol4 \"" + "&lol3;".repeat(10) + "\">"
                + "<!ENTITY lol5 \"" + "&lol4;".repeat(10) + "\"><!ENTITY lol6 \"" + "&lol5;".repeat(10) + "\">"
                + "<!ENTITY lol7 \"" + "&lol6;".repeat(10) + "\"><!ENTITY lol8 \"" + "&lol7;".repeat(10) + "\">"
                + "<!ENTITY lol9 \"" + "&lol8;".repeat(10) + "\">]>"
                + "<worksheet xmlns=\"" + MAIN + "\"><sheetData>" + header
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"), null);
        xlsx("deep", "XLSX_XML_TOO_DEEP", out -> {
            write(out, sheetHead() + header + "<row r=\"2\">");
            repeat(out, "<x>", 30L * 1024 * 1024);
            write(out, "</row></sheetData></worksheet>");
        }, null);
        zip("entries-20000", "XLSX_TOO_MANY_ENTRIES", parts -> {
            standardParts(parts, sheet(header), false);
            for (int i = 0; i < 20_000; i++) {
                parts.put("docProps/x" + i + ".bin", out -> out.write(1));
            }
        });

        csv("field-95mb", "CSV_CELL_TOO_LONG", out -> {
            write(out, HEADER + "\r\n\"");
            repeat(out, "あいうえお", 95L * 1024 * 1024);
            write(out, "\"\r\n");
        });
        csv("columns-1m", "CSV_TOO_MANY_COLUMNS", out -> {
            write(out, HEADER + "\r\n山田　花子");
            repeat(out, ",x", 2L * 1024 * 1024);
            write(out, "\r\n");
        });
        csv("rows-250k", "ROSTER_TOO_MANY_ROWS", out -> {
            write(out, HEADER + "\r\n");
            for (int r = 2; r <= 250_001; r++) {
                write(out, "名前" + r + ",メイ,1950-01-01\r\n");
            }
        });
        Files.write(dir.resolve("expected.txt"), expected);
    }

    static String headerRow() {
        StringBuilder sb = new StringBuilder("<row r=\"1\">");
        String[] names = HEADER.split(",");
        for (int c = 0; c < names.length; c++) {
            sb.append("<c r=\"").append((char) ('A' + c)).append("1\" t=\"inlineStr\"><is><t>").append(names[c])
                    .append("</t></is></c>");
        }
        return sb.append("</row>").toString();
    }

    static String sheetHead() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"" + MAIN + "\"><sheetData>";
    }

    static Part sheet(String rows) {
        return out -> write(out, sheetHead() + rows + "</sheetData></worksheet>");
    }

    static Part sst(String... strings) {
        StringBuilder sb = new StringBuilder("<sst xmlns=\"" + MAIN + "\" count=\"" + strings.length + "\">");
        for (String s : strings) {
            sb.append("<si><t>").append(s).append("</t></si>");
        }
        String xml = sb.append("</sst>").toString();
        return out -> write(out, xml);
    }

    static void xlsx(String name, String code, Part sheet, Part sst) throws IOException {
        zip(name, code, parts -> {
            standardParts(parts, sheet, sst != null);
            if (sst != null) {
                parts.put("xl/sharedStrings.xml", sst);
            }
        });
    }

    interface Content { void fill(Map<String, Part> parts); }

    static void zip(String name, String code, Content content) throws IOException {
        Map<String, Part> parts = new LinkedHashMap<>();
        content.fill(parts);
        Path file = dir.resolve(name + ".xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            for (var part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                part.getValue().write(zip);
                zip.closeEntry();
            }
        }
        expected.add(name + ".xlsx " + code);
        System.out.printf("%-28s %,14d bytes  → %s%n", name + ".xlsx", Files.size(file), code);
    }

    static void csv(String name, String code, Part content) throws IOException {
        Path file = dir.resolve(name + ".csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            content.write(out);
        }
        expected.add(name + ".csv " + code);
        System.out.printf("%-28s %,14d bytes  → %s%n", name + ".csv", Files.size(file), code);
    }

    static void standardParts(Map<String, Part> parts, Part sheet, boolean withSst) {
        parts.put("[Content_Types].xml", text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + (withSst ? "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>" : "")
                + "</Types>"));
        parts.put("_rels/.rels", text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
        parts.put("xl/workbook.xml", text("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN
                + "\" xmlns:r=\"" + REL + "\"><sheets><sheet name=\"名簿\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
        parts.put("xl/_rels/workbook.xml.rels", text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"" + REL + "/styles\" Target=\"styles.xml\"/>"
                + (withSst ? "<Relationship Id=\"rId3\" Type=\"" + REL + "/sharedStrings\" Target=\"sharedStrings.xml\"/>" : "")
                + "</Relationships>"));
        parts.put("xl/styles.xml", text("<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"" + MAIN + "\">"
                + "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>"));
        parts.put("xl/worksheets/sheet1.xml", sheet);
    }

    static Part text(String xml) {
        return out -> write(out, xml);
    }

    static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    static void repeat(OutputStream out, String unit, long bytes) throws IOException {
        byte[] chunk = unit.repeat(Math.max(1, 65536 / unit.length())).getBytes(StandardCharsets.UTF_8);
        for (long n = 0; n < bytes; n += chunk.length) {
            out.write(chunk);
        }
    }

    static void randomKana(OutputStream out, long bytes) throws IOException {
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

    /** Replaces one entry's uncompressed size in the central directory (at the end of the file). */
    static void declareSize(Path file, String name, int declared) throws IOException {
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            int tail = (int) Math.min(f.length(), 1 << 20);
            byte[] b = new byte[tail];
            f.seek(f.length() - tail);
            f.readFully(b);
            for (int p = 0; p + 46 + wanted.length <= tail; p++) {
                if (b[p] == 0x50 && b[p + 1] == 0x4b && b[p + 2] == 1 && b[p + 3] == 2
                        && ((b[p + 28] & 0xFF) | (b[p + 29] & 0xFF) << 8) == wanted.length
                        && new String(b, p + 46, wanted.length, StandardCharsets.UTF_8).equals(name)) {
                    f.seek(f.length() - tail + p + 24);
                    f.write(new byte[] { (byte) declared, (byte) (declared >> 8), (byte) (declared >> 16), (byte) (declared >> 24) });
                    return;
                }
            }
        }
        throw new IllegalStateException("no central directory entry " + name);
    }
}
