import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.madoguchi.storage.ContentStore;
import jp.madoguchi.storage.StagedFile;

/**
 * The disposal benchmark's data, baseline and checks (bench/disposal.sh), by JDBC with the service stopped:
 *   seed     <jdbc-url> <user> <password> <data-dir> <scale> <out-dir>   SCALE records, all created about three years
 *            back: SCALE/100 completed rosters (at least 10) with a real file each in the data directory's content
 *            store and two rejected rows each, 10 cases a roster, and generated documents (case_document) for the
 *            rest, spread over the cases. Writes the holds to place through the API (POST /api/retention/holds),
 *            a request body a line: holds.jsonl (before the proposal: a record hold on every 97th document and
 *            every 37th roster, a case hold on every 101st case) and late-holds.jsonl (after the proposal, before
 *            the approval: a record hold on every 1009th document not held yet, a case hold on one case and a record
 *            hold on one roster whose records are not held yet).
 *   baseline <jdbc-url> <user> <password> <data-dir>                     the same row work as plain SQL in one
 *            transaction (a throwaway copy): every due record not held marked disposed by one UPDATE per table, the
 *            rosters' rejected rows deleted, one tombstone each by INSERT … SELECT, commit; then the rosters' files
 *            deleted from the store
 *   check    <jdbc-url> <user> <password> <data-dir> <disposal-id>       after the approval: every held record kept
 *            (not marked, no tombstone, its file still there), every other seeded record disposed with exactly one
 *            tombstone (its file and rejected rows gone), the disposal's counts add up; exit status 1 otherwise
 */
public class DisposalBench {

