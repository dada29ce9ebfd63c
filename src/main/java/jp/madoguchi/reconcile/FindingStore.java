package jp.madoguchi.reconcile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import jp.madoguchi.errors.Messages;

/**
 * The reconciliation's own tables: runs (one per job instance), findings (one per
 * problem, carried over from night to night) and which run found which finding. Every
 * write is idempotent, so a chunk written again after a restart adds nothing.
 */
@Component
class FindingStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Messages messages;

	FindingStore(JdbcClient jdbc, Messages messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	/** Stores what one run found: new findings opened, known ones carried over. */
	void save(long runId, long municipalityId, LocalDate day, List<FoundProblem> problems) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		for (FoundProblem p : problems) {
			String evidence = JSON.writeValueAsString(p.evidence());
			String message = messages.text("RECONCILE_" + p.type().name(), p.args().toArray());
			int updated = jdbc.sql("""
					UPDATE reconcile_finding SET evidence = ?, message = ?, last_found_on = CASE
					    WHEN last_found_on < ? THEN ? ELSE last_found_on END,
					    state = CASE WHEN state = 'RESOLVED' THEN 'OPEN' ELSE state END
					WHERE municipality_id = ? AND problem_key = ?""")
				.params(evidence, message, day, day, municipalityId, p.key())
				.update();
			if (updated == 0) {
				jdbc.sql("""
						INSERT INTO reconcile_finding (municipality_id, problem_key, type, severity, case_id, evidence,
						    message, first_found_on, last_found_on, state, created_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
					.params(municipalityId, p.key(), p.type().name(), p.type().severity().name(), p.caseId(), evidence,
							message, day, day, now)
					.update();
			}
			jdbc.sql(
					"""
							INSERT INTO reconcile_run_finding (run_id, finding_id)
							SELECT ?, f.id FROM reconcile_finding f WHERE f.municipality_id = ? AND f.problem_key = ?
							AND NOT EXISTS (SELECT 1 FROM reconcile_run_finding r WHERE r.run_id = ? AND r.finding_id = f.id)""")
				.params(runId, municipalityId, p.key(), runId)
				.update();
		}
	}

	/** The run of a day and attempt, created when first asked for. */
	long runFor(long municipalityId, LocalDate day, int attempt, String startedBy) {
		Optional<Long> existing = jdbc
			.sql("SELECT id FROM reconcile_run WHERE municipality_id = ? AND run_date = ? AND attempt = ?")
			.params(municipalityId, day, attempt)
			.query(Long.class)
			.optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		jdbc.sql("""
				INSERT INTO reconcile_run (municipality_id, run_date, attempt, status, started_by, started_at)
				VALUES (?, ?, ?, 'STARTED', ?, ?)""")
			.params(municipalityId, day, attempt, startedBy, OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		return jdbc.sql("SELECT id FROM reconcile_run WHERE municipality_id = ? AND run_date = ? AND attempt = ?")
			.params(municipalityId, day, attempt)
			.query(Long.class)
			.single();
	}

	/** The latest attempt of a day (-1: never run). */
	int lastAttempt(long municipalityId, LocalDate day) {
		return jdbc
			.sql("SELECT COALESCE(MAX(attempt), -1) FROM reconcile_run WHERE municipality_id = ? AND run_date = ?")
			.params(municipalityId, day)
			.query(Integer.class)
			.single();
	}

	void finish(long runId, String status, long casesChecked, Long jobExecutionId) {
		jdbc.sql("""
				UPDATE reconcile_run SET status = ?, finished_at = ?, cases_checked = ?, job_execution_id = ?
				WHERE id = ?""")
			.params(status, OffsetDateTime.now(ZoneOffset.UTC), casesChecked, jobExecutionId, runId)
			.update();
	}

	Optional<RunRow> latestRun(long municipalityId, LocalDate day) {
		return jdbc.sql("""
				SELECT id, run_date, attempt, status, started_at, finished_at, cases_checked FROM reconcile_run
				WHERE municipality_id = ? AND run_date = ? ORDER BY attempt DESC FETCH FIRST 1 ROWS ONLY""")
			.params(municipalityId, day)
			.query((rs, n) -> new RunRow(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getString(4),
					rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class), rs.getLong(7)))
			.optional();
	}

	List<Reconciliation.Finding> findingsOf(long municipalityId, long runId) {
		return jdbc.sql("""
				SELECT f.id, f.type, f.severity, f.case_id, f.evidence, f.message, f.state, f.first_found_on,
				    f.last_found_on, f.state_comment
				FROM reconcile_run_finding r JOIN reconcile_finding f ON f.id = r.finding_id
				WHERE r.run_id = ? AND f.municipality_id = ?
				ORDER BY CASE f.severity WHEN 'CRITICAL' THEN 0 WHEN 'MAJOR' THEN 1 ELSE 2 END, f.case_id, f.id""")
			.params(runId, municipalityId)
			.query((rs, n) -> new Reconciliation.Finding(rs.getLong(1), FindingType.valueOf(rs.getString(2)),
					Severity.valueOf(rs.getString(3)), (Long) rs.getObject(4),
					JSON.readValue(rs.getString(5), FoundProblem.Evidence.class), rs.getString(6),
					FindingState.valueOf(rs.getString(7)), rs.getObject(8, LocalDate.class),
					rs.getObject(9, LocalDate.class), rs.getString(10)))
			.list();
	}

	/** Changes a finding's state; false when the municipality has no such finding. */
	boolean changeState(long municipalityId, long findingId, FindingState state, String comment, String by) {
		return jdbc.sql("""
				UPDATE reconcile_finding SET state = ?, state_comment = ?, state_changed_by = ?, state_changed_at = ?
				WHERE id = ? AND municipality_id = ?""")
			.params(state.name(), comment, by, OffsetDateTime.now(ZoneOffset.UTC), findingId, municipalityId)
			.update() == 1;
	}

	record RunRow(long id, LocalDate day, int attempt, String status, OffsetDateTime startedAt,
			OffsetDateTime finishedAt, long casesChecked) {
	}

}
