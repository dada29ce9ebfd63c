// Helpers of bench/search.sh (records search benchmark). Run with the JDK's source launcher on the classpath of the
// service's extracted jar (the application classes, Lucene, H2):
//   java -cp "$CP" bench/SearchBench.java seed    <data-dir> <out-dir> <seed>       (service stopped)
//   java -cp "$CP" bench/SearchBench.java rawread <data-dir>                        (service stopped; baseline)
//   java -cp "$CP" bench/SearchBench.java changes <data-dir> <cases>                (service stopped; catch-up)
//   java -cp "$CP" bench/SearchBench.java query   <data-dir> <out-dir> <warm-up> <queries>  (service stopped)
//   java -cp "$CP" bench/SearchBench.java http    <port> <out-dir> <warm-up> <queries> <clients>
//   java -cp "$CP" bench/SearchBench.java total   <port>                            (entries the officer sees)
// No names are printed: only counts and timings (the people are synthetic anyway).
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.JapaneseDate;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

import jp.madoguchi.search.SearchIndex;
import jp.madoguchi.search.SearchRequest;
import jp.madoguchi.search.SearchResponse;
import jp.madoguchi.search.SearchService;

public class SearchBench {

    static final String DB = "/db/madoguchi";

    /** Old forms a share of people are registered with (a different person from the plain spelling). */
    static final String[][] VARIANTS = {{"渡辺", "渡邉"}, {"渡辺", "渡邊"}, {"高橋", "髙橋"}, {"山崎", "山﨑"}, {"吉田", "𠮷田"},
            {"斎藤", "齋藤"}, {"斉藤", "齊藤"}, {"浜田", "濱田"}, {"沢田", "澤田"}, {"桜井", "櫻井"}, {"広田", "廣田"},
            {"島田", "嶋田"}, {"国分", "國分"}, {"柳田", "栁田"}, {"富田", "冨田"}, {"真田", "眞田"}};

    /** More surnames and given names than the roster generator has, so a full name is not shared by thousands. */
    static final String[][] MORE_FAMILY = {{"渡辺", "ワタナベ"}, {"高橋", "タカハシ"}, {"山崎", "ヤマザキ"}, {"吉田", "ヨシダ"},
            {"斎藤", "サイトウ"}, {"斉藤", "サイトウ"}, {"浜田", "ハマダ"}, {"沢田", "サワダ"}, {"桜井", "サクライ"}, {"広田", "ヒロタ"},
            {"島田", "シマダ"}, {"国分", "コクブ"}, {"柳田", "ヤナギダ"}, {"富田", "トミタ"}, {"真田", "サナダ"}, {"森", "モリ"},
            {"池田", "イケダ"}, {"橋本", "ハシモト"}, {"阿部", "アベ"}, {"石川", "イシカワ"}, {"前田", "マエダ"}, {"藤田", "フジタ"},
            {"後藤", "ゴトウ"}, {"小川", "オガワ"}, {"岡田", "オカダ"}, {"長谷川", "ハセガワ"}, {"村上", "ムラカミ"}, {"近藤", "コンドウ"},
            {"石井", "イシイ"}, {"坂本", "サカモト"}, {"遠藤", "エンドウ"}, {"青木", "アオキ"}, {"藤井", "フジイ"}, {"西村", "ニシムラ"},
            {"福田", "フクダ"}, {"太田", "オオタ"}, {"三浦", "ミウラ"}, {"藤原", "フジワラ"}, {"岡本", "オカモト"}, {"松田", "マツダ"},
            {"中川", "ナカガワ"}, {"中野", "ナカノ"}, {"原田", "ハラダ"}, {"小野", "オノ"}, {"大野", "オオノ"}, {"竹内", "タケウチ"},
            {"金子", "カネコ"}, {"和田", "ワダ"}, {"中山", "ナカヤマ"}, {"石田", "イシダ"}, {"上田", "ウエダ"}, {"森田", "モリタ"},
            {"原", "ハラ"}, {"柴田", "シバタ"}, {"酒井", "サカイ"}, {"工藤", "クドウ"}, {"横山", "ヨコヤマ"}, {"宮崎", "ミヤザキ"},
            {"宮本", "ミヤモト"}, {"内田", "ウチダ"}, {"高木", "タカギ"}, {"安藤", "アンドウ"}, {"谷口", "タニグチ"}, {"大西", "オオニシ"},
            {"丸山", "マルヤマ"}, {"今井", "イマイ"}, {"高田", "タカダ"}, {"藤本", "フジモト"}, {"武田", "タケダ"}, {"村田", "ムラタ"}};

