package jp.madoguchi.cases;

import java.nio.ByteBuffer;
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
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.changes.ChangeKind;
import jp.madoguchi.changes.ChangeLog;
import jp.madoguchi.japanese.JapaneseText;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.Optional;
import java.util.Set;
import org.springframework.transaction.support.TransactionTemplate;
import jp.madoguchi.sql.IdLists;

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
			    person_hash, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	/**
	 * Whether the case's person has other cases in the municipality: one look-up in the
	 * per-person table, however many copies there are.
	 */
	private static final String POSSIBLE_DUPLICATE = """
			EXISTS (SELECT 1 FROM duplicate_person d
			    WHERE d.person_hash = c.person_hash AND d.municipality_id = c.municipality_id) AS possible_duplicate""";

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final AuditLog audit;

	private final ChangeLog changes;

	CaseRegistry(JdbcTemplate jdbcTemplate, JdbcClient jdbc, TransactionTemplate transaction, AuditLog audit,
			ChangeLog changes) {
		this.audit = audit;
		this.changes = changes;
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	/**
	 * Opens a writer that inserts a roster's cases in batches of 1,000, each committed on
	 * its own: one transaction of 100,000 rows is several times slower to commit on H2.
	 * The roster's cases stay invisible until its owner completes it
	 * ({@link CaseWriter#complete}), so readers still see all rows or none; an import
	 * that does not complete is removed with {@link #discardRoster}. The writer also
	 * finds possible duplicates: the same person (name, birth date, address) twice in the
	 * roster or already in another roster of the municipality. Its cost per row does not
	 * grow with the number of earlier copies of a person: each batch asks, per person,
	 * whether any case exists and whether the person is already known as a duplicate
	 * (index probes that stop at the first entry); a person newly found twice is recorded
	 * once in {@code duplicate_person}, in the transaction that completes the roster, and
	 * no case row is ever rewritten.
	 */
	public CaseWriter writer(long municipalityId, long rosterId) {
		// The cases' own word that the roster is not complete yet: readers join it, never
		// the roster module's table.
		jdbc.sql("INSERT INTO case_roster (roster_id, municipality_id, complete) VALUES (?, ?, FALSE)")
			.params(rosterId, municipalityId)
			.update();
		return new CaseWriter(municipalityId, rosterId);
	}

	/**
	 * Removes every case written for a roster whose import did not complete: the roster's
	 * owner calls it before it removes the roster itself, in the same transaction. Cases
	 * of earlier rosters are untouched: they are flagged only in the transaction that
	 * completes a roster.
	 */
	public void discardRoster(long municipalityId, long rosterId) {
		int deleted = jdbc.sql("DELETE FROM applicant_case WHERE municipality_id = ? AND roster_id = ?")
			.params(municipalityId, rosterId)
			.update();
		jdbc.sql("DELETE FROM case_roster WHERE roster_id = ? AND municipality_id = ? AND complete = FALSE")
			.params(rosterId, municipalityId)
			.update();
		if (deleted > 0) {
			// One row for the roster: whatever a projection holds of it goes.
			changes.record(municipalityId, ChangeKind.ROSTER, rosterId);
		}
	}

	/**
	 * A batch job's walk through the cases, by id: of the next {@code limit} cases after
	 * {@code afterCaseId} (any municipality: the primary key's order, which no
	 * municipality filter may turn into a scan of the municipality's whole index), the
	 * ids of the municipality's, and where the walk goes on from.
	 */
	public CaseIdPage caseIdsAfter(long municipalityId, long afterCaseId, int limit) {
		List<long[]> rows = jdbc
			.sql("SELECT id, municipality_id FROM applicant_case WHERE id > ? ORDER BY id FETCH FIRST ? ROWS ONLY")
			.params(afterCaseId, limit)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		List<Long> ids = new ArrayList<>(rows.size());
		for (long[] r : rows) {
			if (r[1] == municipalityId) {
				ids.add(r[0]);
			}
		}
		return new CaseIdPage(ids, rows.isEmpty() ? afterCaseId : rows.get(rows.size() - 1)[0], rows.size() < limit);
	}

	/**
	 * The lowest and the highest id of the municipality's cases, or empty when it has
	 * none: where a batch job divides its walk between threads.
	 */
	public Optional<CaseIdRange> caseIdRange(long municipalityId) {
		return jdbc.sql("SELECT MIN(id), MAX(id) FROM applicant_case WHERE municipality_id = ?")
			.param(municipalityId)
			.query((rs, n) -> rs.getObject(1) == null ? null : new CaseIdRange(rs.getLong(1), rs.getLong(2)))
			.optional();
	}

	/** Case ids from {@code first} to {@code last}, both included. */
	public record CaseIdRange(long first, long last) {
	}

	/**
	 * A page of {@link #caseIdsAfter}: {@code last} is where the next page starts after.
	 */
	public record CaseIdPage(List<Long> ids, long last, boolean end) {
	}

	/** The roster's cases, each with the step it expects next (null when closed). */
	public List<CaseSummary> casesOfRoster(long municipalityId, long rosterId) {
		List<CaseSummary> summaries = jdbc.sql("""
				SELECT c.id, c.row_number, c.name, c.reading, c.birth_date, c.facility, c.room, c.workflow,
				       c.applicant_type, %s
				FROM applicant_case c WHERE c.municipality_id = ? AND c.roster_id = ?
				ORDER BY c.facility NULLS FIRST, c.room NULLS FIRST, c.reading, c.id""".formatted(POSSIBLE_DUPLICATE))
			.params(municipalityId, rosterId)
			.query(CaseRegistry::summary)
			.list();
		Map<Long, List<RecordedStep>> recorded = new HashMap<>();
		jdbc.sql(CaseSteps.SELECT + " WHERE municipality_id = ? AND case_id IN"
				+ " (SELECT id FROM applicant_case WHERE municipality_id = ? AND roster_id = ?) ORDER BY id")
			.params(municipalityId, municipalityId, rosterId)
			.query((rs, n) -> Map.entry(rs.getLong("case_id"), CaseSteps.step(rs, n)))
			.list()
			.forEach(e -> recorded.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		if (recorded.isEmpty()) {
			return summaries;
		}
		List<CaseSummary> withProgress = new ArrayList<>(summaries.size());
		for (CaseSummary c : summaries) {
			List<RecordedStep> steps = recorded.get(c.id());
			withProgress.add(steps == null ? c : c.withNextStep(CaseProgress.of(c.workflow(), steps).nextStep()));
		}
		return withProgress;
	}

	private static CaseSummary summary(ResultSet rs, int n) throws SQLException {
		Workflow workflow = Workflow.valueOf(rs.getString("workflow"));
		return new CaseSummary(rs.getLong("id"), rs.getInt("row_number"), rs.getString("name"), rs.getString("reading"),
				rs.getObject("birth_date", LocalDate.class), rs.getString("facility"), rs.getString("room"), workflow,
				ApplicantType.valueOf(rs.getString("applicant_type")), workflow.steps().get(0),
				rs.getBoolean("possible_duplicate"));
	}

	/** Longest text searched for, in characters. */
	public static final int MAX_SEARCH = 50;

	/**
	 * Cases of completed rosters of the municipality whose applicant's name or reading
	 * contains {@code text} (spaces and character width ignored), newest first, at most
	 * {@code limit}. Audited as a SEARCH by {@code username} with the ids found, never
	 * the text searched (a name).
	 */
	public List<CaseSummary> searchByName(long municipalityId, String username, String text, int limit) {
		String needle = JapaneseText.compact(text == null ? "" : text);
		if (needle.isEmpty()) {
			return List.of();
		}
		if (needle.codePointCount(0, needle.length()) > MAX_SEARCH) {
			needle = needle.substring(0, needle.offsetByCodePoints(0, MAX_SEARCH));
		}
		String pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		List<CaseSummary> found = jdbc.sql("""
				SELECT c.id, c.row_number, c.name, c.reading, c.birth_date, c.facility, c.room, c.workflow,
				       c.applicant_type, %s
				FROM applicant_case c JOIN case_roster r ON r.roster_id = c.roster_id AND r.complete = TRUE
				WHERE c.municipality_id = ?
				  AND (REPLACE(REPLACE(c.name, ' ', ''), '　', '') LIKE ? ESCAPE '\\'
				    OR REPLACE(REPLACE(c.reading, ' ', ''), '　', '') LIKE ? ESCAPE '\\')
				ORDER BY c.id DESC FETCH FIRST %d ROWS ONLY""".formatted(POSSIBLE_DUPLICATE, Math.max(1, limit)))
			.params(municipalityId, pattern, pattern)
			.query(CaseRegistry::summary)
			.list();
		StringJoiner ids = new StringJoiner(",");
		found.forEach(c -> ids.add(Long.toString(c.id())));
		String target = found.isEmpty() ? "none" : ids.toString();
		audit.record(municipalityId, username, AuditAction.SEARCH, "case-name",
				target.length() > 100 ? target.substring(0, 99) + "…" : target);
		return found;
	}

	private static final String DETAIL = """
			SELECT c.*, %s FROM applicant_case c JOIN case_roster r ON r.roster_id = c.roster_id AND r.complete = TRUE
			WHERE c.municipality_id = ?""".formatted(POSSIBLE_DUPLICATE);

	/**
	 * The case ids of each of these rosters of the municipality (a roster without cases
	 * is absent): one query per 1,000 rosters.
	 */
	public Map<Long, List<Long>> caseIdsOfRosters(long municipalityId, Collection<Long> rosterIds) {
		Map<Long, List<Long>> byRoster = new HashMap<>();
		for (List<Long> slice : IdLists.slices(rosterIds)) {
			jdbc.sql(
					"SELECT roster_id, id FROM applicant_case WHERE municipality_id = ? AND roster_id IN (%s) ORDER BY id"
						.formatted(IdLists.numbers(slice)))
				.param(municipalityId)
				.query(rs -> {
					byRoster.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
				});
		}
		return byRoster;
	}

	/**
	 * Which of the given case ids are cases of a completed roster of the municipality:
	 * one query per 1,000 ids.
	 */
	public Set<Long> existing(long municipalityId, Collection<Long> caseIds) {
		Set<Long> found = new HashSet<>();
		for (List<Long> slice : IdLists.slices(caseIds)) {
			found.addAll(jdbc
				.sql("""
						SELECT c.id FROM applicant_case c JOIN case_roster r ON r.roster_id = c.roster_id AND r.complete = TRUE
						WHERE c.municipality_id = ? AND c.id IN (%s)"""
					.formatted(IdLists.numbers(slice)))
				.param(municipalityId)
				.query(Long.class)
				.list());
		}
		return found;
	}

	/**
	 * A case of a completed roster. The roster is checked per case (EXISTS), so the
	 * cases' own index decides the plan: a join could start from the roster and read all
	 * of its cases.
	 */
	private static final String FACTS = """
			SELECT c.id, c.municipality_id, c.roster_id, c.name, c.reading, c.birth_date, c.sex, c.address,
			       c.facility, c.room, c.workflow, c.created_at
			FROM applicant_case c""";

	private static final String OF_COMPLETE_ROSTER = """
			EXISTS (SELECT 1 FROM case_roster r WHERE r.roster_id = c.roster_id AND r.complete = TRUE)""";

	private static CaseFacts facts(ResultSet rs, int n) throws SQLException {
		return new CaseFacts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
				Workflow.valueOf(rs.getString(11)), rs.getObject(12, OffsetDateTime.class));
	}

	/** The cases of a completed roster (none for a roster discarded or not complete). */
	public List<CaseFacts> factsOfRoster(long municipalityId, long rosterId) {
		return jdbc
			.sql(FACTS + " WHERE c.municipality_id = ? AND c.roster_id = ? AND " + OF_COMPLETE_ROSTER
					+ " ORDER BY c.id")
			.params(municipalityId, rosterId)
			.query(CaseRegistry::facts)
			.list();
	}

	/**
	 * The cases of these ids that belong to a completed roster of the municipality, one
	 * query per 1,000 ids, in id order: an IN list on the primary key, a look-up per id.
	 */
	public List<CaseFacts> factsOf(long municipalityId, Collection<Long> caseIds) {
		List<CaseFacts> found = new ArrayList<>(caseIds.size());
		for (List<Long> slice : IdLists.slices(caseIds)) {
			found.addAll(jdbc
				.sql("""
						SELECT c.id, c.municipality_id, c.roster_id, c.name, c.reading, c.birth_date, c.sex, c.address,
						       c.facility, c.room, c.workflow, c.created_at
						FROM applicant_case c
						WHERE c.id IN (%s) AND c.municipality_id = ? AND %s ORDER BY c.id"""
					.formatted(IdLists.numbers(slice), OF_COMPLETE_ROSTER))
				.param(municipalityId)
				.query(CaseRegistry::facts)
				.list());
		}
		return found;
	}

	/**
	 * The cases of completed rosters of every municipality with an id above
	 * {@code afterCaseId}, in id order, at most {@code limit}: a rebuild's batches.
	 */
	public List<CaseFacts> factsAfter(long afterCaseId, int limit) {
		return jdbc
			.sql(FACTS + " WHERE c.id > ? AND " + OF_COMPLETE_ROSTER + " ORDER BY c.id FETCH FIRST "
					+ Math.max(1, limit) + " ROWS ONLY")
			.param(afterCaseId)
			.query(CaseRegistry::facts)
			.list();
	}

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

	/**
	 * The person a case is of, as a number: the first 64 bits of the SHA-256 of name,
	 * birth date and address (V12 says why a number, and what a collision costs).
	 */
	static long personHash(Applicant a) {
		// Spacing and character width vary between rosters of the same person; they do
		// not make a different person.
		String key = JapaneseText.compact(a.name()) + '\u0000' + a.birthDate() + '\u0000'
				+ (a.address() == null ? "" : JapaneseText.compact(a.address()));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(digest).getLong();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Buffers cases and writes them with JDBC batches, so a 100,000-row roster needs no
	 * more memory than a batch, and the keys of the people seen once so far.
	 */
	public final class CaseWriter {

		private static final int BATCH = 1000;

		private static final String RECORD_DUPLICATE = """
				INSERT INTO duplicate_person (person_hash, municipality_id)
				SELECT CAST(? AS BIGINT), ? WHERE NOT EXISTS (SELECT 1 FROM duplicate_person
				    WHERE person_hash = CAST(? AS BIGINT) AND municipality_id = ?)""";

		private final long municipalityId;

		private final long rosterId;

		private final List<Applicant> buffer = new ArrayList<>(BATCH);

		private final List<Long> keys = new ArrayList<>(BATCH);

		/** People found twice who are not yet recorded as duplicates. */
		private final Set<Long> newDuplicates = new HashSet<>();

		/**
		 * This roster's people not (yet) found twice, with their number of rows here:
		 * they count as flagged once they are.
		 */
		private final Map<Long, Integer> singles = new HashMap<>();

		private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

		private int written;

		private int flagged;

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
			Map<Long, Integer> inBatch = new LinkedHashMap<>();
			for (Applicant a : buffer) {
				long key = personHash(a);
				keys.add(key);
				inBatch.merge(key, 1, Integer::sum);
			}
			Map<Long, Boolean> known = known(inBatch.keySet());
			inBatch.forEach((key, count) -> {
				Boolean recorded = known.get(key);
				if (recorded == null && count == 1) {
					singles.merge(key, 1, Integer::sum);
					return;
				}
				// Already on file (in another roster or an earlier batch), or twice in
				// this batch.
				if (recorded == null || !recorded) {
					newDuplicates.add(key);
				}
				Integer earlierHere = singles.remove(key);
				flagged += count + (earlierHere == null ? 0 : earlierHere);
			});
			transaction.executeWithoutResult(
					status -> jdbcTemplate.batchUpdate(INSERT, indices(buffer.size()), buffer.size(), this::bind));
			written += buffer.size();
			buffer.clear();
			keys.clear();
		}

		/**
		 * The people of the batch who already have a case in the municipality (in another
		 * roster or an earlier batch), each with whether they are already recorded as a
		 * duplicate. Both are EXISTS probes that stop at the first index entry however
		 * many copies there are; they stay in the select list, so each is a probe per
		 * person (a PostgreSQL semi-join could scan the municipality's whole index).
		 */
		private Map<Long, Boolean> known(Set<Long> batchKeys) {
			StringJoiner values = new StringJoiner(", ");
			List<Object> params = new ArrayList<>(batchKeys.size() + 2);
			params.add(municipalityId);
			params.add(municipalityId);
			for (Long key : batchKeys) {
				values.add("(CAST(? AS BIGINT))");
				params.add(key);
			}
			Map<Long, Boolean> known = new HashMap<>();
			jdbc.sql("""
					SELECT k.pk,
					    EXISTS (SELECT 1 FROM applicant_case c WHERE c.person_hash = k.pk AND c.municipality_id = ?),
					    EXISTS (SELECT 1 FROM duplicate_person d WHERE d.person_hash = k.pk AND d.municipality_id = ?)
					FROM (VALUES %s) AS k (pk)""".formatted(values)).params(params).query((ResultSet rs) -> {
				if (rs.getBoolean(2)) {
					known.put(rs.getLong(1), rs.getBoolean(3));
				}
			});
			return known;
		}

		/** Writes what is still buffered. */
		public void finish() {
			flush();
		}

		/**
		 * Makes the roster's cases visible; records the people newly found more than once
		 * — so that their cases in this roster and the earlier ones read as possible
		 * duplicates — and returns how many of this roster's cases are flagged; also
		 * records the roster's cases in the change log (one row). Call it in the
		 * transaction that completes the roster: if that transaction fails, nothing is
		 * recorded.
		 */
		public int complete() {
			jdbc.sql("UPDATE case_roster SET complete = TRUE WHERE roster_id = ? AND municipality_id = ?")
				.params(rosterId, municipalityId)
				.update();
			// The roster's cases become visible with this transaction: one change-log row
			// for the whole roster (not one per case, so the import stays fast).
			changes.record(municipalityId, ChangeKind.ROSTER, rosterId);
			if (!newDuplicates.isEmpty()) {
				jdbcTemplate.batchUpdate(RECORD_DUPLICATE, new ArrayList<>(newDuplicates), 1000, (ps, key) -> {
					ps.setLong(1, key);
					ps.setLong(2, municipalityId);
					ps.setLong(3, key);
					ps.setLong(4, municipalityId);
				});
			}
			return flagged;
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

		private void bind(PreparedStatement ps, Applicant a, long personHash) throws SQLException {
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
			ps.setLong(i++, personHash);
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
