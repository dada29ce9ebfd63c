package jp.madoguchi.changes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The change log: writers record a change in their own transaction (the same data source,
 * so the row commits or rolls back with the change); readers follow the rows by sequence
 * number. The only class that touches the {@code change_log} table.
 */
@Service
public class ChangeLog {

	private static final String INSERT = """
			INSERT INTO change_log (municipality_id, kind, record_id, changed_at) VALUES (?, ?, ?, ?)""";

	private static final String COLUMNS = "SELECT seq, municipality_id, kind, record_id, changed_at FROM change_log";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	ChangeLog(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * Records that a record changed, in the caller's transaction (call it inside the
	 * transaction that makes the change; without one the row is committed on its own).
	 */
	public void record(long municipalityId, ChangeKind kind, long recordId) {
		jdbc.sql(INSERT).params(municipalityId, kind.name(), recordId, now()).update();
	}

	/** Records one change per distinct record id, as one JDBC batch. */
	public void recordAll(long municipalityId, ChangeKind kind, Collection<Long> recordIds) {
		List<Long> ids = new ArrayList<>(new LinkedHashSet<>(recordIds));
		if (ids.isEmpty()) {
			return;
		}
		OffsetDateTime now = now();
		jdbcTemplate.batchUpdate(INSERT, ids, 1000, (ps, id) -> {
			ps.setLong(1, municipalityId);
			ps.setString(2, kind.name());
			ps.setLong(3, id);
			ps.setObject(4, now);
		});
	}

	/**
	 * The committed changes after {@code seq}, in sequence order, at most {@code limit}.
	 */
	public List<Change> after(long seq, int limit) {
		return jdbc.sql(COLUMNS + " WHERE seq > ? ORDER BY seq FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
			.param(seq)
			.query(ChangeLog::change)
			.list();
	}

	/**
	 * The committed changes of these sequence numbers (numbers a reader saw skipped:
	 * their transaction may commit later), one query per 1,000.
	 */
	public List<Change> of(Collection<Long> seqs) {
		List<Long> all = List.copyOf(seqs);
		List<Change> found = new ArrayList<>();
		for (int from = 0; from < all.size(); from += 1000) {
			found.addAll(jdbc.sql(COLUMNS + " WHERE seq IN (:seqs) ORDER BY seq")
				.param("seqs", all.subList(from, Math.min(all.size(), from + 1000)))
				.query(ChangeLog::change)
				.list());
		}
		return found;
	}

	/** The highest committed sequence number, 0 when the log is empty. */
	public long lastSeq() {
		return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM change_log").query(Long.class).single();
	}

	/** The committed sequence numbers in {@code (from, to]}, ascending. */
	public List<Long> seqsBetween(long from, long to) {
		return jdbc.sql("SELECT seq FROM change_log WHERE seq > ? AND seq <= ? ORDER BY seq")
			.params(from, to)
			.query(Long.class)
			.list();
	}

	private static Change change(ResultSet rs, int n) throws SQLException {
		return new Change(rs.getLong(1), rs.getLong(2), ChangeKind.valueOf(rs.getString(3)), rs.getLong(4),
				rs.getObject(5, OffsetDateTime.class));
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