    static final String[][] MORE_GIVEN = {{"ハナ", "ハナ"}, {"ミツ", "ミツ"}, {"ヨシ子", "ヨシコ"}, {"文子", "フミコ"},
            {"静子", "シズコ"}, {"恵子", "ケイコ"}, {"洋子", "ヨウコ"}, {"京子", "キョウコ"}, {"澄子", "スミコ"}, {"富子", "トミコ"},
            {"八重子", "ヤエコ"}, {"登美子", "トミコ"}, {"光子", "ミツコ"}, {"貞子", "サダコ"}, {"ふみ", "フミ"}, {"かつ", "カツ"},
            {"里子", "サトコ"}, {"昭子", "アキコ"}, {"悦子", "エツコ"}, {"房江", "フサエ"}, {"正", "タダシ"}, {"進", "ススム"},
            {"実", "ミノル"}, {"武", "タケシ"}, {"昇", "ノボル"}, {"修", "オサム"}, {"弘", "ヒロシ"}, {"豊", "ユタカ"},
            {"隆", "タカシ"}, {"誠", "マコト"}, {"勝", "マサル"}, {"健一", "ケンイチ"}, {"幸男", "ユキオ"}, {"秀夫", "ヒデオ"},
            {"昭二", "ショウジ"}, {"竜之介", "リュウノスケ"}, {"庄太郎", "ショウタロウ"}, {"雄二", "ユウジ"}, {"徳治", "トクジ"},
            {"忠雄", "タダオ"}, {"重雄", "シゲオ"}, {"寿", "ヒサシ"}, {"久雄", "ヒサオ"}, {"譲", "ユズル"}, {"守", "マモル"},
            {"治", "オサム"}, {"敏夫", "トシオ"}, {"和夫", "カズオ"}, {"孝", "タカシ"}, {"稔", "ミノル"}};

    static final String[] FORMS = {"consent", "mandate", "application"};

    static final Map<String, String> VERSIONS = Map.of("consent", "2024-12-06.1", "mandate", "2024-12-06.1",
            "application", "2023-12-12.1");

