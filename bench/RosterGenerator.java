// Synthetic applicant rosters (申請者名簿) for benchmarks: realistic Japanese names with readings (old-form and
// non-BMP characters included), birth dates weighted toward the elderly, addresses, facilities and rooms.
// Run with the JDK's source launcher, no build needed:
//   java bench/RosterGenerator.java --rows 100000 --seed 1 --out /tmp/roster.csv [--sjis] [--invalid-dates] [--xlsx]
//        [--variant N]
// --xlsx writes the same rows as an Excel workbook the way Excel saves one: shared strings, birth dates as date
// serials in the built-in date format 14, rooms as numbers in General.
// --variant N (N > 0) writes the same people as variant 0 of the seed (name, birth date, address unchanged) in another
// facility wing, so each variant is a distinct file of people already on file (re-import benchmarks).
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

public class RosterGenerator {

    // family name, reading; old forms and a non-BMP 𠮷 appear as often as they do in real rosters (rarely).
    static final String[][] FAMILY = {
            {"佐藤", "サトウ"}, {"鈴木", "スズキ"}, {"高橋", "タカハシ"}, {"田中", "タナカ"}, {"伊藤", "イトウ"},
            {"渡辺", "ワタナベ"}, {"山本", "ヤマモト"}, {"中村", "ナカムラ"}, {"小林", "コバヤシ"}, {"加藤", "カトウ"},
            {"吉田", "ヨシダ"}, {"山田", "ヤマダ"}, {"佐々木", "ササキ"}, {"山口", "ヤマグチ"}, {"松本", "マツモト"},
            {"井上", "イノウエ"}, {"木村", "キムラ"}, {"林", "ハヤシ"}, {"斎藤", "サイトウ"}, {"清水", "シミズ"},
            {"髙橋", "タカハシ"}, {"山﨑", "ヤマザキ"}, {"渡邉", "ワタナベ"}, {"渡邊", "ワタナベ"}, {"齋藤", "サイトウ"},
            {"𠮷田", "ヨシダ"}, {"葛\uDB40\uDD00城", "カツラギ"}, {"辻\uDB40\uDD00", "ツジ"}, {"濵田", "ハマダ"}, {"栁田", "ヤナギダ"}};
    static final String[][] GIVEN_F = {
            {"ハル", "ハル"}, {"キヨ", "キヨ"}, {"花子", "ハナコ"}, {"和子", "カズコ"}, {"幸子", "サチコ"},
            {"節子", "セツコ"}, {"久子", "ヒサコ"}, {"美代子", "ミヨコ"}, {"トシ子", "トシコ"}, {"千代", "チヨ"}};
    static final String[][] GIVEN_M = {
            {"清", "キヨシ"}, {"茂", "シゲル"}, {"勇", "イサム"}, {"正雄", "マサオ"}, {"一郎", "イチロウ"},
            {"三郎", "サブロウ"}, {"博", "ヒロシ"}, {"實", "ミノル"}, {"與一", "ヨイチ"}, {"德治", "トクジ"}};
    static final String[] TOWNS = {"中原町", "原田北町", "松原通", "落合町阿部", "成羽町下原", "川上町地頭", "備中町長屋"};
    static final String[] FACILITIES = {"あおぞらホーム", "特別養護老人ホーム高梁荘", "グループホームひまわり", "ケアハウス成羽",
            "介護老人保健施設やすらぎ", "サービス付き高齢者向け住宅 みどり"};
    static final String[] PROCEDURES = {"出張申請受付", "出張申請受付", "出張申請受付", "新規交付（申請時来庁）",
            "新規交付（交付時来庁）", "設定切替", "電子証明書発行・更新"};
    static final String[] RELATIONS = {"長男", "長女", "次男", "配偶者", "施設職員", "成年後見人"};
    static final String HEADER = "氏名,フリガナ,生年月日,性別,郵便番号,住所,施設名,居室,手続区分,申請者区分,代理人氏名,代理人続柄,"
            + "顔認証カード希望,保険証利用申込代行,代筆,交付方法,備考";

