import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import jp.madoguchi.cases.CaseStep;
import jp.madoguchi.cases.Workflow;

/**
 * The reconciliation benchmark's data and checks (bench/reconcile.sh), on the service's own classes:
 *   seed     <jdbc-url> <user> <password> <out-dir> <day>   steps, device events and documents for every case of the
 *            database's completed rosters (a whole flow each; every 10,000th case, by position, a planted fault of one
 *            finding type), written by JDBC; the planted findings' keys into <out-dir>/expected.txt
 *   check    <jdbc-url> <user> <password> <out-dir> <day>   the day's latest run's findings against expected.txt
 *   baseline <jdbc-url> <user> <password> <day>             the same facts joined by one plain SQL query (per case:
 *            steps, device events, signed documents), streamed and classified for the unlocked temporary PIN only
 */
public class ReconcileBench {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    /** Planted faults, one per finding type (UNKNOWN_CARD_EVENT is planted as events of no case). */
    static final String[] FAULTS = {"TEMP_PIN_NOT_LOCKED", "LOCK_CONTRADICTED_BY_DEVICE", "ANNOTATED_BEFORE_LOCK",
            "HANDED_OVER_BEFORE_LOCK", "REGISTRATION_WITHOUT_CONSENT", "DEVICE_LOG_CHAIN_BROKEN", "LOCK_WITHOUT_ANNOTATION",
            "SINGLE_STAFF_REGISTRATION", "STEP_OUT_OF_ORDER", "CARD_MISMATCH", "LEAFLET_NOT_RECORDED", "STEP_LATE",
            "SUPERVISOR_EXCEPTION"};

