package jp.madoguchi.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.cases.CaseRegistry;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.Messages;
import jp.madoguchi.tenant.StaffUser;

/**
 * Legal holds (RECORDS_OFFICER): placed on a record or a whole case that exists in the
 * municipality (asked of the module that keeps it, its {@link RecordKeepers keeper}),
 * with a reason; released, never deleted. Placing and releasing are audited.
 */
@Service
class LegalHolds {

	/** The longest reason (its column). */
	static final int MAX_REASON = 1000;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final CaseRegistry cases;

	private final RecordKeepers keepers;

	private final Messages messages;

	LegalHolds(JdbcClient jdbc, AuditLog audit, CaseRegistry cases, RecordKeepers keepers, Messages messages) {
		this.messages = messages;
		this.jdbc = jdbc;
		this.audit = audit;
		this.cases = cases;
		this.keepers = keepers;
	}

	/**
	 * Places a hold on a record ({@code recordType} and {@code recordId}) or on a case.
	 * @throws ClientError 400 {@code HOLD_TARGET} (neither or both), {@code HOLD_REASON};
	 * 404 {@code HOLD_NO_SUCH_RECORD} for a record or case the municipality does not have
	 */
	@Transactional
	long place(StaffUser officer, String recordType, String recordId, Long caseId, String reason) {
		boolean onRecord = recordType != null || recordId != null;
		if (onRecord == (caseId != null) || (onRecord && (blank(recordType) || blank(recordId)))) {
			throw ClientError.badRequest("HOLD_TARGET").field(caseId == null ? "recordId" : "caseId");
		}
		if (blank(reason) || reason.strip().length() > MAX_REASON) {
			throw ClientError.badRequest("HOLD_REASON", MAX_REASON).field("reason");
		}
		String type = null;
		String id = null;
		if (onRecord) {
			RecordType t = RecordType.of(recordType.strip())
				.orElseThrow(() -> ClientError.badRequest("HOLD_RECORD_TYPE", recordType.strip())
					.field("recordType")
					.expected(String.join(", ", Arrays.stream(RecordType.values()).map(RecordType::id).toList())));
			type = t.id();
			id = recordId.strip();
			if (!keepers.of(t).exists(officer.municipalityId(), id)) {
				throw new ClientError(HttpStatus.NOT_FOUND, "HOLD_NO_SUCH_RECORD",
						messages.text("RECORD_TYPE_" + t.name()), id)
					.field("recordId");
			}
		}
		else if (cases.find(officer.municipalityId(), caseId).isEmpty()) {
			throw new ClientError(HttpStatus.NOT_FOUND, "HOLD_NO_SUCH_CASE", caseId).field("caseId");
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO legal_hold (municipality_id, record_type, record_id, case_id, reason, placed_by, placed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(officer.municipalityId(), type, id, caseId, reason.strip(), officer.getUsername(),
					OffsetDateTime.now(ZoneOffset.UTC))
			.update(keys, "id");
		long holdId = keys.getKey().longValue();
		audit.record(officer.municipalityId(), officer.getUsername(), AuditAction.HOLD_PLACED, "legal.hold",
				Long.toString(holdId));
		return holdId;
	}

	/**
	 * Releases a hold (it stays, as released).
	 * @throws ClientError 404 for a hold the municipality does not have; 409
	 * {@code HOLD_ALREADY_RELEASED}
	 */
	@Transactional
	void release(StaffUser officer, long holdId) {
		LegalHold hold = find(officer.municipalityId(), holdId).orElseThrow(ClientError::notFound);
		if (!hold.active()) {
			throw ClientError.conflict("HOLD_ALREADY_RELEASED");
		}
		jdbc.sql("""
				UPDATE legal_hold SET released_by = ?, released_at = ?
				WHERE id = ? AND municipality_id = ? AND released_at IS NULL""")
			.params(officer.getUsername(), OffsetDateTime.now(ZoneOffset.UTC), holdId, officer.municipalityId())
			.update();
		audit.record(officer.municipalityId(), officer.getUsername(), AuditAction.HOLD_RELEASED, "legal.hold",
				Long.toString(holdId));
	}

	/** The municipality's holds, those in force first, newest first. */
	List<LegalHold> list(long municipalityId) {
		return jdbc
			.sql(SELECT + " WHERE municipality_id = ? ORDER BY CASE WHEN released_at IS NULL THEN 0 ELSE 1 END,"
					+ " id DESC")
			.param(municipalityId)
			.query(LegalHolds::hold)
			.list();
	}

	/** The holds in force: records held ({@code type|id}) and cases held. */
	ActiveHolds active(long municipalityId) {
		Set<String> records = new HashSet<>();
		Set<Long> caseIds = new HashSet<>();
		jdbc.sql(
				"SELECT record_type, record_id, case_id FROM legal_hold WHERE municipality_id = ? AND released_at IS NULL")
			.param(municipalityId)
			.query(rs -> {
				if (rs.getString(1) != null) {
					records.add(rs.getString(1) + "|" + rs.getString(2));
				}
				else {
					caseIds.add(rs.getLong(3));
				}
			});
		return new ActiveHolds(records, caseIds);
	}

	/** The holds in force at one moment. */
	record ActiveHolds(Set<String> records, Set<Long> caseIds) {

		boolean hold(String recordType, String recordId, Collection<Long> caseIdsOfRecord) {
			return records.contains(recordType + "|" + recordId)
					|| caseIdsOfRecord.stream().anyMatch(caseIds::contains);
		}

	}

	Optional<LegalHold> find(long municipalityId, long holdId) {
		return jdbc.sql(SELECT + " WHERE municipality_id = ? AND id = ?")
			.params(municipalityId, holdId)
			.query(LegalHolds::hold)
			.optional();
	}

	/** The id as a number, or null when it is not one (digits only, at most 18). */
	static Long number(String id) {
		return id.matches("\\d{1,18}") ? Long.valueOf(id) : null;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static final String SELECT = """
			SELECT id, record_type, record_id, case_id, reason, placed_by, placed_at, released_by, released_at
			FROM legal_hold""";

	private static LegalHold hold(ResultSet rs, int n) throws SQLException {
		return new LegalHold(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4), rs.getString(5),
				rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8),
				rs.getObject(9, OffsetDateTime.class));
	}

}