    static final String CODE = "332097";

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "seed" -> seed(args[1], args[2], args[3], Path.of(args[4]), Integer.parseInt(args[5]), Path.of(args[6]));
            case "baseline" -> baseline(args[1], args[2], args[3], Path.of(args[4]));
            case "check" -> System.exit(check(args[1], args[2], args[3], Path.of(args[4]), Long.parseLong(args[5])) ? 0 : 1);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static long municipality(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM municipality WHERE code = ?")) {
            p.setString(1, CODE);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String docId(long n0) {
        char[] alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
        long n = n0 * 7919 + 1_000_000_000L;
        char[] id = new char[10];
        for (int i = 9; i >= 0; i--) {
            id[i] = alphabet[(int) (n % 32)];
            n /= 32;
        }
        return "D" + new String(id, 1, 9);
    }

    static final String[] SURNAMES = {"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"};
    static final String[] GIVEN = {"太郎", "花子", "一郎", "幸子", "健", "恵子", "誠", "明美", "浩", "裕子"};

    static void seed(String url, String user, String password, Path dataDir, int scale, Path out) throws Exception {
        long t0 = System.nanoTime();
        int rosters = Math.max(10, scale / 100);
        int cases = rosters * 10;
        int documents = scale - rosters;
        if (documents < cases) {
            throw new IllegalArgumentException("SCALE too small: " + scale);
        }
        ContentStore store = ContentStore.open(dataDir);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime base = now.minusDays(3 * 365 + 30);
        long[] rosterIds = new long[rosters];
        long[] caseIds = new long[cases];
        String[] docIds = new String[documents];
        long bytes = 0;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            long m = municipality(c);
            try (PreparedStatement roster = c.prepareStatement("""
                    INSERT INTO roster (municipality_id, file_sha256, file_name, file_size, file_format, uploaded_by,
                    uploaded_at, total_rows, accepted_rows, rejected_rows, state) VALUES (?, ?, ?, ?, 'CSV_UTF8', 'clerk', ?,
                    12, 10, 2, 'COMPLETE')""", new String[] {"id"});
                    PreparedStatement caseRoster = c.prepareStatement(
                            "INSERT INTO case_roster (roster_id, municipality_id, complete) VALUES (?, ?, TRUE)");
                    PreparedStatement error = c.prepareStatement("""
                            INSERT INTO roster_error (roster_id, row_number, column_name, cell_value, code, message)
                            VALUES (?, ?, '生年月日', ?, 'BAD_DATE', '生年月日が読めません。')""")) {
                for (int r = 0; r < rosters; r++) {
                    StringBuilder csv = new StringBuilder("氏名,フリガナ,生年月日,手続,申請者\n");
                    for (int k = 0; k < 12; k++) {
                        int j = r * 10 + k;
                        csv.append(SURNAMES[j % 10]).append('　').append(GIVEN[(j / 10) % 10]).append(',')
                                .append("カナ　").append(j).append(',')
                                .append(k < 10 ? "S" + (20 + j % 40) + "." + (1 + j % 12) + "." + (1 + j % 28) : "不明")
                                .append(",新規交付（交付時来庁）,本人\n");
                    }
                    csv.append("# roster ").append(r).append(" of the disposal benchmark\n");
                    byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
                    bytes += content.length;
                    StagedFile staged = store.stage(new ByteArrayInputStream(content));
                    String sha = store.keep(staged);
                    roster.setLong(1, m);
                    roster.setString(2, sha);
                    roster.setString(3, "roster-" + r + ".csv");
                    roster.setLong(4, content.length);
                    roster.setObject(5, base.plusMinutes(r * 17L % 40_000));
                    roster.executeUpdate();
                    try (ResultSet rs = roster.getGeneratedKeys()) {
                        rs.next();
                        rosterIds[r] = rs.getLong(1);
                    }
                    caseRoster.setLong(1, rosterIds[r]);
                    caseRoster.setLong(2, m);
                    caseRoster.addBatch();
                    for (int k = 0; k < 2; k++) {
                        error.setLong(1, rosterIds[r]);
                        error.setInt(2, 11 + k);
                        error.setString(3, "不明");
                        error.addBatch();
                    }
                }
                caseRoster.executeBatch();
                error.executeBatch();
            }
            c.commit();
            try (PreparedStatement kase = c.prepareStatement("""
                    INSERT INTO applicant_case (municipality_id, roster_id, row_number, name, reading, birth_date, sex,
                        postal_code, address, facility, room, procedure_kind, applicant_type, proxy_name, proxy_relationship,
                        wants_face_auth, wants_staff_registration, written_by_other, delivery_method, remarks, workflow,
                        person_hash, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, NULL, '7160000', '岡山県高梁市1-1', NULL, NULL, 'NEW_CARD_AT_PICKUP', 'SELF',
                        NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'NEW_CARD_AT_PICKUP_SELF', ?, ?)""",
                    new String[] {"id"})) {
                for (int j = 0; j < cases; j++) {
                    int r = j / 10;
                    kase.setLong(1, m);
                    kase.setLong(2, rosterIds[r]);
                    kase.setInt(3, j % 10 + 1);
                    kase.setString(4, SURNAMES[j % 10] + "　" + GIVEN[(j / 10) % 10]);
                    kase.setString(5, "カナ　" + j);
                    kase.setDate(6, Date.valueOf(LocalDate.of(1945 + j % 40, 1 + j % 12, 1 + j % 28)));
                    kase.setLong(7, 0x5DEECE66DL * (j + 1));
                    kase.setObject(8, base.plusMinutes(r * 17L % 40_000));
                    kase.addBatch();
                    if (j % 1000 == 999 || j == cases - 1) {
                        kase.executeBatch();
                        try (ResultSet rs = kase.getGeneratedKeys()) {
                            int first = j - j % 1000;
                            for (int k = first; rs.next(); k++) {
                                caseIds[k] = rs.getLong(1);
                            }
                        }
                    }
                }
            }
            c.commit();
            try (PreparedStatement doc = c.prepareStatement("""
                    INSERT INTO case_document (municipality_id, case_id, document_id, form, template_version,
                    template_sha256, template_origin, pages, regions, created_by, created_at)
                    VALUES (?, ?, ?, ?, '2024-12-06.1', ?, 'default', 2, ?, 'clerk', ?)""")) {
                String regions = "[{\"kind\":\"QR\",\"page\":1,\"x\":480,\"y\":760,\"w\":80,\"h\":80},"
                        + "{\"kind\":\"SIGNATURE\",\"page\":2,\"x\":60,\"y\":120,\"w\":240,\"h\":60}]";
                String[] forms = {"consent", "leaflet", "mandate"};
                for (int i = 0; i < documents; i++) {
                    int j = i % cases;
                    docIds[i] = docId(i + 1);
                    doc.setLong(1, m);
                    doc.setLong(2, caseIds[j]);
                    doc.setString(3, docIds[i]);
                    doc.setString(4, forms[i % 3]);
                    doc.setString(5, "ab".repeat(32));
                    doc.setString(6, regions);
                    doc.setObject(7, base.plusMinutes(j / 10 * 17L % 40_000 + 60));
                    doc.addBatch();
                    if (i % 5000 == 4999 || i == documents - 1) {
                        doc.executeBatch();
                        c.commit();
                    }
                }
            }
            c.commit();
        }
        // The holds, as request bodies for POST /api/retention/holds.
        Set<Integer> heldDocs = new HashSet<>();
        Set<Integer> heldCases = new HashSet<>();
        Set<Integer> heldRosters = new HashSet<>();
        int before = 0;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("holds.jsonl")))) {
            for (int i = 0; i < documents; i++) {
                if ((i + 1) % 97 == 0) {
                    hold(w, "\"recordType\":\"generated-document\",\"recordId\":\"" + docIds[i] + "\"", "苦情対応");
                    heldDocs.add(i);
                    before++;
                }
            }
            for (int r = 0; r < rosters; r++) {
                if ((r + 1) % 37 == 0) {
                    hold(w, "\"recordType\":\"roster-file\",\"recordId\":\"" + rosterIds[r] + "\"", "開示請求");
                    heldRosters.add(r);
                    before++;
                }
            }
            for (int j = 0; j < cases; j++) {
                if ((j + 1) % 101 == 0) {
                    hold(w, "\"caseId\":" + caseIds[j], "訴訟対応");
                    heldCases.add(j);
                    heldRosters.add(j / 10);
                    before++;
                }
            }
        }
        int late = 0;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("late-holds.jsonl")))) {
            for (int i = 0; i < documents; i++) {
                if ((i + 1) % 1009 == 0 && !heldDocs.contains(i) && !heldCases.contains(i % cases)) {
                    hold(w, "\"recordType\":\"generated-document\",\"recordId\":\"" + docIds[i] + "\"", "承認前の保留");
                    late++;
                }
            }
            // A case whose roster and documents are not held yet, and a roster of no held case.
            for (int j = cases / 2; j < cases; j++) {
                if (!heldRosters.contains(j / 10)) {
                    hold(w, "\"caseId\":" + caseIds[j], "承認前の保留（案件）");
                    heldRosters.add(j / 10);
                    late++;
                    break;
                }
            }
            for (int r = rosters / 3; r < rosters; r++) {
                if (!heldRosters.contains(r)) {
                    hold(w, "\"recordType\":\"roster-file\",\"recordId\":\"" + rosterIds[r] + "\"", "承認前の保留（名簿）");
                    late++;
                    break;
                }
            }
        }
        System.out.printf("seeded %d records: %d rosters with their files in the store (%d bytes) and %d cases, "
                + "%d generated documents; %d holds to place before the proposal, %d after it; in %.1f s%n",
                rosters + documents, rosters, bytes, cases, documents, before, late, (System.nanoTime() - t0) / 1e9);
    }

    /** One request body a line. */
    static void hold(PrintWriter w, String target, String reason) {
        w.println("{" + target + ",\"reason\":\"" + reason + "\"}");
    }

    /** Plain SQL, one transaction: the same records marked, their rejected rows deleted, their tombstones written. */
    static void baseline(String url, String user, String password, Path dataDir) throws Exception {
        // Whole milliseconds: the column keeps microseconds, and the statements find the rows marked by this value.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        OffsetDateTime cutoff = now.minusYears(1);
        ContentStore store = ContentStore.open(dataDir);
        int docs, rosters, errors, tombstones;
        String steps;
        List<String> files = new ArrayList<>();
        long t0;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            long m = municipality(c);
            // Scratch tables (the copy is thrown away) for the held records' keys, filled in the timed part.
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_held_document (document_id CHAR(10) PRIMARY KEY)");
                s.execute("CREATE TABLE bench_held_roster (id BIGINT PRIMARY KEY)");
            }
            c.setAutoCommit(false);
            t0 = System.nanoTime();
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO bench_held_document (document_id)
                    SELECT record_id FROM legal_hold WHERE municipality_id = ? AND record_type = 'generated-document'
                        AND released_at IS NULL
                    UNION SELECT d.document_id FROM case_document d JOIN legal_hold h ON h.case_id = d.case_id
                        WHERE h.municipality_id = ? AND h.released_at IS NULL""")) {
                p.setLong(1, m);
                p.setLong(2, m);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("""
                    UPDATE case_document SET disposed_at = ? WHERE municipality_id = ? AND disposed_at IS NULL
                    AND created_at <= ?
                    AND NOT EXISTS (SELECT 1 FROM bench_held_document h WHERE h.document_id = case_document.document_id)""")) {
                p.setObject(1, now);
                p.setLong(2, m);
                p.setObject(3, cutoff);
                docs = p.executeUpdate();
            }
            long t1 = System.nanoTime();
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO bench_held_roster (id)
                    SELECT CAST(record_id AS BIGINT) FROM legal_hold WHERE municipality_id = ?
                        AND record_type = 'roster-file' AND released_at IS NULL
                    UNION SELECT a.roster_id FROM applicant_case a JOIN legal_hold h ON h.case_id = a.id
                        WHERE h.municipality_id = ? AND h.released_at IS NULL""")) {
                p.setLong(1, m);
                p.setLong(2, m);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("""
                    UPDATE roster SET disposed_at = ? WHERE municipality_id = ? AND disposed_at IS NULL AND state = 'COMPLETE'
                    AND uploaded_at <= ?
                    AND NOT EXISTS (SELECT 1 FROM bench_held_roster h WHERE h.id = roster.id)""")) {
                p.setObject(1, now);
                p.setLong(2, m);
                p.setObject(3, cutoff);
                rosters = p.executeUpdate();
            }
            long t2 = System.nanoTime();
            try (PreparedStatement p = c.prepareStatement(
                    "DELETE FROM roster_error WHERE roster_id IN (SELECT id FROM roster WHERE disposed_at = ?)")) {
                p.setObject(1, now);
                errors = p.executeUpdate();
            }
            String insert = """
                    INSERT INTO tombstone (municipality_id, disposal_id, record_type, record_id, sha256, created_at,
                        retention, kept_from, due_on, proposed_by, proposed_at, approved_by, approved_at, disposed_at)
                    SELECT municipality_id, -1, '%s', %s, %s, %s, '1 CREATED', CAST(%s AS DATE), CAST(%s AS DATE),
                        'officer', ?, 'admin', ?, disposed_at
                    FROM %s WHERE disposed_at = ?""";
            tombstones = 0;
            for (String sql : List.of(
                    insert.formatted("generated-document", "document_id", "template_sha256", "created_at", "created_at",
                            "created_at", "case_document"),
                    insert.formatted("roster-file", "CAST(id AS VARCHAR(20))", "file_sha256", "uploaded_at", "uploaded_at",
                            "uploaded_at", "roster"))) {
                try (PreparedStatement p = c.prepareStatement(sql)) {
                    p.setObject(1, now);
                    p.setObject(2, now);
                    p.setObject(3, now);
                    tombstones += p.executeUpdate();
                }
            }
            long t3 = System.nanoTime();
            steps = "documents %.2f s, rosters %.2f s, rejected rows and tombstones %.2f s".formatted((t1 - t0) / 1e9,
                    (t2 - t1) / 1e9, (t3 - t2) / 1e9);
            try (PreparedStatement p = c.prepareStatement("SELECT file_sha256 FROM roster WHERE disposed_at = ?")) {
                p.setObject(1, now);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        files.add(rs.getString(1));
                    }
                }
            }
            c.commit();
        }
        for (String sha : files) {
            store.delete(sha);
        }
        System.out.printf("baseline %.2f s: plain SQL in one transaction, %d documents and %d rosters marked disposed, "
                + "%d rejected rows deleted, %d tombstones inserted, %d files deleted (%s)%n",
                (System.nanoTime() - t0) / 1e9, docs, rosters, errors, tombstones, files.size(), steps);
    }

    record Rec(String type, String id, long caseId, String sha, boolean disposed) {
    }

    static boolean check(String url, String user, String password, Path dataDir, long disposalId) throws Exception {
        ContentStore store = ContentStore.open(dataDir);
        List<String> problems = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            long m = municipality(c);
            Set<String> recordHolds = new HashSet<>();
            Set<Long> caseHolds = new HashSet<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT record_type, record_id, case_id FROM legal_hold WHERE released_at IS NULL AND municipality_id = " + m)) {
                while (rs.next()) {
                    if (rs.getString(1) != null) {
                        recordHolds.add(rs.getString(1) + "|" + rs.getString(2));
                    }
                    else {
                        caseHolds.add(rs.getLong(3));
                    }
                }
            }
            Map<Long, Set<Long>> casesOfRoster = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT roster_id, id FROM applicant_case WHERE municipality_id = " + m)) {
                while (rs.next()) {
                    casesOfRoster.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                }
            }
            Map<String, Integer> tombstones = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT record_type, record_id, disposal_id FROM tombstone WHERE municipality_id = " + m)) {
                while (rs.next()) {
                    if (rs.getLong(3) != disposalId) {
                        problems.add("a tombstone of another disposal: " + rs.getString(1) + " " + rs.getString(2));
                    }
                    tombstones.merge(rs.getString(1) + "|" + rs.getString(2), 1, Integer::sum);
                }
            }
            Set<Long> rostersWithErrors = new HashSet<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT roster_id FROM roster_error")) {
                while (rs.next()) {
                    rostersWithErrors.add(rs.getLong(1));
                }
            }
            List<Rec> records = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT document_id, case_id, disposed_at FROM case_document WHERE municipality_id = " + m)) {
                while (rs.next()) {
                    records.add(new Rec("generated-document", rs.getString(1), rs.getLong(2), null, rs.getObject(3) != null));
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id, file_sha256, disposed_at FROM roster WHERE state = 'COMPLETE' AND municipality_id = " + m)) {
                while (rs.next()) {
                    records.add(new Rec("roster-file", Long.toString(rs.getLong(1)), -1, rs.getString(2), rs.getObject(3) != null));
                }
            }
            int held = 0, disposed = 0, filesKept = 0, filesGone = 0;
            for (Rec r : records) {
                String key = r.type + "|" + r.id;
                boolean isHeld = recordHolds.contains(key) || (r.caseId >= 0 ? caseHolds.contains(r.caseId)
                        : casesOfRoster.getOrDefault(Long.parseLong(r.id), Set.of()).stream().anyMatch(caseHolds::contains));
                int t = tombstones.getOrDefault(key, 0);
                boolean file = r.sha != null && store.find(r.sha).isPresent();
                if (isHeld) {
                    held++;
                    if (r.disposed) {
                        problems.add("held but disposed: " + key);
                    }
                    if (t != 0) {
                        problems.add("held but with a tombstone: " + key);
                    }
                    if (r.sha != null) {
                        if (file) {
                            filesKept++;
                        }
                        else {
                            problems.add("held but its file is gone: " + key);
                        }
                        if (!rostersWithErrors.contains(Long.parseLong(r.id))) {
                            problems.add("held but its rejected rows are gone: " + key);
                        }
                    }
                }
                else {
                    disposed++;
                    if (!r.disposed) {
                        problems.add("due, not held, but not disposed: " + key);
                    }
                    if (t != 1) {
                        problems.add("disposed with " + t + " tombstones: " + key);
                    }
                    if (r.sha != null) {
                        if (file) {
                            problems.add("disposed but its file is still stored: " + key);
                        }
                        else {
                            filesGone++;
                        }
                        if (rostersWithErrors.contains(Long.parseLong(r.id))) {
                            problems.add("disposed but its rejected rows are still there: " + key);
                        }
                    }
                }
            }
            if (tombstones.size() != disposed || tombstones.values().stream().mapToInt(Integer::intValue).sum() != disposed) {
                problems.add("tombstones " + tombstones.size() + " for " + disposed + " records disposed");
            }
            // The disposal: its counts, and its items' states.
            String state;
            int recordCount, disposedCount, heldCount;
            OffsetDateTime proposedAt;
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT state, record_count, disposed_count, held_count, proposed_at FROM disposal WHERE id = ?")) {
                p.setLong(1, disposalId);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    state = rs.getString(1);
                    recordCount = rs.getInt(2);
                    disposedCount = rs.getInt(3);
                    heldCount = rs.getInt(4);
                    proposedAt = rs.getObject(5, OffsetDateTime.class);
                }
            }
            Map<String, Integer> items = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT state, COUNT(*) FROM disposal_item WHERE disposal_id = ? GROUP BY state")) {
                p.setLong(1, disposalId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        items.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            int lateHolds;
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT COUNT(*) FROM legal_hold WHERE municipality_id = ? AND placed_at > ?")) {
                p.setLong(1, m);
                p.setObject(2, proposedAt);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    lateHolds = rs.getInt(1);
                }
            }
            if (!"COMPLETED".equals(state)) {
                problems.add("disposal state " + state);
            }
            if (disposedCount + heldCount != recordCount) {
                problems.add("disposed " + disposedCount + " + held " + heldCount + " != records " + recordCount);
            }
            if (disposedCount != disposed) {
                problems.add("the disposal says " + disposedCount + " disposed, the tables " + disposed);
            }
            if (recordCount != disposed + heldCount || held < heldCount) {
                problems.add("records proposed " + recordCount + ", disposed " + disposed + ", held " + heldCount
                        + " of " + held + " held records");
            }
            if (items.getOrDefault("DISPOSED", 0) != disposedCount || items.getOrDefault("HELD", 0) != heldCount
                    || items.getOrDefault("PENDING", 0) != 0) {
                problems.add("disposal items " + items);
            }
            if (lateHolds > 0 && heldCount == 0) {
                problems.add(lateHolds + " holds placed after the proposal, but nothing listed was held");
            }
            String verdict = problems.isEmpty() ? "ok" : "FAILED";
            System.out.printf("check %s: %d records (%d held, %d disposed), disposal %d %s: records %d = disposed %d + "
                    + "held %d (%d holds placed after the proposal); tombstones %d; roster files kept %d, deleted %d; "
                    + "%d problems%n", verdict, records.size(), held, disposed, disposalId, state, recordCount,
                    disposedCount, heldCount, lateHolds, tombstones.size(), filesKept, filesGone, problems.size());
            problems.stream().limit(20).forEach(p -> System.out.println("  " + p));
        }
        return problems.isEmpty();
    }

}
