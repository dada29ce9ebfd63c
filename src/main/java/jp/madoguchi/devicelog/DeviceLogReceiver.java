package jp.madoguchi.devicelog;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.Messages;
import jp.madoguchi.reader.log.ChainVerifier;
import jp.madoguchi.tenant.StaffUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives shipped device-log chunks (docs/device-log.md): verifies the chain where the
 * chunk continues one the service already holds, stores each event once by its id, and
 * keeps a finding for every chunk that fails.
 */
@Service
public class DeviceLogReceiver {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Logger log = LoggerFactory.getLogger(DeviceLogReceiver.class);

	private static final int MAX_LINES = 5_000;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TransactionTemplate transaction;

	private final AuditLog audit;

	private final Messages messages;

	DeviceLogReceiver(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transaction, AuditLog audit,
			Messages messages) {
		this.messages = messages;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.transaction = transaction;
		this.audit = audit;
	}

	/**
	 * @throws BrokenChainException when the chunk does not verify; a finding has then
	 * been recorded
	 * @throws ClientError when the body is empty or too long
	 */
	public ShipResult receive(StaffUser user, String body, String logFile, Integer firstLineInFile) {
		long started = System.nanoTime();
		List<String> lines = ChainVerifier.splitLines(body);
		if (lines.isEmpty()) {
			throw ClientError.badRequest("BAD_DEVICE_LOG_EMPTY");
		}
		if (lines.size() > MAX_LINES) {
			throw ClientError.badRequest("BAD_DEVICE_LOG_TOO_MANY", String.valueOf(MAX_LINES));
		}
		if (logFile != null && logFile.length() > DeviceLogLimits.LOG_FILE) {
			throw ClientError
				.badRequest("FIELD_TOO_LONG", "X-Device-Log-File", String.valueOf(DeviceLogLimits.LOG_FILE))
				.field("X-Device-Log-File");
		}
		long municipalityId = user.municipalityId();
		String expectedPrevHash = continuationPoint(municipalityId, lines.get(0));
		if (expectedPrevHash == null) {
			throw refuse(user, logFile, firstLineInFile, 1, "UNKNOWN_PREDECESSOR");
		}
		ChainVerifier.Result chain = ChainVerifier.verify(lines, expectedPrevHash, 1);
		if (!chain.intact()) {
			throw refuse(user, logFile, firstLineInFile, chain.firstBadLine(), chain.problem().name());
		}
		List<Parsed> events = new ArrayList<>(lines.size());
		String workstation = null;
		for (int i = 0; i < lines.size(); i++) {
			Parsed p = parse(lines.get(i), i + 1);
			if (p == null) {
				throw refuse(user, logFile, firstLineInFile, i + 1, "MALFORMED");
			}
			if (workstation != null && !workstation.equals(p.workstation)) {
				throw refuse(user, logFile, firstLineInFile, i + 1, "MIXED_WORKSTATIONS");
			}
			workstation = p.workstation;
			events.add(p);
		}
		String shipping = workstation;
		if (user.boundWorkstation().filter(bound -> !bound.equals(shipping)).isPresent()) {
			throw refuse(user, logFile, firstLineInFile, 1, "OTHER_WORKSTATION", shipping);
		}
		long verified = System.nanoTime();
		int[] counts = transaction.execute(status -> store(user, events));
		// Counts and durations only: events name operators and cases, which stay out of
		// the application log.
		log.info("Device log chunk: {} events new, {} already stored; verify+parse {} ms, store {} ms", counts[0],
				counts[1], (verified - started) / 1_000_000, (System.nanoTime() - verified) / 1_000_000);
		audit.record(municipalityId, user.getUsername(), AuditAction.IMPORT, "device-log",
				workstation + "/" + counts[0]);
		return new ShipResult(counts[0], counts[1]);
	}