    static final int EVERY = 10_000;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "seed" -> seed(args[1], args[2], args[3], Path.of(args[4]), LocalDate.parse(args[5]));
            case "check" -> check(args[1], args[2], args[3], Path.of(args[4]), LocalDate.parse(args[5]));
            case "baseline" -> baseline(args[1], args[2], args[3], LocalDate.parse(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    record Kase(long id, long municipality, Workflow workflow) {
    }

    static final class Writer implements AutoCloseable {
        final Connection c;
        final PreparedStatement step, event, doc, signed;
        int pending;
        long steps, events, docs, signeds;
        final Random rnd = new Random(12);

        Writer(Connection c) throws SQLException {
            this.c = c;
            step = c.prepareStatement("""
                    INSERT INTO case_step (municipality_id, case_id, step, performed_at, recorded_at, recorded_by,
                    second_staff, confirmed_at, reason, note, kind, exception_comment, lock_event_id)
                    VALUES (?, ?, ?, ?, ?, 'clerk', ?, ?, NULL, NULL, ?, NULL, ?)""");
            event = c.prepareStatement("""
                    INSERT INTO device_event (municipality_id, event_id, workstation, event_time, case_ref, operator,
                    command, outcome, card_fingerprint, prev_hash, hash, line, received_by, received_at, chain_id,
                    chunk_id, unknown_case) VALUES (?, ?, ?, ?, ?, 'staff-1', ?, ?, ?, ?, ?, ?, 'workstation', ?, ?, ?, ?)""");
            doc = c.prepareStatement("""
                    INSERT INTO case_document (municipality_id, case_id, document_id, form, template_version,
                    template_sha256, template_origin, pages, regions, created_by, created_at)
                    VALUES (?, ?, ?, ?, '2024-12-06.1', ?, 'default', 2, '[]', 'clerk', ?)""");
            signed = c.prepareStatement("""
                    INSERT INTO case_signed_document (municipality_id, case_id, document_id, form, signature, complete,
                    received_at) VALUES (?, ?, ?, ?, 'SIGNED', TRUE, ?)""");
        }

        void step(Kase k, CaseStep s, OffsetDateTime at, String kind, boolean confirmed, String lockEvent)
                throws SQLException {
            step.setLong(1, k.municipality);
            step.setLong(2, k.id);
            step.setString(3, s.name());
            step.setObject(4, at);
            step.setObject(5, at);
            boolean two = s.needsTwoStaff();
            step.setString(6, two ? "clerk2" : null);
            step.setObject(7, two && confirmed ? at.plusMinutes(1) : null);
            step.setString(8, kind);
            step.setString(9, lockEvent);
            step.addBatch();
            steps++;
            flushMaybe();
        }

        String event(long municipality, String ws, long chain, String caseRef, OffsetDateTime at, String command,
                String outcome, String card, boolean unknown) throws SQLException {
            String id = new java.util.UUID(rnd.nextLong(), rnd.nextLong()).toString();
            String hash = hex(64);
            event.setLong(1, municipality);
            event.setString(2, id);
            event.setString(3, ws);
            event.setObject(4, at);
            event.setString(5, caseRef);
            event.setString(6, command);
            event.setString(7, outcome);
            event.setString(8, card);
            event.setString(9, hex(64));
            event.setString(10, hash);
            event.setString(11, line(id, at, ws, caseRef, command, outcome, card, hash));
            event.setObject(12, at.plusMinutes(2));
            event.setLong(13, chain);
            event.setLong(14, chain);
            event.setBoolean(15, unknown);
            event.addBatch();
            events++;
            flushMaybe();
            return id;
        }

        void doc(Kase k, String form, OffsetDateTime at) throws SQLException {
            doc.setLong(1, k.municipality);
            doc.setLong(2, k.id);
            doc.setString(3, docId());
            doc.setString(4, form);
            doc.setString(5, "ab".repeat(32));
            doc.setObject(6, at);
            doc.addBatch();
            docs++;
            flushMaybe();
        }

        void signed(Kase k, String form, OffsetDateTime at) throws SQLException {
            signed.setLong(1, k.municipality);
            signed.setLong(2, k.id);
            signed.setString(3, docId());
            signed.setString(4, form);
            signed.setObject(5, at);
            signed.addBatch();
            signeds++;
            flushMaybe();
        }

        long docs0;

        String docId() {
            char[] alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
            long n = ++docs0 * 7919 + 1_000_000_000L;
            char[] id = new char[10];
            for (int i = 9; i >= 0; i--) {
                id[i] = alphabet[(int) (n % 32)];
                n /= 32;
            }
            return "R" + new String(id, 1, 9);
        }

        String hex(int n) {
            StringBuilder s = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                s.append("0123456789abcdef".charAt(rnd.nextInt(16)));
            }
            return s.toString();
        }

        /** A line as long as the adapter's (about 700 characters). */
        static String line(String id, OffsetDateTime at, String ws, String caseRef, String command, String outcome,
                String card, String hash) {
            String pin = "{\"triesLeft\":0,\"state\":\"BLOCKED\",\"sw\":\"63C0\"}";
            return "{\"eventId\":\"" + id + "\",\"time\":\"" + at + "\",\"workstation\":\"" + ws
                    + "\",\"reader\":\"Virtual PCD 00 00\",\"operator\":\"staff-1\",\"caseId\":\"" + caseRef
                    + "\",\"command\":\"" + command + "\",\"outcome\":\"" + outcome + "\",\"card\":{\"fingerprint\":\""
                    + card + "\",\"certSerial\":\"1A2B\",\"notAfter\":\"2036-11-18T10:59:10Z\",\"cardSerialHash\":null},"
                    + "\"pins\":{\"jpkiAuth\":" + pin + ",\"cardInfoInput\":" + pin + ",\"residentRegistry\":" + pin
                    + ",\"commonAp\":" + pin + ",\"jpkiSign\":{\"triesLeft\":5,\"state\":\"OK\",\"sw\":\"63C5\"}},"
                    + "\"prevHash\":\"" + "0".repeat(64) + "\",\"hash\":\"" + hash + "\"}";
        }

        void flushMaybe() throws SQLException {
            if (++pending >= 5000) {
                flush();
            }
        }

        void flush() throws SQLException {
            step.executeBatch();
            event.executeBatch();
            doc.executeBatch();
            signed.executeBatch();
            c.commit();
            pending = 0;
        }

        @Override
        public void close() throws SQLException {
            flush();
            step.close();
            event.close();
            doc.close();
            signed.close();
        }
    }

    static void seed(String url, String user, String password, Path out, LocalDate day) throws Exception {
        long t0 = System.nanoTime();
        List<String> expected = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            List<Kase> cases = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT c.id, c.municipality_id, c.workflow FROM applicant_case c JOIN case_roster r ON r.roster_id = c.roster_id
                    WHERE r.complete = TRUE ORDER BY c.id""")) {
                while (rs.next()) {
                    cases.add(new Kase(rs.getLong(1), rs.getLong(2), Workflow.valueOf(rs.getString(3))));
                }
            }
            long municipality = cases.get(0).municipality;
            // One chain (and chunk) per workstation for the day; "pc-broken"'s log was refused as edited.
            String[] workstations = new String[20];
            long[] chains = new long[workstations.length];
            for (int w = 0; w < workstations.length; w++) {
                workstations[w] = w == 0 ? "pc-broken" : "pc-" + w;
                chains[w] = chain(c, municipality, workstations[w], day);
            }
            try (PreparedStatement f = c.prepareStatement("""
                    INSERT INTO device_log_finding (municipality_id, log_file, first_line, bad_line, problem, message,
                    received_by, received_at, workstation) VALUES (?, ?, 1, 3, 'EDITED', '3行目が書き換えられています。',
                    'workstation', ?, ?)""")) {
                f.setLong(1, municipality);
                f.setString(2, "pc-broken_" + day + ".jsonl");
                f.setObject(3, day.atTime(18, 0).atZone(JAPAN).toOffsetDateTime());
                f.setString(4, "pc-broken");
                f.executeUpdate();
            }
            c.commit();
            int[] planted = new int[FAULTS.length];
            try (Writer w = new Writer(c)) {
                for (int i = 0; i < cases.size(); i++) {
                    Kase k = cases.get(i);
                    String fault = i % EVERY < FAULTS.length ? FAULTS[i % EVERY] : null;
                    if ("SINGLE_STAFF_REGISTRATION".equals(fault)
                            && k.workflow.steps().stream().noneMatch(CaseStep::needsTwoStaff)) {
                        fault = null;
                    }
                    int ws = fault != null && fault.equals("DEVICE_LOG_CHAIN_BROKEN") ? 0 : 1 + (int) (k.id % 19);
                    List<String> keys = flow(w, k, fault, day, workstations[ws], chains[ws], i);
                    if (!keys.isEmpty()) {
                        expected.addAll(keys);
                        planted[List.of(FAULTS).indexOf(fault)]++;
                    }
                }
                // Events for case numbers no case has.
                for (int u = 0; u < Math.max(1, cases.size() / EVERY); u++) {
                    String ref = "9" + (900_000_000L + u);
                    w.event(municipality, workstations[1], chains[1], ref, day.atTime(12, 0).atZone(JAPAN).toOffsetDateTime(),
                            "read", "READ", "ef".repeat(32), true);
                    expected.add("UNKNOWN_CARD_EVENT:" + ref);
                }
                System.out.printf("seeded %d cases: %d steps, %d device events, %d documents, %d signed documents; "
                        + "%d planted faults of %d types and %d unknown-case events, in %.1f s%n", cases.size(), w.steps,
                        w.events, w.docs, w.signeds, expected.size(), FAULTS.length + 1, Math.max(1, cases.size() / EVERY),
                        (System.nanoTime() - t0) / 1e9);
            }
        }
        Files.write(out.resolve("expected.txt"), new TreeSet<>(expected), StandardCharsets.UTF_8);
    }

    static long chain(Connection c, long municipality, String ws, LocalDate day) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO device_chain (municipality_id, workstation, log_day, head_hash, line_count) VALUES (?, ?, ?, NULL, 0)",
                new String[] {"id"})) {
            p.setLong(1, municipality);
            p.setString(2, ws);
            p.setObject(3, day);
            p.executeUpdate();
            try (ResultSet rs = p.getGeneratedKeys()) {
                rs.next();
                long id = rs.getLong(1);
                try (PreparedStatement k = c.prepareStatement("""
                        INSERT INTO device_chunk (id, chain_id, first_chain_line, line_count, prev_hash, last_hash,
                        shipped_by, workstation_key_id, log_file, received_at) VALUES (?, ?, 1, 0, ?, ?, 'workstation', 1, ?, ?)""")) {
                    k.setLong(1, id);
                    k.setLong(2, id);
                    k.setString(3, "0".repeat(64));
                    k.setString(4, "0".repeat(64));
                    k.setString(5, ws + "_" + day + ".jsonl");
                    k.setObject(6, OffsetDateTime.now());
                    k.executeUpdate();
                }
                return id;
            }
        }
    }

    /**
     * One case's whole flow on the day (steps five minutes apart from 09:00 plus a spread; the card read, verified
     * not locked, locked and verified locked before LOCK_ALL_PINS; the annotation on the card after it), with the
     * planted fault; returns the fault's expected finding keys (none for none).
     */
    static List<String> flow(Writer w, Kase k, String fault, LocalDate day, String ws, long chain, int i) throws SQLException {
        String f = fault == null ? "" : fault;
        OffsetDateTime t0 = day.atTime(9, 0).atZone(JAPAN).toOffsetDateTime().plusSeconds((i * 7L) % 28_800);
        if (f.equals("TEMP_PIN_NOT_LOCKED")) {
            t0 = t0.minusDays(2);
        }
        List<CaseStep> path = k.workflow.steps();
        int lockAt = path.indexOf(CaseStep.LOCK_ALL_PINS);
        String ref = Long.toString(k.id);
        String card = "ab".repeat(32);
        String otherCard = "cd".repeat(32);
        OffsetDateTime lockTime = t0.plusMinutes(5L * lockAt);
        w.event(k.municipality, ws, chain, ref, t0.plusMinutes(1), "read", "READ", card, false);
        w.event(k.municipality, ws, chain, ref, lockTime.minusMinutes(4), "verify-lock", "NOT_LOCKED", card, false);
        String locked = null;
        if (!f.equals("TEMP_PIN_NOT_LOCKED")) {
            w.event(k.municipality, ws, chain, ref, lockTime.minusMinutes(3), "lock", "LOCKED", card, false);
            locked = w.event(k.municipality, ws, chain, ref, lockTime.minusMinutes(1), "verify-lock", "LOCKED",
                    f.equals("CARD_MISMATCH") ? otherCard : card, false);
            if (!f.equals("LOCK_WITHOUT_ANNOTATION")) {
                w.event(k.municipality, ws, chain, ref, lockTime.plusMinutes(6), "record-annotation",
                        "ANNOTATION_RECORDED", card, false);
            }
        }
        if (f.equals("LOCK_CONTRADICTED_BY_DEVICE")) {
            w.event(k.municipality, ws, chain, ref, lockTime.plusMinutes(30), "verify-lock", "NOT_LOCKED", card, false);
        }
        for (int s = 0; s < path.size(); s++) {
            CaseStep step = path.get(s);
            OffsetDateTime at = t0.plusMinutes(5L * s);
            String kind = "NORMAL";
            if (f.equals("TEMP_PIN_NOT_LOCKED") && s >= lockAt) {
                break;
            }
            if (f.equals("STEP_LATE") && s == 0) {
                at = at.minusDays(4);
            }
            if (f.equals("STEP_OUT_OF_ORDER") && s == lockAt - 1) {
                at = t0.plusMinutes(5L * (s - 1)).minusMinutes(2);
            }
            if (step == CaseStep.WRITE_FACE_AUTH_REMARK && f.equals("ANNOTATED_BEFORE_LOCK")) {
                at = lockTime.minusMinutes(2);
                kind = "OUT_OF_ORDER";
            }
            if (step.handsOver() && f.equals("HANDED_OVER_BEFORE_LOCK")) {
                at = lockTime.minusMinutes(2);
                kind = "OUT_OF_ORDER";
            }
            if (s == 1 && f.equals("SUPERVISOR_EXCEPTION")) {
                kind = "OUT_OF_ORDER";
            }
            if (step == CaseStep.WRITE_FACE_AUTH_REMARK && f.equals("LOCK_WITHOUT_ANNOTATION")) {
                continue;
            }
            w.step(k, step, at, kind, !f.equals("SINGLE_STAFF_REGISTRATION"),
                    step == CaseStep.LOCK_ALL_PINS ? locked : null);
        }
        if (!f.equals("LEAFLET_NOT_RECORDED")) {
            w.doc(k, "leaflet", t0.minusDays(1));
        }
        if (!f.equals("REGISTRATION_WITHOUT_CONSENT")) {
            w.signed(k, "consent", t0.plusMinutes(2));
            if (k.workflow.name().endsWith("_PROXY")) {
                w.signed(k, k.workflow.name().startsWith("SWITCH") ? "mandate-switch" : "mandate", t0.plusMinutes(2));
            }
        }
        // A supervisor's exception is reported as one too.
        String exception = "SUPERVISOR_EXCEPTION:" + k.id + ":";
        return switch (f) {
            case "" -> List.of();
            case "DEVICE_LOG_CHAIN_BROKEN" -> List.of(f + ":" + k.id + ":" + ws + "|" + day);
            case "STEP_OUT_OF_ORDER" -> List.of(f + ":" + k.id + ":" + path.get(lockAt - 1).name());
            case "STEP_LATE" -> List.of(f + ":" + k.id + ":" + path.get(1).name());
            case "SUPERVISOR_EXCEPTION" -> List.of(exception + path.get(1).name());
            case "ANNOTATED_BEFORE_LOCK" -> List.of(f + ":" + k.id, exception + CaseStep.WRITE_FACE_AUTH_REMARK.name());
            case "HANDED_OVER_BEFORE_LOCK" -> List.of(f + ":" + k.id,
                    exception + path.stream().filter(CaseStep::handsOver).findFirst().orElseThrow().name());
            default -> List.of(f + ":" + k.id);
        };
    }

    static void check(String url, String user, String password, Path out, LocalDate day) throws Exception {
        Set<String> expected = new TreeSet<>(Files.readAllLines(out.resolve("expected.txt"), StandardCharsets.UTF_8));
        Set<String> found = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
                PreparedStatement p = c.prepareStatement("""
                        SELECT f.problem_key FROM reconcile_run_finding rf JOIN reconcile_finding f ON f.id = rf.finding_id
                        WHERE rf.run_id = (SELECT id FROM reconcile_run WHERE run_date = ? ORDER BY attempt DESC
                        FETCH FIRST 1 ROWS ONLY)""")) {
            p.setObject(1, day);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        Set<String> missed = new TreeSet<>(expected);
        missed.removeAll(found);
        Set<String> unexpected = new TreeSet<>(found);
        unexpected.removeAll(expected);
        System.out.printf("check planted=%d found=%d missed=%d unexpected=%d%n", expected.size(), found.size(),
                missed.size(), unexpected.size());
        missed.stream().limit(10).forEach(m -> System.out.println("  missed " + m));
        unexpected.stream().limit(10).forEach(m -> System.out.println("  unexpected " + m));
    }

    static void baseline(String url, String user, String password, LocalDate day) throws Exception {
        OffsetDateTime until = day.plusDays(1).atStartOfDay(JAPAN).toOffsetDateTime();
        long t0 = System.nanoTime();
        long rows = 0, unlocked = 0;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT s.case_id, s.steps, s.pin_at, e.events, e.locked_at, d.signed
                    FROM (SELECT case_id, COUNT(*) AS steps, MIN(CASE WHEN step IN ('TEMPORARY_PIN',
                              'PIN_RESET_AND_TEMPORARY_PIN') THEN performed_at END) AS pin_at
                          FROM case_step WHERE performed_at <= ? GROUP BY case_id) s
                    LEFT JOIN (SELECT case_ref, COUNT(*) AS events, MIN(CASE WHEN command = 'verify-lock'
                              AND outcome = 'LOCKED' THEN event_time END) AS locked_at
                          FROM device_event WHERE event_time <= ? GROUP BY case_ref) e
                        ON e.case_ref = CAST(s.case_id AS VARCHAR(20))
                    LEFT JOIN (SELECT case_id, COUNT(*) AS signed FROM case_signed_document GROUP BY case_id) d
                        ON d.case_id = s.case_id
                    ORDER BY s.case_id""")) {
                p.setObject(1, until);
                p.setObject(2, until);
                p.setFetchSize(1000);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        OffsetDateTime pin = rs.getObject(3, OffsetDateTime.class);
                        OffsetDateTime locked = rs.getObject(5, OffsetDateTime.class);
                        if (pin != null && (locked == null || locked.isBefore(pin)) && pin.plusHours(24).isBefore(until)) {
                            unlocked++;
                        }
                    }
                }
            }
        }
        System.out.printf("baseline %.2f s: %d cases joined with their steps, device events and signed documents by one "
                + "SQL query; %d with an unlocked temporary PIN%n", (System.nanoTime() - t0) / 1e9, rows, unlocked);
    }

}
