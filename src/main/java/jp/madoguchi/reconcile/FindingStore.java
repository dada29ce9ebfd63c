package jp.madoguchi.reconcile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
			.query(FindingStore::finding)
			.list();
	}

	/**
	 * Counts by severity of the latest attempt of each day from {@code from} to
	 * {@code to} that has a run, the latest day first.
	 */
	List<ReconciliationSummary.Day> days(long municipalityId, LocalDate from, LocalDate to) {
		Map<LocalDate, DayTally> tallies = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT r.run_date, r.attempt, r.status, r.cases_checked, f.severity, COUNT(f.id)
				FROM reconcile_run r
				LEFT JOIN reconcile_run_finding rf ON rf.run_id = r.id
				LEFT JOIN reconcile_finding f ON f.id = rf.finding_id
				WHERE r.municipality_id = ? AND r.run_date BETWEEN ? AND ?
				AND r.attempt = (SELECT MAX(l.attempt) FROM reconcile_run l
				    WHERE l.municipality_id = r.municipality_id AND l.run_date = r.run_date)
				GROUP BY r.run_date, r.attempt, r.status, r.cases_checked, f.severity
				ORDER BY r.run_date DESC""").params(municipalityId, from, to).query(rs -> {
			DayTally tally = tallies.computeIfAbsent(rs.getObject(1, LocalDate.class), day -> new DayTally());
			tally.attempt = rs.getInt(2);
			tally.status = rs.getString(3);
			tally.casesChecked = rs.getLong(4);
			String severity = rs.getString(5);
			if (severity != null) {
				tally.counts.put(Severity.valueOf(severity), rs.getLong(6));
			}
		});
		return tallies.entrySet()
			.stream()
			.map(e -> new ReconciliationSummary.Day(e.getKey(), e.getValue().attempt, e.getValue().status,
					e.getValue().casesChecked, e.getValue().count(Severity.CRITICAL),
					e.getValue().count(Severity.MAJOR), e.getValue().count(Severity.MINOR)))
			.toList();
	}

	/** One day's latest run while its rows (one per severity found) are read. */
	private static final class DayTally {

		private final Map<Severity, Long> counts = new EnumMap<>(Severity.class);

		private int attempt;

		private String status;

		private long casesChecked;

		long count(Severity severity) {
			return counts.getOrDefault(severity, 0L);
		}

	}

	/** How many of the municipality's findings nobody has acknowledged or resolved. */
	long openCount(long municipalityId) {
		return jdbc.sql("SELECT COUNT(*) FROM reconcile_finding WHERE municipality_id = ? AND state = 'OPEN'")
			.param(municipalityId)
			.query(Long.class)
			.single();
	}

	/**
	 * The open findings, whichever night found them: the most severe first, then the
	 * latest found, at most {@code limit}.
	 */
	List<Reconciliation.Finding> openFindings(long municipalityId, int limit) {
		return jdbc.sql("""
				SELECT id, type, severity, case_id, evidence, message, state, first_found_on, last_found_on,
				    state_comment
				FROM reconcile_finding WHERE municipality_id = ? AND state = 'OPEN'
				ORDER BY CASE severity WHEN 'CRITICAL' THEN 0 WHEN 'MAJOR' THEN 1 ELSE 2 END, last_found_on DESC,
				    case_id, id
				FETCH FIRST ? ROWS ONLY""").params(municipalityId, limit).query(FindingStore::finding).list();
	}

	private static Reconciliation.Finding finding(ResultSet rs, int n) throws SQLException {
		return new Reconciliation.Finding(rs.getLong(1), FindingType.valueOf(rs.getString(2)),
				Severity.valueOf(rs.getString(3)), (Long) rs.getObject(4),
				JSON.readValue(rs.getString(5), FoundProblem.Evidence.class), rs.getString(6),
				FindingState.valueOf(rs.getString(7)), rs.getObject(8, LocalDate.class),
				rs.getObject(9, LocalDate.class), rs.getString(10));
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
