package jp.madoguchi.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.devicelog.DeviceLockVerified;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.japanese.JapaneseDates;
import jp.madoguchi.tenant.Role;
import jp.madoguchi.tenant.StaffUser;
import jp.madoguchi.sql.IdLists;

/**
 * The steps clerks record on a case, in its workflow's order, and the lock gate: a case's
 * {@code LOCK_ALL_PINS} is accepted only when the reader adapter's {@code verify-lock}
 * found the card locked after the temporary PIN was set (heard as
 * {@link DeviceLockVerified}); a supervisor may record an exception or an override, with
 * a comment, and both are reported by the nightly reconciliation.
 */
@Service
public class CaseSteps {

	/** A step done longer ago than this needs a reason. */
	static final Duration PAST_WITHOUT_REASON = Duration.ofMinutes(10);

	/** Clocks of the counter PCs may run a little ahead. */
	private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(2);

	private static final int TEXT_MAX = CaseLimits.STEP_TEXT;

	private static final int STAFF_MAX = CaseLimits.STEP_STAFF;

	static final String SELECT = """
			SELECT id, step, performed_at, recorded_at, recorded_by, second_staff, confirmed_at, reason, note, kind,
			    exception_comment, lock_event_id, case_id
			FROM case_step""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final CaseRegistry cases;

	private final AuditLog audit;

	private final Clock clock;

	CaseSteps(JdbcClient jdbc, TransactionTemplate transaction, CaseRegistry cases, AuditLog audit) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.cases = cases;
		this.audit = audit;
		this.clock = Clock.systemUTC();
	}

	/** Where the case stands. */
	public CaseProgress progress(long municipalityId, CaseDetail c) {
		return CaseProgress.of(c.workflow(), recorded(municipalityId, c.id()));
	}

	/** The steps recorded on these cases, by case (for a list or a batch job). */
	public Map<Long, List<RecordedStep>> recordedOf(long municipalityId, Collection<Long> caseIds) {
		Map<Long, List<RecordedStep>> byCase = new HashMap<>();
		for (List<Long> slice : IdLists.slices(caseIds)) {
			jdbc.sql(SELECT + " WHERE case_id IN (" + IdLists.numbers(slice) + ") AND municipality_id = ? ORDER BY id")
				.param(municipalityId)
				.query((rs, n) -> Map.entry(rs.getLong("case_id"), step(rs, n)))
				.list()
				.forEach(e -> byCase.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		}
		return byCase;
	}

	/**
	 * When each of these cases closed (consent refused, or the card handed over): the
	 * time of the closing step; a case still open is absent.
	 */
	public Map<Long, OffsetDateTime> closedAt(long municipalityId, Collection<Long> caseIds) {
		Map<Long, OffsetDateTime> closed = new HashMap<>();
		recordedOf(municipalityId, caseIds).forEach((caseId, steps) -> steps.stream()
			.filter(r -> r.step() == CaseStep.CONSENT_REFUSED || (r.step().handsOver() && r.done()))
			.map(RecordedStep::performedAt)
			.max(OffsetDateTime::compareTo)
			.ifPresent(at -> closed.put(caseId, at)));
		return closed;
	}

	private List<RecordedStep> recorded(long municipalityId, long caseId) {
		return jdbc.sql(SELECT + " WHERE case_id = ? AND municipality_id = ? ORDER BY id")
			.params(caseId, municipalityId)
			.query(CaseSteps::step)
			.list();
	}

	/**
	 * Records a step done by the signed-in clerk.
	 * @throws ClientError 404 for a case the municipality does not have; 400 for a
	 * request that cannot be a step; 409 {@code STEP_OUT_OF_ORDER} (with the expected
	 * step), {@code LOCK_NOT_VERIFIED}, {@code CASE_CLOSED},
	 * {@code STEP_ALREADY_RECORDED}, {@code STEP_AWAITING_CONFIRMATION}; 403
	 * {@code STEP_EXCEPTION_NOT_SUPERVISOR}
	 */
	RecordedStep record(StaffUser user, long caseId, StepRequest request) {
		CaseStep step = parseStep(request.step());
		OffsetDateTime now = OffsetDateTime.now(clock);
		OffsetDateTime at = parseAt(request.at(), now);
		String reason = text(request.reason(), "reason");
		String note = text(request.note(), "note");
		String exception = text(request.exception(), "exception");
		if (at.isBefore(now.minus(PAST_WITHOUT_REASON)) && reason == null) {
			throw ClientError.badRequest("STEP_REASON_REQUIRED").field("reason");
		}
		String confirming = staff(user, request.staff(), step);
		if (exception != null && !user.hasRole(Role.SUPERVISOR)) {
			throw new ClientError(HttpStatus.FORBIDDEN, "STEP_EXCEPTION_NOT_SUPERVISOR").field("exception");
		}
		long municipalityId = user.municipalityId();
		return transaction.execute(status -> {
			CaseDetail c = lockCase(municipalityId, caseId);
			CaseProgress p = progress(municipalityId, c);
			if (p.closed()) {
				throw ClientError.conflict("CASE_CLOSED");
			}
			if (p.find(step) != null) {
				throw ClientError.conflict("STEP_ALREADY_RECORDED", step.label()).field("step");
			}
			for (RecordedStep r : p.recorded()) {
				if (r.awaitingConfirmation()) {
					throw ClientError.conflict("STEP_AWAITING_CONFIRMATION", r.label()).expected(r.step().name());
				}
			}
			CaseStep expected = expectedBefore(c.workflow(), p, step);
			StepKind kind = StepKind.NORMAL;
			if (step != expected) {
				if (exception == null) {
					throw ClientError.conflict("STEP_OUT_OF_ORDER", expected.label())
						.field("step")
						.expected(expected.name());
				}
				kind = StepKind.OUT_OF_ORDER;
			}
			String lockEvent = null;
			if (step == CaseStep.LOCK_ALL_PINS) {
				OffsetDateTime pinSetAt = pinSetAt(p);
				lockEvent = verifiedLockAfter(municipalityId, caseId, pinSetAt);
				if (lockEvent == null) {
					if (exception == null) {
						throw ClientError.conflict("LOCK_NOT_VERIFIED", pinSetAt == null ? "（記録なし）" : inJapan(pinSetAt))
							.expected("verify-lock:LOCKED");
					}
					kind = StepKind.LOCK_OVERRIDE;
				}
			}
			long id = insert(municipalityId, caseId, step, at, now, user.getUsername(), confirming, reason, note, kind,
					exception, lockEvent);
			audit.record(municipalityId, user.getUsername(), AuditAction.STEP_RECORDED, "case.step",
					caseId + "/" + step.name());
			return find(municipalityId, id);
		});
	}

	/**
	 * The second staff confirms a registration by two staff.
	 * @throws ClientError 409 {@code STEP_NOT_AWAITING_CONFIRMATION},
	 * {@code STEP_CONFIRM_BY_OTHER_STAFF} (the one who recorded it, or not the one named)
	 */
	RecordedStep confirm(StaffUser user, long caseId, long stepId) {
		long municipalityId = user.municipalityId();
		return transaction.execute(status -> {
			lockCase(municipalityId, caseId);
			RecordedStep r = jdbc.sql(SELECT + " WHERE id = ? AND case_id = ? AND municipality_id = ?")
				.params(stepId, caseId, municipalityId)
				.query(CaseSteps::step)
				.optional()
				.orElseThrow(ClientError::notFound);
			if (!r.awaitingConfirmation()) {
				throw ClientError.conflict("STEP_NOT_AWAITING_CONFIRMATION", r.label());
			}
			String recorder = r.staff().get(0);
			if (recorder.equals(user.getUsername())
					|| (r.confirmingStaff() != null && !r.confirmingStaff().equals(user.getUsername()))) {
				throw ClientError.conflict("STEP_CONFIRM_BY_OTHER_STAFF", r.label())
					.expected(r.confirmingStaff() == null ? "" : r.confirmingStaff());
			}
			jdbc.sql("UPDATE case_step SET second_staff = ?, confirmed_at = ? WHERE id = ?")
				.params(user.getUsername(), OffsetDateTime.now(clock), stepId)
				.update();
			audit.record(municipalityId, user.getUsername(), AuditAction.STEP_CONFIRMED, "case.step",
					caseId + "/" + r.step().name());
			return find(municipalityId, stepId);
		});
	}

	/**
	 * The step the case expects before {@code step} can be recorded without an exception:
	 * the next step of its path; the consent's refusal instead of the consent; the
	 * shorter path's registration instead of the consent of a setting switch.
	 */
	private static CaseStep expectedBefore(Workflow workflow, CaseProgress p, CaseStep step) {
		CaseStep next = p.nextStep();
		if (step == CaseStep.CONSENT_REFUSED) {
			if (next != null && next.isConsent()) {
				return step;
			}
			if (p.path().stream().noneMatch(CaseStep::isConsent)) {
				throw ClientError.badRequest("STEP_NOT_IN_WORKFLOW", step.label()).field("step");
			}
			return next;
		}
		if (!p.path().contains(step)) {
			boolean shorter = workflow.shorterPath().contains(step);
			if (!shorter) {
				throw ClientError.badRequest("STEP_NOT_IN_WORKFLOW", step.label()).field("step");
			}
			// The shorter path branches off right after the first step.
			boolean atBranch = p.recorded().stream().allMatch(r -> workflow.shorterPath().get(0) == r.step());
			if (step == CaseStep.REGISTRATION_WITH_OWN_PIN && atBranch && next == workflow.steps().get(1)) {
				return step;
			}
			return next;
		}
		return next;
	}

	/**
	 * When the PIN that the lock must make unusable was set: the temporary PIN's step, or
	 * the person's own registration on the shorter path; null when not recorded.
	 */
	static OffsetDateTime pinSetAt(CaseProgress p) {
		for (RecordedStep r : p.recorded()) {
			if (r.step().setsTemporaryPin() || r.step() == CaseStep.REGISTRATION_WITH_OWN_PIN) {
				return r.performedAt();
			}
		}
		return null;
	}

	/** The locks the reader adapter verified on the case's card, oldest first. */
	public List<VerifiedLock> verifiedLocks(long municipalityId, long caseId) {
		return jdbc.sql("""
				SELECT event_id, event_time, workstation, by_workstation_key FROM case_lock_evidence
				WHERE case_id = ? AND municipality_id = ? ORDER BY event_time, id""")
			.params(caseId, municipalityId)
			.query((rs, n) -> new VerifiedLock(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
					rs.getBoolean(4)))
			.list();
	}

	/** The first verified lock of the case after {@code after} (any, when null). */
	private String verifiedLockAfter(long municipalityId, long caseId, OffsetDateTime after) {
		return jdbc.sql("""
				SELECT event_id FROM case_lock_evidence
				WHERE case_id = ? AND municipality_id = ? AND event_time > ?
				ORDER BY event_time FETCH FIRST 1 ROWS ONLY""")
			.params(caseId, municipalityId,
					after == null ? OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC) : after)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/** The reader adapter verified a case's lock: kept for the gate (once per event). */
	@ApplicationModuleListener
	void on(DeviceLockVerified event) {
		try {
			jdbc.sql("""
					INSERT INTO case_lock_evidence (municipality_id, case_id, event_id, event_time, workstation,
					    card_fingerprint, by_workstation_key, heard_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(event.municipalityId(), event.caseId(), event.eventId(), event.eventTime(), event.workstation(),
						event.cardFingerprint(), event.byWorkstationKey(), OffsetDateTime.now(clock))
				.update();
		}
		catch (DuplicateKeyException alreadyHeard) {
			// Redelivered after a restart: heard once is enough.
		}
	}

	private CaseDetail lockCase(long municipalityId, long caseId) {
		// One writer per case at a time: two clerks cannot record the same step twice.
		jdbc.sql("SELECT id FROM applicant_case WHERE id = ? AND municipality_id = ? FOR UPDATE")
			.params(caseId, municipalityId)
			.query(Long.class)
			.optional()
			.orElseThrow(ClientError::notFound);
		return cases.find(municipalityId, caseId).orElseThrow(ClientError::notFound);
	}

	private long insert(long municipalityId, long caseId, CaseStep step, OffsetDateTime at, OffsetDateTime now,
			String recordedBy, String confirming, String reason, String note, StepKind kind, String exception,
			String lockEvent) {
		jdbc.sql("""
				INSERT INTO case_step (municipality_id, case_id, step, performed_at, recorded_at, recorded_by,
				    second_staff, confirmed_at, reason, note, kind, exception_comment, lock_event_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)""")
			.params(municipalityId, caseId, step.name(), at, now, recordedBy, step.needsTwoStaff() ? confirming : null,
					reason, note, kind.name(), exception, lockEvent)
			.update();
		return jdbc.sql("SELECT id FROM case_step WHERE case_id = ? AND step = ?")
			.params(caseId, step.name())
			.query(Long.class)
			.single();
	}

	private RecordedStep find(long municipalityId, long id) {
		return jdbc.sql(SELECT + " WHERE id = ? AND municipality_id = ?")
			.params(id, municipalityId)
			.query(CaseSteps::step)
			.single();
	}

	static RecordedStep step(ResultSet rs, int n) throws SQLException {
		CaseStep step = CaseStep.valueOf(rs.getString("step"));
		boolean two = step.needsTwoStaff();
		OffsetDateTime confirmedAt = rs.getObject("confirmed_at", OffsetDateTime.class);
		String second = rs.getString("second_staff");
		List<String> staff = new ArrayList<>(2);
		staff.add(rs.getString("recorded_by"));
		if (two && confirmedAt != null) {
			staff.add(second);
		}
		return new RecordedStep(rs.getLong("id"), step, step.label(),
				rs.getObject("performed_at", OffsetDateTime.class), rs.getObject("recorded_at", OffsetDateTime.class),
				staff, two && confirmedAt == null ? second : null, two && confirmedAt == null, rs.getString("reason"),
				rs.getString("note"), StepKind.valueOf(rs.getString("kind")), rs.getString("exception_comment"),
				rs.getString("lock_event_id"));
	}

	/** A time as the clerk reads it: 和暦 date and time in Japan. */
	public static String inJapan(OffsetDateTime time) {
		var local = time.atZoneSameInstant(JAPAN);
		return JapaneseDates.toEraText(local.toLocalDate()) + " " + TIME.format(local);
	}

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

	private static CaseStep parseStep(String text) {
		if (text == null || text.isBlank()) {
			throw ClientError.badRequest("STEP_REQUIRED").field("step");
		}
		try {
			return CaseStep.valueOf(text.strip());
		}
		catch (IllegalArgumentException e) {
			throw ClientError.badRequest("STEP_UNKNOWN").field("step");
		}
	}

	private static OffsetDateTime parseAt(String text, OffsetDateTime now) {
		if (text == null || text.isBlank()) {
			return now;
		}
		OffsetDateTime at;
		try {
			at = OffsetDateTime.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw ClientError.badRequest("STEP_BAD_TIME").field("at");
		}
		if (at.isAfter(now.plus(FUTURE_TOLERANCE))) {
			throw ClientError.badRequest("STEP_TIME_IN_FUTURE").field("at");
		}
		return at;
	}

	private static String text(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		// In UTF-16 units, as H2 counts a VARCHAR (PostgreSQL counts code points: never
		// less).
		if (v.length() > TEXT_MAX) {
			throw ClientError.badRequest("STEP_TEXT_TOO_LONG", TEXT_MAX).field(field);
		}
		return v;
	}

	/**
	 * Checks the staff named: the signed-in clerk first; a second only for a registration
	 * by two staff, and not the same person. Returns the second (null when not named).
	 */
	private static String staff(StaffUser user, List<String> staff, CaseStep step) {
		if (staff == null || staff.isEmpty()) {
			return null;
		}
		if (staff.stream().anyMatch(s -> s == null || s.isBlank() || s.length() > STAFF_MAX)) {
			throw ClientError.badRequest("STEP_STAFF_INVALID").field("staff");
		}
		if (!staff.get(0).strip().equals(user.getUsername())) {
			throw ClientError.badRequest("STEP_STAFF_NOT_SIGNED_IN").field("staff");
		}
		if (staff.size() > (step.needsTwoStaff() ? 2 : 1)) {
			throw ClientError.badRequest("STEP_STAFF_TOO_MANY").field("staff");
		}
		if (staff.size() == 2) {
			String second = staff.get(1).strip();
			if (second.equals(user.getUsername())) {
				throw ClientError.badRequest("STEP_SAME_STAFF").field("staff");
			}
			return second;
		}
		return null;
	}

}
