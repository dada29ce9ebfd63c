package jp.madoguchi.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records accesses to personal data. Entries name the record by id only: never a name or
 * a file's content.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Written in its own transaction so an access is recorded even when the caller's work
	 * later fails.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(long municipalityId, String username, AuditAction action, String targetType, String targetId) {
		jdbc.sql("""
				INSERT INTO audit_event (municipality_id, username, action, target_type, target_id, occurred_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(municipalityId, username, action.name(), targetType, targetId, OffsetDateTime.now(ZoneOffset.UTC))
			.update();
	}

	/**
	 * An event that belongs to no municipality, such as a failed sign-in with a username
	 * that does not exist. Such rows are for the service's operator; no municipality's
	 * {@link #recent} shows them.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordWithoutMunicipality(String username, AuditAction action, String targetType, String targetId) {
		jdbc.sql("""
				INSERT INTO audit_event (municipality_id, username, action, target_type, target_id, occurred_at)
				VALUES (NULL, ?, ?, ?, ?, ?)""")
			.params(username, action.name(), targetType, targetId, OffsetDateTime.now(ZoneOffset.UTC))
			.update();
	}

	public List<AuditEntry> recent(long municipalityId, int limit) {
		return jdbc.sql("""
				SELECT username, action, target_type, target_id, occurred_at FROM audit_event
				WHERE municipality_id = ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY""")
			.params(municipalityId, limit)
			.query((rs, n) -> new AuditEntry(rs.getString(1), AuditAction.valueOf(rs.getString(2)), rs.getString(3),
					rs.getString(4), rs.getObject(5, OffsetDateTime.class)))
			.list();
	}

	public record AuditEntry(String username, AuditAction action, String targetType, String targetId,
			OffsetDateTime occurredAt) {
	}

	/** An entry as the audit viewer lists it. */
	public record AuditRecord(long id, OffsetDateTime occurredAt, String username, AuditAction action,
			String targetType, String targetId) {
	}

	/**
	 * The municipality's entries that match, newest first, at most {@code limit}, with an
	 * id below {@code beforeId} when it is given (the next page).
	 */
	public List<AuditRecord> search(long municipalityId, AuditFilter filter, Long beforeId, int limit) {
		List<Object> params = new ArrayList<>();
		String where = where(municipalityId, filter, params);
		if (beforeId != null) {
			where += " AND id < ?";
			params.add(beforeId);
		}
		params.add(limit);
		return jdbc.sql(RECORD + where + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY")
			.params(params)
			.query(AuditLog::record)
			.list();
	}

	/**
	 * Every entry of the municipality that matches, newest first, handed over one at a
	 * time as the database returns them (an export of any size needs no memory).
	 */
	public void forEach(long municipalityId, AuditFilter filter, Consumer<AuditRecord> each) {
		List<Object> params = new ArrayList<>();
		String where = where(municipalityId, filter, params);
		jdbc.sql(RECORD + where + " ORDER BY id DESC")
			.params(params)
			.query((ResultSet rs) -> each.accept(record(rs, 0)));
	}

	private static final String RECORD = "SELECT id, occurred_at, username, action, target_type, target_id"
			+ " FROM audit_event WHERE municipality_id = ?";

	private static String where(long municipalityId, AuditFilter filter, List<Object> params) {
		StringBuilder where = new StringBuilder();
		params.add(municipalityId);
		if (filter.username() != null) {
			where.append(" AND username = ?");
			params.add(filter.username());
		}
		if (filter.action() != null) {
			where.append(" AND action = ?");
			params.add(filter.action().name());
		}
		if (filter.targetType() != null) {
			where.append(" AND target_type = ?");
			params.add(filter.targetType());
		}
		if (filter.targetId() != null) {
			where.append(" AND target_id = ?");
			params.add(filter.targetId());
		}
		if (filter.from() != null) {
			where.append(" AND occurred_at >= ?");
			params.add(filter.from().atStartOfDay(JAPAN).toOffsetDateTime());
		}
		if (filter.to() != null) {
			where.append(" AND occurred_at < ?");
			params.add(filter.to().plusDays(1).atStartOfDay(JAPAN).toOffsetDateTime());
		}
		return where.toString();
	}

	private static AuditRecord record(ResultSet rs, int n) throws SQLException {
		return new AuditRecord(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
				AuditAction.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6));
	}

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

}
