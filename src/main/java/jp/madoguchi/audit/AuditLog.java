package jp.madoguchi.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

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

}
