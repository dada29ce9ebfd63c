package jp.madoguchi.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import jp.madoguchi.japanese.JapaneseText;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates cases from roster rows and lists them; every query is scoped to one
 * municipality.
 */
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

	private final TransactionTemplate transaction;

	CaseRegistry(JdbcTemplate jdbcTemplate, JdbcClient jdbc, TransactionTemplate transaction) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	/**
	 * Opens a writer that inserts a roster's cases in batches of 1,000, each committed on
	 * its own: one transaction of 100,000 rows is several times slower to commit on H2.
	 * The roster stays invisible until its owner completes it, so readers still see all
	 * rows or none. The writer also finds possible duplicates: the same person (name,
	 * birth date, address) twice in the roster or already in another roster of the
	 * municipality.
	 */
	public CaseWriter writer(long municipalityId, long rosterId) {
		return new CaseWriter(municipalityId, rosterId);
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
						rs.getString("reading"), rs.getObject("birth_date", LocalDate.class), rs.getString("facility"),
						rs.getString("room"), workflow, ApplicantType.valueOf(rs.getString("applicant_type")),
						workflow.steps().get(0), rs.getBoolean("possible_duplicate"));
			})
			.list();
	}

	private static final String DETAIL = """
			SELECT c.* FROM applicant_case c JOIN roster r ON r.id = c.roster_id AND r.state = 'COMPLETE'
			WHERE c.municipality_id = ?""";

	/** A case of a completed roster of the municipality, or empty. */
	public Optional<CaseDetail> find(long municipalityId, long caseId) {
		return jdbc.sql(DETAIL + " AND c.id = ?").params(municipalityId, caseId).query(CaseRegistry::detail).optional();
	}

	/**
	 * Every case of a completed roster, with all its roster row said, in roster order.
	 */
	public List<CaseDetail> detailsOfRoster(long municipalityId, long rosterId) {
		return jdbc.sql(DETAIL + " AND c.roster_id = ? ORDER BY c.row_number, c.id")
			.params(municipalityId, rosterId)
			.query(CaseRegistry::detail)
			.list();
	}

	private static CaseDetail detail(ResultSet rs, int n) throws SQLException {
		return new CaseDetail(rs.getLong("id"), rs.getLong("roster_id"),
				new Applicant(rs.getInt("row_number"), rs.getString("name"), rs.getString("reading"),
						rs.getObject("birth_date", LocalDate.class), rs.getString("sex"), rs.getString("postal_code"),
						rs.getString("address"), rs.getString("facility"), rs.getString("room"),
						ProcedureKind.valueOf(rs.getString("procedure_kind")),
						ApplicantType.valueOf(rs.getString("applicant_type")), rs.getString("proxy_name"),
						rs.getString("proxy_relationship"), (Boolean) rs.getObject("wants_face_auth"),
						(Boolean) rs.getObject("wants_staff_registration"), (Boolean) rs.getObject("written_by_other"),
						rs.getString("delivery_method") == null ? null
								: DeliveryMethod.valueOf(rs.getString("delivery_method")),
						rs.getString("remarks")),
				rs.getBoolean("possible_duplicate"));
	}

	static String personKey(Applicant a) {
		// Spacing and character width vary between rosters of the same person; they do
		// not make a different person.
		String key = JapaneseText.compact(a.name()) + '\u0000' + a.birthDate() + '\u0000'
				+ (a.address() == null ? "" : JapaneseText.compact(a.address()));
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Buffers cases and writes them with JDBC batches, so a 100,000-row roster needs no
	 * more memory than a batch.
	 */
	public final class CaseWriter {

		private static final int BATCH = 1000;

		private final long municipalityId;

		private final long rosterId;

		private final List<Applicant> buffer = new ArrayList<>(BATCH);

		private final List<String> keys = new ArrayList<>(BATCH);

		private final Set<String> repeatedKeys = new HashSet<>();

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
			Set<String> inBatch = new HashSet<>();
			for (Applicant a : buffer) {
				String key = personKey(a);
				keys.add(key);
				if (!inBatch.add(key)) {
					repeatedKeys.add(key);
				}
			}
			// One indexed look-up per batch finds people already stored: in other rosters
			// or earlier batches.
			repeatedKeys.addAll(jdbc
				.sql("SELECT DISTINCT person_key FROM applicant_case WHERE municipality_id = :m"
						+ " AND person_key IN (:keys)")
				.param("m", municipalityId)
				.param("keys", inBatch)
				.query(String.class)
				.list());
			transaction.executeWithoutResult(
					status -> jdbcTemplate.batchUpdate(INSERT, indices(buffer.size()), buffer.size(), this::bind));
			written += buffer.size();
			buffer.clear();
			keys.clear();
		}

		/** Writes what is still buffered. */
		public void finish() {
			flush();
		}

		/**
		 * Flags the repeated people's cases — this roster's and the earlier ones — and
		 * returns how many of this roster's cases are flagged. Call it in the transaction
		 * that completes the roster.
		 */
		public int flagRepeatedPeople() {
			if (!repeatedKeys.isEmpty()) {
				jdbcTemplate.batchUpdate(
						"UPDATE applicant_case SET possible_duplicate = TRUE WHERE municipality_id = ? AND person_key = ?",
						new ArrayList<>(repeatedKeys), 1000, (ps, key) -> {
							ps.setLong(1, municipalityId);
							ps.setString(2, key);
						});
			}
			return repeatedKeys.isEmpty() ? 0
					: jdbc.sql("SELECT COUNT(*) FROM applicant_case WHERE roster_id = ? AND possible_duplicate = TRUE")
						.param(rosterId)
						.query(Integer.class)
						.single();
		}

		private static List<Integer> indices(int n) {
			List<Integer> list = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				list.add(i);
			}
			return list;
		}

		private void bind(PreparedStatement ps, int index) throws SQLException {
			bind(ps, buffer.get(index), keys.get(index));
		}

		private void bind(PreparedStatement ps, Applicant a, String personKey) throws SQLException {
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
			ps.setString(i++, personKey);
			ps.setObject(i, now);
		}

		private static void setBoolean(PreparedStatement ps, int index, Boolean value) throws SQLException {
			if (value == null) {
				ps.setNull(index, Types.BOOLEAN);
			}
			else {
				ps.setBoolean(index, value);
			}
		}

	}

}
