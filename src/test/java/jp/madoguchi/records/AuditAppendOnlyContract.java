package jp.madoguchi.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;

/**
 * The audit log is append-only in the database itself: an entry can be added, never
 * changed or removed, by any statement (db/vendor/&lt;database&gt;/V18).
 */
abstract class AuditAppendOnlyContract {

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEntryCanBeAddedAndNeverChangedOrRemoved() {
		audit.record(1, "append-only", AuditAction.VIEW, "case", "1");
		long id = jdbc.sql("SELECT MAX(id) FROM audit_event WHERE username = 'append-only'").query(Long.class).single();
		assertThatThrownBy(
				() -> jdbc.sql("UPDATE audit_event SET username = 'someone-else' WHERE id = ?").param(id).update())
			.isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(id).update())
			.isInstanceOf(DataAccessException.class);
		assertThat(jdbc.sql("SELECT username FROM audit_event WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("append-only");
	}

}