    static final String REGIONS = "[{\"page\":1,\"kind\":\"qr\",\"x\":524.4,\"y\":769.9,\"w\":48.2,\"h\":48.2},"
            + "{\"page\":1,\"kind\":\"qr\",\"x\":22.7,\"y\":22.7,\"w\":48.2,\"h\":48.2},"
            + "{\"page\":1,\"kind\":\"signature\",\"x\":340.2,\"y\":150.0,\"w\":200.0,\"h\":40.0}]";

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "seed" -> seed(Path.of(args[1]), Path.of(args[2]), Long.parseLong(args[3]));
            case "rawread" -> rawRead(Path.of(args[1]));
            case "changes" -> changes(Path.of(args[1]), Integer.parseInt(args[2]));
            case "query" -> query(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "http" -> http(Integer.parseInt(args[1]), Path.of(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "total" -> System.out.println(total(Integer.parseInt(args[1])));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static Connection db(Path data) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath() + DB + ";CACHE_SIZE=65536", "madoguchi", "");
    }

    // ---------------------------------------------------------------- seed

    /**
     * Widens the names (half the people get a name from a larger pool, a share of those an old form of the surname),
     * then gives every case but every 20th three documents (consent, mandate, application) as the forms module records
     * them; 30 % of documents were received signed (some unsigned, unclear or incomplete) and a further 5 % only
     * scanned. Nothing goes into the change log: a rebuild reads everything. Writes a sample of people for the queries.
     */
    static void seed(Path data, Path out, long seed) throws Exception {
        Random rnd = new Random(seed);
        long t0 = System.nanoTime();
        try (Connection c = db(data)) {
            c.setAutoCommit(false);
            List<long[]> cases = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id, municipality_id FROM applicant_case ORDER BY id")) {
                while (rs.next()) {
                    cases.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
            int renamed = 0;
            try (PreparedStatement up = c.prepareStatement("UPDATE applicant_case SET name = ?, reading = ? WHERE id = ?")) {
                for (long[] k : cases) {
                    if (rnd.nextInt(100) >= 50) {
                        continue;
                    }
                    String[] f = MORE_FAMILY[rnd.nextInt(MORE_FAMILY.length)];
                    String[] g = MORE_GIVEN[rnd.nextInt(MORE_GIVEN.length)];
                    String family = f[0];
                    if (rnd.nextInt(100) < 25) {
                        for (String[] v : VARIANTS) {
                            if (v[0].equals(family) && rnd.nextBoolean()) {
                                family = v[1];
                                break;
                            }
                        }
                    }
                    up.setString(1, family + "　" + g[0]);
                    up.setString(2, f[1] + "　" + g[1]);
                    up.setLong(3, k[0]);
                    up.addBatch();
                    if (++renamed % 5000 == 0) {
                        up.executeBatch();
                        c.commit();
                    }
                }
                up.executeBatch();
                c.commit();
            }
            long documents = 0, signed = 0, scanned = 0;
            OffsetDateTime base = OffsetDateTime.of(2026, 6, 1, 9, 0, 0, 0, ZoneOffset.UTC);
            try (PreparedStatement doc = c.prepareStatement("""
                    INSERT INTO case_document (municipality_id, case_id, document_id, form, template_version,
                    template_sha256, template_origin, pages, regions, created_by, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'default', 2, ?, 'clerk', ?)""");
                    PreparedStatement sig = c.prepareStatement("""
                    INSERT INTO case_signed_document (municipality_id, case_id, document_id, form, signature, complete,
                    received_at) VALUES (?, ?, ?, ?, ?, ?, ?)""");
                    PreparedStatement scan = c.prepareStatement("""
                    INSERT INTO scan_document (municipality_id, document_id, case_id, form, pages, found_pages,
                    missing_pages, duplicate_pages, signature, score, updated_at)
                    VALUES (?, ?, ?, ?, 2, ?, ?, '[]', ?, ?, ?)""")) {
                Map<String, String> sha = new HashMap<>();
                for (String f : FORMS) {
                    sha.put(f, hex(rnd, 64));
                }
                int n = 0;
                for (long[] k : cases) {
                    if (k[0] % 20 == 0) {
                        continue; // a case without documents: one entry of its own
                    }
                    OffsetDateTime generated = base.plusMinutes(rnd.nextInt(150 * 24 * 60));
                    for (String form : FORMS) {
                        String id = documentId(rnd);
                        doc.setLong(1, k[1]);
                        doc.setLong(2, k[0]);
                        doc.setString(3, id);
                        doc.setString(4, form);
                        doc.setString(5, VERSIONS.get(form));
                        doc.setString(6, sha.get(form));
                        doc.setString(7, REGIONS);
                        doc.setObject(8, generated);
                        doc.addBatch();
                        documents++;
                        int roll = rnd.nextInt(100);
                        OffsetDateTime later = generated.plusDays(3 + rnd.nextInt(40));
                        if (roll < 30) {
                            String verdict = roll < 24 ? "SIGNED" : roll < 27 ? "UNSIGNED" : "UNCLEAR";
                            boolean complete = roll != 29;
                            sig.setLong(1, k[1]);
                            sig.setLong(2, k[0]);
                            sig.setString(3, id);
                            sig.setString(4, form);
                            sig.setString(5, verdict);
                            sig.setBoolean(6, complete);
                            sig.setObject(7, later);
                            sig.addBatch();
                            signed++;
                        }
                        if (roll < 35) {
                            scan.setLong(1, k[1]);
                            scan.setString(2, id);
                            scan.setLong(3, k[0]);
                            scan.setString(4, form);
                            scan.setString(5, "[{\"scanId\":1,\"page\":" + (1 + n % 100) + ",\"documentPage\":1}]");
                            scan.setString(6, roll == 29 || roll == 34 ? "[2]" : "[]");
                            scan.setString(7, roll < 24 || roll >= 30 ? "SIGNED" : roll < 27 ? "UNSIGNED" : "UNCLEAR");
                            scan.setDouble(8, 0.9);
                            scan.setObject(9, later);
                            scan.addBatch();
                            scanned++;
                        }
                    }
                    if (++n % 2000 == 0) {
                        doc.executeBatch();
                        sig.executeBatch();
                        scan.executeBatch();
                        c.commit();
                    }
                }
                doc.executeBatch();
                sig.executeBatch();
                scan.executeBatch();
                c.commit();
            }
            long entries = documents + cases.stream().filter(k -> k[0] % 20 == 0).count();
            System.out.printf("seeded %d cases (%d renamed), %d documents (%d received signed/unsigned, %d scans): "
                    + "%d index entries expected, in %.1f s%n", cases.size(), renamed, documents, signed, scanned, entries,
                    (System.nanoTime() - t0) / 1e9);
            Files.writeString(out.resolve("expected-entries"), Long.toString(entries));
            writeSample(c, out.resolve("people.tsv"), rnd, 5000);
        }
    }

    /** A sample of people (municipality, case id, name, reading, birth date) for the query mixes. */
    static void writeSample(Connection c, Path file, Random rnd, int count) throws SQLException, IOException {
        List<String> lines = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT municipality_id, id, name, reading, birth_date FROM applicant_case ORDER BY id")) {
            int seen = 0;
            while (rs.next()) {
                String line = rs.getLong(1) + "\t" + rs.getLong(2) + "\t" + rs.getString(3) + "\t" + rs.getString(4) + "\t"
                        + rs.getObject(5, LocalDate.class);
                seen++;
                if (lines.size() < count) {
                    lines.add(line);
                }
                else {
                    int j = rnd.nextInt(seen);
                    if (j < count) {
                        lines.set(j, line);
                    }
                }
            }
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    static String documentId(Random rnd) {
        char[] alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
        long bits = rnd.nextLong();
        char[] id = new char[10];
        for (int i = 0; i < id.length; i++) {
            id[i] = alphabet[(int) (bits & 31)];
            bits >>>= 5;
        }
        return new String(id);
    }

    static String hex(Random rnd, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("0123456789abcdef".charAt(rnd.nextInt(16)));
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- baseline: the same rows read without indexing

    /**
     * Reads what a rebuild reads, in the same batches of 2,000 cases by id: the cases' columns, their documents,
     * received documents and scans (the service's IN-list look-ups), and does nothing with them.
     */
    static void rawRead(Path data) throws SQLException {
        long opening = System.nanoTime();
        long t0 = 0;
        long cases = 0, docs = 0, received = 0, scans = 0, chars = 0;
        // The service's own queries: IN lists of at most 1,000 cases on the case-first indexes (V14).
        String[] lookups = {
                "SELECT document_id, case_id, form, template_version, created_at FROM case_document WHERE case_id IN (%s) AND municipality_id = ?",
                "SELECT document_id, case_id, signature, complete, received_at FROM case_signed_document WHERE case_id IN (%s) AND municipality_id = ?",
                "SELECT document_id, case_id, missing_pages, signature, updated_at, found_pages FROM scan_document WHERE case_id IN (%s) AND municipality_id = ?" };
        try (Connection c = db(data);
                PreparedStatement batch = c.prepareStatement("""
                        SELECT id, municipality_id, roster_id, name, reading, birth_date, sex, address, facility, room,
                        workflow FROM applicant_case WHERE id > ? ORDER BY id FETCH FIRST 2000 ROWS ONLY""")) {
            t0 = System.nanoTime(); // the database open, as in the running service
            long after = 0;
            while (true) {
                batch.setLong(1, after);
                List<Long> ids = new ArrayList<>();
                long municipality = -1;
                try (ResultSet rs = batch.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        municipality = rs.getLong(2);
                        chars += rs.getString(4).length() + rs.getString(5).length();
                        rs.getObject(6, LocalDate.class);
                        rs.getString(8);
                        rs.getString(9);
                        rs.getString(10);
                        rs.getString(11);
                    }
                }
                if (ids.isEmpty()) {
                    break;
                }
                cases += ids.size();
                after = ids.get(ids.size() - 1);
                for (int k = 0; k < lookups.length; k++) {
                    for (int from = 0; from < ids.size(); from += 1000) {
                        List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
                        String sql = lookups[k].formatted(String.join(", ", Collections.nCopies(chunk.size(), "?")));
                        try (PreparedStatement p = c.prepareStatement(sql)) {
                            for (int x = 0; x < chunk.size(); x++) {
                                p.setLong(x + 1, chunk.get(x));
                            }
                            p.setLong(chunk.size() + 1, municipality);
                            try (ResultSet rs = p.executeQuery()) {
                                while (rs.next()) {
                                    chars += rs.getString(1).length();
                                    rs.getObject(5, OffsetDateTime.class);
                                    if (k == 0) {
                                        docs++;
                                    }
                                    else if (k == 1) {
                                        received++;
                                    }
                                    else {
                                        scans++;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("raw-read %.2f s: %d cases, %d documents, %d received, %d scans (%d chars); "
                + "opening the database took %.2f s more%n", (System.nanoTime() - t0) / 1e9, cases, docs, received, scans,
                chars, (t0 - opening) / 1e9);
    }

    // ---------------------------------------------------------------- catch-up: changes written while stopped

    /**
     * What the forms module writes when it generates one document for each of {@code count} cases: the document rows
     * and one CASE change per case (the module does both in one transaction per 1,000); cases that have documents
     * already, so each change adds one entry. Prints how many changes and the last sequence number.
     */
    static void changes(Path data, int count) throws SQLException {
        // A new seed per run: a second run on the same data must not repeat the first one's document ids.
        Random rnd = new Random(System.nanoTime());
        try (Connection c = db(data)) {
            c.setAutoCommit(false);
            List<long[]> cases = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id, municipality_id FROM applicant_case WHERE MOD(id, 20) <> 0 ORDER BY id FETCH FIRST " + count
                            + " ROWS ONLY")) {
                while (rs.next()) {
                    cases.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement doc = c.prepareStatement("""
                    INSERT INTO case_document (municipality_id, case_id, document_id, form, template_version,
                    template_sha256, template_origin, pages, regions, created_by, created_at)
                    VALUES (?, ?, ?, 'leaflet', '2024-12-06.1', ?, 'default', 2, ?, 'clerk', ?)""");
                    PreparedStatement change = c.prepareStatement("""
                    INSERT INTO change_log (municipality_id, kind, record_id, changed_at) VALUES (?, 'CASE', ?, ?)""")) {
                String sha = hex(rnd, 64);
                int n = 0;
                for (long[] k : cases) {
                    doc.setLong(1, k[1]);
                    doc.setLong(2, k[0]);
                    doc.setString(3, documentId(rnd));
                    doc.setString(4, sha);
                    doc.setString(5, REGIONS);
                    doc.setObject(6, now);
                    doc.addBatch();
                    change.setLong(1, k[1]);
                    change.setLong(2, k[0]);
                    change.setObject(3, now);
                    change.addBatch();
                    if (++n % 1000 == 0) {
                        doc.executeBatch();
                        change.executeBatch();
                        c.commit();
                    }
                }
                doc.executeBatch();
                change.executeBatch();
                c.commit();
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(seq) FROM change_log")) {
                rs.next();
                System.out.println(cases.size() + " " + rs.getLong(1));
            }
        }
    }

    // ---------------------------------------------------------------- the query mix

    record Person(long municipality, long caseId, String name, String reading, LocalDate birth) {
        String family() {
            return name.split("　")[0];
        }
    }

    record Query(String kind, String text, Person target) {
    }

    static List<Person> people(Path out) throws IOException {
        List<Person> people = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("people.tsv"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            people.add(new Person(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2], f[3], LocalDate.parse(f[4])));
        }
        return people;
    }

    static final String[] KINDS = {"exact", "variant", "hiragana", "half-width", "romaji", "name+date", "surname"};

    /** {@code n} queries, the kinds in turn, each of a person drawn from the sample. */
    static List<Query> mix(List<Person> people, int n, long seed) {
        Random rnd = new Random(seed);
        List<Query> queries = new ArrayList<>(n);
        while (queries.size() < n) {
            Person p = people.get(rnd.nextInt(people.size()));
            String kind = KINDS[queries.size() % KINDS.length];
            if (kind.equals("variant") && otherForm(p.name()).equals(p.name())) {
                continue; // only people whose surname has another form
            }
            String plain = p.name().replace("　", " ");
            String text = switch (kind) {
                case "exact" -> plain;
                case "variant" -> otherForm(plain);
                case "hiragana" -> hiragana(p.reading().replace("　", ""));
                case "half-width" -> halfWidth(p.reading().replace("　", ""));
                case "romaji" -> romaji(p.reading(), rnd.nextBoolean());
                case "name+date" -> plain + " " + dateText(p.birth(), rnd.nextInt(3));
                default -> p.family();
            };
            queries.add(new Query(kind, text, p));
        }
        return queries;
    }

    /** The other spelling of the surname (old form ↔ plain); the plain spelling when it has none. */
    static String otherForm(String name) {
        for (String[] v : VARIANTS) {
            if (name.startsWith(v[1])) {
                return v[0] + name.substring(v[1].length());
            }
        }
        for (String[] v : VARIANTS) {
            if (name.startsWith(v[0])) {
                return v[1] + name.substring(v[0].length());
            }
        }
        return name.replace("髙", "高").replace("﨑", "崎").replace("邉", "辺").replace("邊", "辺").replace("齋", "斎")
            .replace("𠮷", "吉").replace("濵", "浜").replace("栁", "柳").replace("實", "実").replace("與", "与")
            .replace("德", "徳");
    }

    /** The name folded the way a person would call two spellings the same (for counting a hit as right). */
    static String folded(String name) {
        String s = name.replace("　", "").replace(" ", "").replaceAll("[\\x{E0100}-\\x{E01EF}\\x{FE00}-\\x{FE0F}]", "");
        for (String[] v : VARIANTS) {
            s = s.replace(v[1], v[0]);
        }
        return otherForm(s).equals(s) ? s : s.replace("髙", "高").replace("﨑", "崎").replace("邉", "辺").replace("邊", "辺")
            .replace("齋", "斎").replace("𠮷", "吉").replace("濵", "浜").replace("栁", "柳").replace("實", "実")
            .replace("與", "与").replace("德", "徳");
    }

    static String hiragana(String katakana) {
        StringBuilder b = new StringBuilder();
        katakana.codePoints().forEach(c -> b.appendCodePoint(c >= 0x30A1 && c <= 0x30F6 ? c - 0x60 : c));
        return b.toString();
    }

    static final String FULL = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォャュョッー";

    static final String HALF = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｬｭｮｯｰ";

    static final String VOICED = "ガギグゲゴザジズゼゾダヂヅデドバビブベボ";

    static final String VOICED_BASE = "カキクケコサシスセソタチツテトハヒフヘホ";

    static final String SEMI = "パピプペポ";

    static String halfWidth(String katakana) {
        StringBuilder b = new StringBuilder();
        for (char c : katakana.toCharArray()) {
            int i;
            if ((i = FULL.indexOf(c)) >= 0) {
                b.append(HALF.charAt(i));
            }
            else if ((i = VOICED.indexOf(c)) >= 0) {
                b.append(HALF.charAt(FULL.indexOf(VOICED_BASE.charAt(i)))).append('ﾞ');
            }
            else if ((i = SEMI.indexOf(c)) >= 0) {
                b.append(HALF.charAt(FULL.indexOf("ハヒフヘホ".charAt(i)))).append('ﾟ');
            }
            else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static final Map<String, String> ROMAJI = new LinkedHashMap<>();

    static {
        String[] pairs = {"キャ kya", "キュ kyu", "キョ kyo", "シャ sha", "シュ shu", "ショ sho", "チャ cha", "チュ chu", "チョ cho",
                "ニャ nya", "ニュ nyu", "ニョ nyo", "ヒャ hya", "ヒュ hyu", "ヒョ hyo", "ミャ mya", "ミュ myu", "ミョ myo",
                "リャ rya", "リュ ryu", "リョ ryo", "ギャ gya", "ギュ gyu", "ギョ gyo", "ジャ ja", "ジュ ju", "ジョ jo",
                "ビャ bya", "ビュ byu", "ビョ byo", "ピャ pya", "ピュ pyu", "ピョ pyo", "ア a", "イ i", "ウ u", "エ e",
                "オ o", "カ ka", "キ ki", "ク ku", "ケ ke", "コ ko", "サ sa", "シ shi", "ス su", "セ se", "ソ so",
                "タ ta", "チ chi", "ツ tsu", "テ te", "ト to", "ナ na", "ニ ni", "ヌ nu", "ネ ne", "ノ no", "ハ ha",
                "ヒ hi", "フ fu", "ヘ he", "ホ ho", "マ ma", "ミ mi", "ム mu", "メ me", "モ mo", "ヤ ya", "ユ yu",
                "ヨ yo", "ラ ra", "リ ri", "ル ru", "レ re", "ロ ro", "ワ wa", "ヲ o", "ン n", "ガ ga", "ギ gi",
                "グ gu", "ゲ ge", "ゴ go", "ザ za", "ジ ji", "ズ zu", "ゼ ze", "ゾ zo", "ダ da", "ヂ ji", "ヅ zu",
                "デ de", "ド do", "バ ba", "ビ bi", "ブ bu", "ベ be", "ボ bo", "パ pa", "ピ pi", "プ pu", "ペ pe",
                "ポ po"};
        for (String p : pairs) {
            String[] kv = p.split(" ");
            ROMAJI.put(kv[0], kv[1]);
        }
    }

    /** Hepburn as a clerk types it: with the long vowel written (saitou) or dropped (saito). */
    static String romaji(String katakana, boolean dropLong) {
        StringBuilder b = new StringBuilder();
        String s = katakana.replace("　", " ");
        for (int i = 0; i < s.length();) {
            char c = s.charAt(i);
            if (c == ' ') {
                b.append(' ');
                i++;
                continue;
            }
            if (c == 'ッ' && i + 1 < s.length()) {
                String next = ROMAJI.getOrDefault(s.substring(i + 1, i + 2), "");
                b.append(next.isEmpty() ? "" : next.substring(0, 1));
                i++;
                continue;
            }
            if (c == 'ー') {
                i++;
                continue;
            }
            String two = i + 2 <= s.length() ? ROMAJI.get(s.substring(i, i + 2)) : null;
            if (two != null) {
                b.append(two);
                i += 2;
                continue;
            }
            String one = ROMAJI.get(s.substring(i, i + 1));
            if (dropLong && c == 'ウ' && b.length() > 0 && "ou".indexOf(b.charAt(b.length() - 1)) >= 0) {
                i++;
                continue;
            }
            b.append(one == null ? "" : one);
            i++;
        }
        return b.toString();
    }

    static String dateText(LocalDate d, int n) {
        JapaneseDate jd = JapaneseDate.from(d);
        int y = jd.get(ChronoField.YEAR_OF_ERA);
        String letter = jd.getEra().toString().substring(0, 1);
        String kanji = switch (letter) {
            case "M" -> "明治";
            case "T" -> "大正";
            case "S" -> "昭和";
            case "H" -> "平成";
            default -> "令和";
        };
        return switch (n) {
            case 0 -> kanji + y + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
            case 1 -> letter + y + "." + d.getMonthValue() + "." + d.getDayOfMonth();
            default -> d.toString();
        };
    }

    /** Right: the target's case on the page, or (without a date, name alone) someone with the same name and reading. */
    static boolean right(Query q, List<long[]> caseIds, List<String[]> namesReadings) {
        for (int i = 0; i < caseIds.size(); i++) {
            if (caseIds.get(i)[0] == q.target().caseId()) {
                return true;
            }
            String[] nr = namesReadings.get(i);
            if (q.kind().equals("surname")) {
                if (folded(nr[0]).startsWith(folded(q.target().family()))) {
                    return true;
                }
            }
            else if (!q.kind().equals("name+date") && folded(nr[0]).equals(folded(q.target().name()))
                    && nr[1].replace("　", "").replace(" ", "").equals(q.target().reading().replace("　", ""))) {
                return true;
            }
        }
        return false;
    }

    static void query(Path data, Path out, int warmUp, int count) throws Exception {
        List<Person> people = people(out);
        List<Query> warm = mix(people, warmUp, 1);
        List<Query> measured = mix(people, count, 2);
        StringBuilder report = new StringBuilder();
        try (SearchIndex index = SearchIndex.open(data.resolve("search-index"))) {
            SearchService service = new SearchService(index);
            for (Query q : warm) {
                service.search(q.target().municipality(), SearchRequest.text(q.text()));
            }
            Map<String, List<Long>> times = new LinkedHashMap<>();
            Map<String, int[]> found = new LinkedHashMap<>();
            for (Query q : measured) {
                long t = System.nanoTime();
                SearchResponse r = service.search(q.target().municipality(), SearchRequest.text(q.text()));
                long took = System.nanoTime() - t;
                times.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(took);
                times.computeIfAbsent("all", k -> new ArrayList<>()).add(took);
                List<long[]> ids = new ArrayList<>();
                List<String[]> nr = new ArrayList<>();
                for (SearchResponse.Hit h : r.hits()) {
                    ids.add(new long[] {h.caseId()});
                    nr.add(new String[] {h.name(), h.reading() == null ? "" : h.reading()});
                }
                count(found, q.kind(), right(q, ids, nr));
            }
            report.append(table("java-api ours", times, found));
        }
        // Baseline: a plain StandardAnalyzer index of the same entries' names, readings and birth dates.
        long t0 = System.nanoTime();
        Path plainDir = Files.createTempDirectory(out, "plain-index");
        Analyzer analyzer = new StandardAnalyzer();
        long plainEntries = 0;
        try (FSDirectory dir = FSDirectory.open(plainDir)) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(128));
                    Connection c = db(data); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("""
                            SELECT c.id, c.municipality_id, c.name, c.reading, c.birth_date, d.document_id
                            FROM applicant_case c LEFT JOIN case_document d ON d.municipality_id = c.municipality_id
                            AND d.case_id = c.id""")) {
                while (rs.next()) {
                    Document d = new Document();
                    d.add(new LongPoint("municipality", rs.getLong(2)));
                    d.add(new StoredField("case", rs.getLong(1)));
                    d.add(new TextField("name", rs.getString(3), Field.Store.YES));
                    d.add(new TextField("reading", rs.getString(4), Field.Store.YES));
                    d.add(new TextField("birth", rs.getObject(5, LocalDate.class).toString(), Field.Store.NO));
                    w.addDocument(d);
                    plainEntries++;
                }
                w.forceMerge(1);
            }
            report.append(String.format("plain index: %d entries built in %.1f s%n", plainEntries,
                    (System.nanoTime() - t0) / 1e9));
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (Query q : warm) {
                    plainSearch(searcher, analyzer, q);
                }
                Map<String, List<Long>> times = new LinkedHashMap<>();
                Map<String, int[]> found = new LinkedHashMap<>();
                for (Query q : measured) {
                    long t = System.nanoTime();
                    TopDocs top = plainSearch(searcher, analyzer, q);
                    List<long[]> ids = new ArrayList<>();
                    List<String[]> nr = new ArrayList<>();
                    if (top != null) {
                        for (ScoreDoc sd : top.scoreDocs) {
                            Document d = searcher.storedFields().document(sd.doc);
                            ids.add(new long[] {d.getField("case").numericValue().longValue()});
                            nr.add(new String[] {d.get("name"), d.get("reading")});
                        }
                    }
                    long took = System.nanoTime() - t;
                    times.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(took);
                    times.computeIfAbsent("all", k -> new ArrayList<>()).add(took);
                    count(found, q.kind(), right(q, ids, nr));
                }
                report.append(table("java-api plain StandardAnalyzer", times, found));
            }
        }
        finally {
            try (var files = Files.list(plainDir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(plainDir);
        }
        System.out.print(report);
    }

    /** The plain way: every analysed term of the text in name, reading or birth date, OR'ed; first page. */
    static TopDocs plainSearch(IndexSearcher searcher, Analyzer analyzer, Query q) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        for (String field : new String[] {"name", "reading", "birth"}) {
            try (TokenStream ts = analyzer.tokenStream(field, q.text())) {
                CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    b.add(new TermQuery(new Term(field, t.toString())), BooleanClause.Occur.SHOULD);
                    clauses++;
                }
                ts.end();
            }
        }
        if (clauses == 0) {
            return null;
        }
        BooleanQuery query = new BooleanQuery.Builder().add(b.build(), BooleanClause.Occur.MUST)
            .add(LongPoint.newExactQuery("municipality", q.target().municipality()), BooleanClause.Occur.FILTER)
            .build();
        return searcher.search(query, 20);
    }

    static void count(Map<String, int[]> found, String kind, boolean right) {
        for (String k : new String[] {kind, "all"}) {
            int[] c = found.computeIfAbsent(k, x -> new int[2]);
            c[0] += right ? 1 : 0;
            c[1]++;
        }
    }

    /** One line per kind: {@code <label> <kind> n= p50= p90= p99= max= [recall=]} (ms). */
    static String table(String label, Map<String, List<Long>> times, Map<String, int[]> found) {
        StringBuilder b = new StringBuilder();
        List<String> kinds = new ArrayList<>(times.keySet());
        kinds.remove("all");
        kinds.add("all");
        for (String kind : kinds) {
            long[] t = times.get(kind).stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(t);
            b.append(String.format("%s %-10s n=%d p50=%.3f p90=%.3f p99=%.3f max=%.3f", label, kind, t.length,
                    pct(t, 0.50), pct(t, 0.90), pct(t, 0.99), t[t.length - 1] / 1e6));
            if (found != null && found.containsKey(kind)) {
                int[] c = found.get(kind);
                b.append(String.format(" recall=%.1f%%", 100.0 * c[0] / c[1]));
            }
            b.append('\n');
        }
        return b.toString();
    }

    static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    // ---------------------------------------------------------------- HTTP

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static final String OFFICER = "Basic " + Base64.getEncoder().encodeToString("officer:demo".getBytes(StandardCharsets.UTF_8));

    static HttpResponse<String> get(int port, String q) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/search?q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).header("Authorization", OFFICER).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    /** Entries the officer's municipality has (a blank search lists everything); -1 when the service does not answer. */
    static long total(int port) {
        try {
            HttpResponse<String> r = get(port, "");
            Matcher m = TOTAL.matcher(r.body());
            return r.statusCode() == 200 && m.find() ? Long.parseLong(m.group(1)) : -1;
        }
        catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    static void http(int port, Path out, int warmUp, int count, int clients) throws Exception {
        List<Person> people = people(out);
        List<Query> warm = mix(people, warmUp, 3);
        List<Query> measured = mix(people, count, 4);
        for (Query q : warm) {
            check(get(port, q.text()));
        }
        StringBuilder report = new StringBuilder();
        Map<String, List<Long>> times = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        for (Query q : measured) {
            long t = System.nanoTime();
            check(get(port, q.text()));
            long took = System.nanoTime() - t;
            times.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(took);
            times.computeIfAbsent("all", k -> new ArrayList<>()).add(took);
        }
        report.append(table("http sequential", times, null));
        report.append(String.format("http sequential throughput %.0f q/s%n", count / ((System.nanoTime() - t0) / 1e9)));
        Map<String, List<Long>> concurrent = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<long[]>>> futures = new ArrayList<>();
        t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                List<long[]> mine = new ArrayList<>();
                for (int i = client; i < measured.size(); i += clients) {
                    long t = System.nanoTime();
                    check(get(port, measured.get(i).text()));
                    mine.add(new long[] {i, System.nanoTime() - t});
                }
                return mine;
            }));
        }
        for (Future<List<long[]>> f : futures) {
            for (long[] m : f.get()) {
                concurrent.computeIfAbsent(measured.get((int) m[0]).kind(), k -> new ArrayList<>()).add(m[1]);
                concurrent.computeIfAbsent("all", k -> new ArrayList<>()).add(m[1]);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        report.append(table("http " + clients + "-clients", concurrent, null));
        report.append(String.format("http %d-clients throughput %.0f q/s%n", clients, count / seconds));
        System.out.print(report);
    }

    static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /api/search answered " + r.statusCode());
        }
    }

}
