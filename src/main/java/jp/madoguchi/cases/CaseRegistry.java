package jp.madoguchi.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Creates cases from roster rows and lists them; every query is scoped to one municipality. */
@Service
public class CaseRegistry {

    private static final String INSERT = """
            INSERT INTO applicant_case (municipality_id, roster_id, row_number, name, reading, birth_date, sex,
                postal_code, address, facility, room, procedure_kind, applicant_type, proxy_name, proxy_relationship,
                wants_face_auth, wants_staff_registration, written_by_other, delivery_method, remarks, workflow,
                person_key, possible_duplicate, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)""";

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    CaseRegistry(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    /** Opens a writer that inserts cases in batches; the caller's transaction decides whether they stay. */
    public CaseWriter writer(long municipalityId, long rosterId) {
        return new CaseWriter(municipalityId, rosterId);
    }

    /**
     * Flags every case of the roster whose person (name, birth date, address) appears more than once in the
     * municipality — twice in this roster or already in another — and the earlier cases too.
     *
     * @return how many cases of this roster are flagged
     */
    public int flagPossibleDuplicates(long municipalityId, long rosterId) {
        jdbc.sql("""
                UPDATE applicant_case SET possible_duplicate = TRUE
                WHERE municipality_id = ? AND person_key IN (
                    SELECT c.person_key FROM applicant_case c
                    WHERE c.municipality_id = ? AND c.person_key IN (
                        SELECT person_key FROM applicant_case WHERE roster_id = ?)
                    GROUP BY c.person_key HAVING COUNT(*) > 1)""")
                .params(municipalityId, municipalityId, rosterId)
                .update();
        return jdbc.sql("SELECT COUNT(*) FROM applicant_case WHERE roster_id = ? AND possible_duplicate = TRUE")
                .param(rosterId).query(Integer.class).single();
    }

    public List<CaseSummary> casesOfRoster(long municipalityId, long rosterId) {
        return jdbc.sql("""
                SELECT id, row_number, name, reading, birth_date, facility, room, workflow, applicant_type,
                       possible_duplicate
                FROM applicant_case WHERE municipality_id = ? AND roster_id = ?
                ORDER BY facility NULLS FIRST, room NULLS FIRST, reading, id""")
                .params(municipalityId, rosterId)
                .query((rs, n) -> {
                    Workflow workflow = Workflow.valueOf(rs.getString("workflow"));
                    return new CaseSummary(rs.getLong("id"), rs.getInt("row_number"), rs.getString("name"),
                            rs.getString("reading"), rs.getObject("birth_date", java.time.LocalDate.class),
                            rs.getString("facility"), rs.getString("room"), workflow,
                            ApplicantType.valueOf(rs.getString("applicant_type")), workflow.steps().get(0),
                            rs.getBoolean("possible_duplicate"));
                })
                .list();
    }

    static String personKey(Applicant a) {
        String key = compact(a.name()) + '\u0000' + a.birthDate() + '\u0000' + (a.address() == null ? "" : compact(a.address()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Spacing and character width vary between rosters of the same person; they do not make a different person. */
    private static String compact(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s", "");
    }

    /** Buffers cases and writes them with JDBC batches, so a 100,000-row roster needs no more memory than a batch. */
    public final class CaseWriter implements AutoCloseable {

        private static final int BATCH = 1000;
        private final long municipalityId;
        private final long rosterId;
        private final List<Applicant> buffer = new ArrayList<>(BATCH);
        private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        private int written;

        private CaseWriter(long municipalityId, long rosterId) {
            this.municipalityId = municipalityId;
            this.rosterId = rosterId;
        }

        public void add(Applicant applicant) {
            buffer.add(applicant);
            if (buffer.size() == BATCH) {
                flush();
            }
        }

        public int written() {
            return written;
        }

        private void flush() {
            if (buffer.isEmpty()) {
                return;
            }
            jdbcTemplate.batchUpdate(INSERT, buffer, buffer.size(), this::bind);
            written += buffer.size();
            buffer.clear();
        }

        private void bind(PreparedStatement ps, Applicant a) throws SQLException {
            int i = 1;
            ps.setLong(i++, municipalityId);
            ps.setLong(i++, rosterId);
            ps.setInt(i++, a.rowNumber());
            ps.setString(i++, a.name());
            ps.setString(i++, a.reading());
            ps.setDate(i++, Date.valueOf(a.birthDate()));
            ps.setString(i++, a.sex());
            ps.setString(i++, a.postalCode());
            ps.setString(i++, a.address());
            ps.setString(i++, a.facility());
            ps.setString(i++, a.room());
            ps.setString(i++, a.procedureKind().name());
            ps.setString(i++, a.applicantType().name());
            ps.setString(i++, a.proxyName());
            ps.setString(i++, a.proxyRelationship());
            setBoolean(ps, i++, a.wantsFaceAuth());
            setBoolean(ps, i++, a.wantsStaffRegistration());
            setBoolean(ps, i++, a.writtenByOther());
            ps.setString(i++, a.deliveryMethod() == null ? null : a.deliveryMethod().name());
            ps.setString(i++, a.remarks());
            ps.setString(i++, a.workflow().name());
            ps.setString(i++, personKey(a));
            ps.setObject(i, now);
        }

        private static void setBoolean(PreparedStatement ps, int index, Boolean value) throws SQLException {
            if (value == null) {
                ps.setNull(index, Types.BOOLEAN);
            } else {
                ps.setBoolean(index, value);
            }
        }

        /** Writes what is still buffered. */
        @Override
        public void close() {
            flush();
        }
    }
}
