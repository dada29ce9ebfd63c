package jp.madoguchi.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The fixity job's own tables: runs (one per job instance) and findings (one per record
 * whose file is altered or missing, carried over from run to run). Every write of a chunk
 * is idempotent, so a chunk written again after a restart changes nothing.
 */
@Component
class FixityStore {

	private final JdbcClient jdbc;

	FixityStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new run, STARTED; its id is the job instance's identifying parameter. */
	long newRun(long municipalityId, String startedBy) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO fixity_run (municipality_id, status, started_by, started_at)
				VALUES (?, 'STARTED', ?, ?)""")
			.params(municipalityId, startedBy, OffsetDateTime.now(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<FixityRun> latestRun(long municipalityId) {
		return runs(municipalityId, 1).stream().findFirst();
	}

	Optional<FixityRun> run(long municipalityId, long runId) {
		return jdbc.sql("""
				SELECT id, status, started_by, started_at, finished_at, checked, mismatches FROM fixity_run
				WHERE municipality_id = ? AND id = ?""")
			.params(municipalityId, runId)
			.query(FixityStore::run)
			.optional();
	}

	/** The latest runs, the newest first. */
	List<FixityRun> runs(long municipalityId, int limit) {
		return jdbc.sql("""
				SELECT id, status, started_by, started_at, finished_at, checked, mismatches FROM fixity_run
				WHERE municipality_id = ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY""")
			.params(municipalityId, limit)
			.query(FixityStore::run)
			.list();
	}

	private static FixityRun run(ResultSet rs, int n) throws SQLException {
		return new FixityRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class),
				rs.getObject(5, OffsetDateTime.class), rs.getLong(6), rs.getLong(7));
	}

	/**
	 * Counts a chunk's files, in the chunk's transaction: a chunk rolled back is not
	 * counted, one committed is counted once however often the run is restarted.
	 */
	void countChecked(long runId, long files) {
		jdbc.sql("UPDATE fixity_run SET checked = checked + ? WHERE id = ?").params(files, runId).update();
	}

	/**
	 * Records a file found altered or missing by a run, as of the run's start: opened
	 * when new, carried over (again OPEN) when known.
	 */
	void found(long runId, long municipalityId, String recordType, String recordId, String sha256, String problem,
			OffsetDateTime foundAt) {
		int updated = jdbc.sql("""
				UPDATE fixity_finding SET sha256 = ?, problem = ?, last_found_at = ?, last_run_id = ?, state = 'OPEN'
				WHERE municipality_id = ? AND record_type = ? AND record_id = ?""")
			.params(sha256, problem, foundAt, runId, municipalityId, recordType, recordId)
			.update();
		if (updated == 0) {
			jdbc.sql(
					"""
							INSERT INTO fixity_finding (municipality_id, record_type, record_id, sha256, problem, first_found_at,
							    last_found_at, last_run_id, state)
							VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
				.params(municipalityId, recordType, recordId, sha256, problem, foundAt, foundAt, runId)
				.update();
		}
	}

	/**
	 * After a run has read every file: an open finding it did not find again is resolved
	 * (its file is intact again, or its record is gone).
	 */
	int resolveNotFoundBy(long runId, long municipalityId) {
		return jdbc.sql("""
				UPDATE fixity_finding SET state = 'RESOLVED'
				WHERE municipality_id = ? AND state = 'OPEN' AND last_run_id <> ?""")
			.params(municipalityId, runId)
			.update();
	}

	void finish(long runId, String status, Long jobExecutionId) {
		jdbc.sql("""
				UPDATE fixity_run SET status = ?, finished_at = ?, job_execution_id = ?,
				    mismatches = (SELECT COUNT(*) FROM fixity_finding f WHERE f.last_run_id = ?)
				WHERE id = ?""")
			.params(status, OffsetDateTime.now(ZoneOffset.UTC), jobExecutionId, runId, runId)
			.update();
	}

	/** What a run found altered or missing (still so at its end). */
	List<FixityFinding> foundBy(long municipalityId, long runId) {
		return jdbc.sql("""
				SELECT id, record_type, record_id, sha256, problem, first_found_at, last_found_at, state
				FROM fixity_finding WHERE municipality_id = ? AND last_run_id = ? ORDER BY record_type, id""")
			.params(municipalityId, runId)
			.query(FixityStore::finding)
			.list();
	}

	/** The open findings, the most recently found first. */
	List<FixityFinding> open(long municipalityId, int limit) {
		return jdbc.sql("""
				SELECT id, record_type, record_id, sha256, problem, first_found_at, last_found_at, state
				FROM fixity_finding WHERE municipality_id = ? AND state = 'OPEN'
				ORDER BY last_found_at DESC, id FETCH FIRST ? ROWS ONLY""")
			.params(municipalityId, limit)
			.query(FixityStore::finding)
			.list();
	}

	/** Every finding of the municipality, open or resolved (for tests and the API). */
	List<FixityFinding> all(long municipalityId) {
		return jdbc.sql("""
				SELECT id, record_type, record_id, sha256, problem, first_found_at, last_found_at, state
				FROM fixity_finding WHERE municipality_id = ? ORDER BY id""")
			.params(municipalityId)
			.query(FixityStore::finding)
			.list();
	}

	private static FixityFinding finding(ResultSet rs, int n) throws SQLException {
		return new FixityFinding(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class), rs.getString(8));
	}

}