    public static void main(String[] args) throws IOException {
        int rows = 100_000;
        long seed = 1;
        Path out = Path.of("roster.csv");
        boolean sjis = false;
        boolean invalidDates = false;
        boolean xlsx = false;
        int variant = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--sjis" -> sjis = true;
                case "--invalid-dates" -> invalidDates = true;
                case "--xlsx" -> xlsx = true;
                case "--variant" -> variant = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Random rnd = new Random(seed);
        Charset cs = sjis ? Charset.forName("windows-31j") : StandardCharsets.UTF_8;
        LocalDate today = LocalDate.of(2026, 11, 1);
        try (Sink w = xlsx ? new XlsxSink(out) : new CsvSink(Files.newBufferedWriter(out, cs))) {
            w.row(HEADER.split(","), null);
            for (int i = 0; i < rows; i++) {
                String[] family = FAMILY[pickFamily(rnd, sjis)];
                boolean female = rnd.nextInt(100) < 62; // more women among the very old
                String[] given = (female ? GIVEN_F : GIVEN_M)[rnd.nextInt(10)];
                // Ages: most between 75 and 100, some younger residents and staff-registered adults.
                int age = rnd.nextInt(100) < 80 ? 75 + (int) Math.min(27, Math.abs(rnd.nextGaussian() * 9))
                        : 20 + rnd.nextInt(55);
                LocalDate birth = today.minusYears(age).minusDays(rnd.nextInt(365));
                String birthText = invalidDates ? "昭和64年1月8日" : formatBirth(birth, rnd);
                String facility = FACILITIES[rnd.nextInt(FACILITIES.length)] + (variant > 0 ? " 第" + variant + "棟" : "");
                boolean proxy = rnd.nextInt(100) < 30;
                String proxyName = proxy ? FAMILY[rnd.nextInt(20)][0] + "　" + GIVEN_M[rnd.nextInt(10)][0] : "";
                String relation = proxy ? RELATIONS[rnd.nextInt(RELATIONS.length)] : "";
                String delivery = proxy ? "代理人" : rnd.nextBoolean() ? "本人限定受取郵便" : "窓口";
                String[] cells = {family[0] + "　" + given[0], family[1] + "　" + given[1], birthText, female ? "女" : "男",
                        String.format("716-%04d", rnd.nextInt(10000)),
                        "岡山県高梁市" + TOWNS[rnd.nextInt(TOWNS.length)] + (1 + rnd.nextInt(3000)) + "番地" + (i % 97),
                        facility, Integer.toString(100 + rnd.nextInt(300)), PROCEDURES[rnd.nextInt(PROCEDURES.length)],
                        proxy ? "代理人" : "本人", proxyName, relation, "はい", rnd.nextInt(10) < 9 ? "はい" : "いいえ",
                        rnd.nextInt(10) == 0 ? "○" : "×", delivery, rnd.nextInt(20) == 0 ? "車椅子、午前希望" : ""};
                cells[15] = deliveryFor(cells[8], delivery);
                w.row(cells, invalidDates ? null : birth);
            }
        }
    }

    /**
     * The hand-over the procedure's workflow allows (the roster refuses any other): a card applied for in person or
     * at outreach intake is posted; the others are handed over at the office, to the person or the proxy. Decided
     * after the random draws, so the same seed still gives the same people.
     */
    static String deliveryFor(String procedure, String drawn) {
        if (procedure.equals("出張申請受付") || procedure.equals("新規交付（申請時来庁）")) {
            return "本人限定受取郵便";
        }
        return drawn.equals("本人限定受取郵便") ? "窓口" : drawn;
    }

    /** Old forms, variation sequences and 𠮷 can't be written in Shift_JIS: a CP932 roster uses only the first 25. */
    static int pickFamily(Random rnd, boolean sjis) {
        int roll = rnd.nextInt(1000);
        if (roll < 920 || sjis) {
            return rnd.nextInt(sjis ? 25 : 20);
        }
        return 20 + rnd.nextInt(10);
    }