	/**
	 * Events recorded for a case (the adapter's --case), oldest first, scoped to the
	 * municipality.
	 */
	public List<DeviceEvent> eventsForCase(long municipalityId, String caseRef) {
		return jdbc.sql("""
				SELECT event_id, event_time, workstation, operator, command, outcome, card_fingerprint, line
				FROM device_event WHERE case_ref = ? AND municipality_id = ? ORDER BY event_time, id""")
			.params(caseRef, municipalityId)
			.query((rs, n) -> new DeviceEvent(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
			.list();
	}

	public List<Finding> findings(long municipalityId) {
		return jdbc.sql("""
				SELECT log_file, first_line, bad_line, problem, message, received_by, received_at
				FROM device_log_finding WHERE municipality_id = ? ORDER BY id DESC""")
			.param(municipalityId)
			.query((rs, n) -> new Finding(rs.getString(1), (Integer) rs.getObject(2), rs.getInt(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
			.list();
	}

	/**
	 * A chunk that failed verification. {@code badLine} is 1-based in the chunk;
	 * {@code firstLine} places it.
	 */
	public record Finding(String logFile, Integer firstLine, int badLine, String problem, String message,
			String receivedBy, OffsetDateTime receivedAt) {
	}

	/**
	 * The hash the first line must follow: the genesis for a file's first line, else a
	 * line the service already holds (a re-sent chunk may start earlier than the last one
	 * stored). Null when it follows nothing known.
	 */
	private String continuationPoint(long municipalityId, String firstLine) {
		String prev = ChainVerifier.prevHashOf(firstLine);
		if (prev == null) {
			return ChainVerifier.GENESIS; // not a link at all: let the verifier name the
											// problem
		}
		if (prev.equals(ChainVerifier.GENESIS)) {
			return prev;
		}
		boolean known = jdbc.sql("SELECT COUNT(*) FROM device_event WHERE hash = ? AND municipality_id = ?")
			.params(prev, municipalityId)
			.query(Long.class)
			.single() > 0;
		return known ? prev : null;
	}

	/**
	 * Records the finding and returns the refusal; the text is the catalogue's
	 * {@code CHAIN_BROKEN_<problem>} for the line.
	 */
	private BrokenChainException refuse(StaffUser user, String logFile, Integer firstLine, int badLine, String problem,
			String... details) {
		Object[] args = new Object[details.length + 1];
		args[0] = String.valueOf(badLine);
		System.arraycopy(details, 0, args, 1, details.length);
		String message = this.messages.text("CHAIN_BROKEN_" + problem, args);
		String problemName = "UNKNOWN_PREDECESSOR".equals(problem) ? ChainVerifier.Problem.DELETED_OR_REORDERED.name()
				: problem;
		transaction.executeWithoutResult(status -> jdbc.sql("""
				INSERT INTO device_log_finding (municipality_id, log_file, first_line, bad_line, problem, message,
				    received_by, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(user.municipalityId(), logFile, firstLine, badLine, problemName, message, user.getUsername(),
					OffsetDateTime.now(ZoneOffset.UTC))
			.update());
		return new BrokenChainException(badLine, problemName, message);
	}

	private int[] store(StaffUser user, List<Parsed> events) {
		Set<String> known = new HashSet<>();
		for (int from = 0; from < events.size(); from += 1000) {
			List<String> ids = events.subList(from, Math.min(events.size(), from + 1000))
				.stream()
				.map(Parsed::eventId)
				.toList();
			known.addAll(jdbc.sql("SELECT event_id FROM device_event WHERE event_id IN (:ids)")
				.param("ids", ids)
				.query(String.class)
				.list());
		}
		List<Parsed> fresh = new ArrayList<>();
		Set<String> seen = new HashSet<>(known);
		for (Parsed p : events) {
			if (seen.add(p.eventId)) {
				fresh.add(p);
			}
		}
		Timestamp now = Timestamp.from(Instant.now());
		jdbcTemplate.batchUpdate("""
				INSERT INTO device_event (municipality_id, event_id, workstation, event_time, case_ref, operator,
				    command, outcome, card_fingerprint, prev_hash, hash, line, received_by, received_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", fresh, 1000, (ps, p) -> {
			ps.setLong(1, user.municipalityId());
			ps.setString(2, p.eventId);
			ps.setString(3, p.workstation);
			ps.setObject(4, p.time);
			ps.setString(5, p.caseRef);
			ps.setString(6, p.operator);
			ps.setString(7, p.command);
			ps.setString(8, p.outcome);
			ps.setString(9, p.fingerprint);
			ps.setString(10, p.prevHash);
			ps.setString(11, p.hash);
			ps.setString(12, p.line);
			ps.setString(13, user.getUsername());
			ps.setTimestamp(14, now);
		});
		return new int[] { fresh.size(), events.size() - fresh.size() };
	}

	private static Parsed parse(String line, int number) {
		try {
			JsonNode n = JSON.readTree(line);
			JsonNode card = n.get("card");
			String fingerprint = card != null && card.isObject() && card.hasNonNull("fingerprint")
					? card.get("fingerprint").asString() : null;
			String eventId = text(n, "eventId");
			String time = text(n, "time");
			String command = text(n, "command");
			String outcome = text(n, "outcome");
			if (eventId == null || time == null || command == null || outcome == null) {
				return null;
			}
			Parsed p = new Parsed(eventId, OffsetDateTime.parse(time), textOr(n, "workstation", ""), text(n, "caseId"),
					text(n, "operator"), command, outcome, fingerprint, text(n, "prevHash"), text(n, "hash"), line);
			return p.fits() ? p : null;
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	private static String text(JsonNode n, String field) {
		JsonNode v = n.get(field);
		return v == null || v.isNull() ? null : v.asString();
	}

	private static String textOr(JsonNode n, String field, String fallback) {
		String v = text(n, field);
		return v == null ? fallback : v;
	}

	private record Parsed(String eventId, OffsetDateTime time, String workstation, String caseRef, String operator,
			String command, String outcome, String fingerprint, String prevHash, String hash, String line) {

		/**
		 * Every value fits its column ({@link DeviceLogLimits}): never a database error.
		 */
		boolean fits() {
			return eventId.length() <= DeviceLogLimits.EVENT_ID && workstation.length() <= DeviceLogLimits.WORKSTATION
					&& (caseRef == null || caseRef.length() <= DeviceLogLimits.CASE_REF)
					&& (operator == null || operator.length() <= DeviceLogLimits.OPERATOR)
					&& command.length() <= DeviceLogLimits.COMMAND && outcome.length() <= DeviceLogLimits.OUTCOME
					&& (fingerprint == null || fingerprint.length() <= DeviceLogLimits.HASH)
					&& (prevHash == null || prevHash.length() <= DeviceLogLimits.HASH)
					&& (hash == null || hash.length() <= DeviceLogLimits.HASH) && line.length() <= DeviceLogLimits.LINE;
		}
	}

}
