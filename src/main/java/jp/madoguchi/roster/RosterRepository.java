package jp.madoguchi.roster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import jp.madoguchi.storage.FileReference;

/** Rosters and their rejected rows; every read is scoped to a municipality. */
@Repository
class RosterRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	RosterRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	long insert(long municipalityId, String sha256, String fileName, long size, RosterFormat format,
			String uploadedBy) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO roster (municipality_id, file_sha256, file_name, file_size, file_format, uploaded_by,
				    uploaded_at, total_rows, accepted_rows, rejected_rows, state)
				VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 'IMPORTING')""")
			.params(municipalityId, sha256, fileName, size, format.name(), uploadedBy,
					OffsetDateTime.now(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Makes the roster visible, with its counts. */
	void complete(long rosterId, int total, int accepted, int rejected) {
		jdbc.sql(
				"UPDATE roster SET total_rows = ?, accepted_rows = ?, rejected_rows = ?, state = 'COMPLETE' WHERE id = ?")
			.params(total, accepted, rejected, rosterId)
			.update();
	}

	/**
	 * Removes a roster that did not complete with its rejected rows; its cases belong to
	 * the cases module, which removes them first (CaseRegistry.discardRoster) in the same
	 * transaction.
	 */
	void deleteUnfinished(long rosterId) {
		jdbc.sql("DELETE FROM roster_error WHERE roster_id = ?").param(rosterId).update();
		jdbc.sql("DELETE FROM roster WHERE id = ? AND state = 'IMPORTING'").param(rosterId).update();
	}

	/**
	 * Locks the roster for the rest of the transaction if it is still IMPORTING; false if
	 * it is gone or complete.
	 */
	boolean lockUnfinished(long rosterId) {
		return jdbc.sql("SELECT id FROM roster WHERE id = ? AND state = 'IMPORTING' FOR UPDATE")
			.param(rosterId)
			.query(Long.class)
			.optional()
			.isPresent();
	}

	/** A roster whose import has not completed. */
	record Unfinished(long id, long municipalityId) {
	}

	/**
	 * Rosters left IMPORTING: by a stopped process, or by an import whose clean-up
	 * failed.
	 */
	List<Unfinished> unfinished() {
		return jdbc.sql("SELECT id, municipality_id FROM roster WHERE state = 'IMPORTING'")
			.query((rs, n) -> new Unfinished(rs.getLong(1), rs.getLong(2)))
			.list();
	}

	/** The roster of this file still IMPORTING in the municipality, if any. */
	Optional<Long> findImporting(long municipalityId, String sha256) {
		return jdbc.sql("SELECT id FROM roster WHERE municipality_id = ? AND file_sha256 = ? AND state = 'IMPORTING'")
			.params(municipalityId, sha256)
			.query(Long.class)
			.optional();
	}

	void saveErrors(long rosterId, List<RowError> errors) {
		jdbcTemplate.batchUpdate("""
				INSERT INTO roster_error (roster_id, row_number, column_name, cell_value, code, message)
				VALUES (?, ?, ?, ?, ?, ?)""", errors, 1000, (ps, e) -> {
			ps.setLong(1, rosterId);
			ps.setInt(2, e.row());
			ps.setString(3, truncate(e.column(), RosterLimits.ERROR_COLUMN));
			ps.setString(4, truncate(e.value(), RosterLimits.ERROR_VALUE));
			ps.setString(5, e.code());
			ps.setString(6, truncate(e.message(), RosterLimits.ERROR_MESSAGE));
		});
	}

	Optional<RosterSummary> findByHash(long municipalityId, String sha256) {
		return jdbc.sql("SELECT * FROM roster WHERE municipality_id = ? AND file_sha256 = ? AND state = 'COMPLETE'")
			.params(municipalityId, sha256)
			.query(RosterRepository::summary)
			.optional();
	}

	Optional<RosterSummary> find(long municipalityId, long rosterId) {
		return jdbc.sql("SELECT * FROM roster WHERE municipality_id = ? AND id = ? AND state = 'COMPLETE'")
			.params(municipalityId, rosterId)
			.query(RosterRepository::summary)
			.optional();
	}

	List<RosterSummary> list(long municipalityId) {
		return jdbc.sql("SELECT * FROM roster WHERE municipality_id = ? AND state = 'COMPLETE' ORDER BY id DESC")
			.param(municipalityId)
			.query(RosterRepository::summary)
			.list();
	}

	List<FileReference> files(long municipalityId, long afterId, int limit) {
		return jdbc
			.sql("SELECT id, file_sha256 FROM roster WHERE municipality_id = ? AND state = 'COMPLETE' AND id > ?"
					+ " AND disposed_at IS NULL ORDER BY id FETCH FIRST ? ROWS ONLY")
			.params(municipalityId, afterId, limit)
			.query((rs, n) -> new FileReference(Long.toString(rs.getLong(1)), rs.getString(2)))
			.list();
	}

	List<RowError> errorsOf(long rosterId) {
		return jdbc.sql("""
				SELECT row_number, column_name, cell_value, code, message FROM roster_error
				WHERE roster_id = ? ORDER BY row_number, id""")
			.param(rosterId)
			.query((rs, n) -> new RowError(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	private static RosterSummary summary(ResultSet rs, int n) throws SQLException {
		return new RosterSummary(rs.getLong("id"), rs.getString("file_name"),
				RosterFormat.valueOf(rs.getString("file_format")).label(), rs.getString("file_sha256"),
				rs.getLong("file_size"), rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class),
				rs.getInt("total_rows"), rs.getInt("accepted_rows"), rs.getInt("rejected_rows"),
				rs.getObject("disposed_at", OffsetDateTime.class));
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}

}