    static String formatBirth(LocalDate d, Random rnd) {
        JapaneseDate jd = JapaneseDate.from(d);
        int y = jd.get(java.time.temporal.ChronoField.YEAR_OF_ERA);
        String era = jd.getEra().toString(); // Showa, Taisho, …
        String letter = era.substring(0, 1);
        String kanji = switch (letter) { case "M" -> "明治"; case "T" -> "大正"; case "S" -> "昭和"; case "H" -> "平成"; default -> "令和"; };
        return switch (rnd.nextInt(4)) {
            case 0 -> d.toString();
            case 1 -> d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth();
            case 2 -> kanji + (y == 1 ? "元" : Integer.toString(y)) + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
            default -> letter + y + "." + d.getMonthValue() + "." + d.getDayOfMonth();
        };
    }

    interface Sink extends AutoCloseable {
        /** One row; birth, when given, is the date the third cell shows. */
        void row(String[] cells, LocalDate birth) throws IOException;

        @Override
        void close() throws IOException;
    }

    record CsvSink(BufferedWriter w) implements Sink {
        public void row(String[] cells, LocalDate birth) throws IOException { w.write(csvLine(cells)); }
        public void close() throws IOException { w.close(); }
    }

    /** A workbook as Excel writes it, the sheet streamed, the shared strings written at the end. */
    static final class XlsxSink implements Sink {
        final ZipOutputStream zip;
        final Writer sheet;
        final Map<String, Integer> strings = new HashMap<>();
        final List<String> order = new ArrayList<>();
        int rowNumber;
        int references;

        XlsxSink(Path out) throws IOException {
            zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(out), 1 << 16));
            sheet = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            part("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
                </Types>""");
            part("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                </Relationships>""");
            part("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                <workbookPr/><sheets><sheet name="名簿" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            part("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
                <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
                </Relationships>""");
            part("xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                <fonts count="1"><font><sz val="11"/><name val="游ゴシック"/></font></fonts>
                <fills count="1"><fill><patternFill patternType="none"/></fill></fills>
                <borders count="1"><border/></borders>
                <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
                <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
                </styleSheet>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            sheet.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        }

        void part(String name, String xml) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(xml.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        public void row(String[] cells, LocalDate birth) throws IOException {
            rowNumber++;
            StringBuilder sb = new StringBuilder(600).append("<row r=\"").append(rowNumber).append("\">");
            for (int i = 0; i < cells.length; i++) {
                String c = cells[i];
                if (c.isEmpty()) continue;
                String ref = (char) ('A' + i) + Integer.toString(rowNumber);
                if (i == 2 && birth != null) {
                    long serial = ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), birth);
                    sb.append("<c r=\"").append(ref).append("\" s=\"1\"><v>").append(serial).append("</v></c>");
                } else if (i == 7 && rowNumber > 1 && c.chars().allMatch(Character::isDigit)) {
                    sb.append("<c r=\"").append(ref).append("\"><v>").append(c).append("</v></c>");
                } else {
                    Integer index = strings.get(c);
                    if (index == null) {
                        index = order.size();
                        strings.put(c, index);
                        order.add(c);
                    }
                    references++;
                    sb.append("<c r=\"").append(ref).append("\" t=\"s\"><v>").append(index).append("</v></c>");
                }
            }
            sheet.write(sb.append("</row>").toString());
        }

        public void close() throws IOException {
            sheet.write("</sheetData></worksheet>");
            sheet.flush();
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            sheet.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\""
                    + references + "\" uniqueCount=\"" + order.size() + "\">");
            for (String s : order) {
                sheet.write("<si><t xml:space=\"preserve\">" + s.replace("&", "&amp;").replace("<", "&lt;") + "</t></si>");
            }
            sheet.write("</sst>");
            sheet.flush();
            zip.closeEntry();
            zip.close();
        }
    }

    static String csvLine(String[] cells) {
        StringBuilder sb = new StringBuilder(160);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) sb.append(',');
            String c = cells[i];
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0) sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            else sb.append(c);
        }
        return sb.append("\r\n").toString();
    }
}
