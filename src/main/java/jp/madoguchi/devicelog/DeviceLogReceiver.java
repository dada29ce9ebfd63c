package jp.madoguchi.devicelog;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.devicelog.BrokenChainException.Evidence;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.Messages;
import jp.madoguchi.reader.log.ChainVerifier;
import jp.madoguchi.tenant.StaffUser;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives shipped device-log chunks (docs/device-log.md) and is the witness of every
 * workstation-day's chain: it keeps the head it has accepted per workstation-day
 * ({@code device_chain}) and who shipped each chunk ({@code device_chunk}). A chunk must
 * continue exactly from a hash held for its workstation-day (the genesis only while
 * nothing is held or for lines already held); an event id is stored once, and arriving
 * again with other bytes is refused. Every refusal is kept as a finding with its
 * evidence. Chunks of one workstation-day are serialized (a lock in this process and the
 * chain's row lock), so identical chunks posted at once store their events exactly once.
 */
@Service
public class DeviceLogReceiver {

	/**
	 * Duplicate names refused, as the adapter's own parser does: a line two readers could
	 * read differently ("outcome" twice) is malformed, never the last one's word.
	 */
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private static final Logger log = LoggerFactory.getLogger(DeviceLogReceiver.class);

	/** Marks a value cut to fit its column in a finding. */
	private static final String CUT = "…［以下省略］";

	private static final int PAGE_SIZE = 100;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TransactionTemplate transaction;

	private final AuditLog audit;

	private final Messages messages;

	private final ObjectProvider<KnownCases> knownCases;

	private final ApplicationEventPublisher publisher;

	private final ReentrantLock[] chainLocks = new ReentrantLock[64];

	DeviceLogReceiver(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transaction, AuditLog audit,
			Messages messages, ObjectProvider<KnownCases> knownCases, ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		this.messages = messages;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.transaction = transaction;
		this.audit = audit;
		this.knownCases = knownCases;
		for (int i = 0; i < chainLocks.length; i++) {
			chainLocks[i] = new ReentrantLock();
		}
	}

	/**
	 * @throws BrokenChainException when the chunk is refused; a finding has then been
	 * recorded
	 * @throws ClientError when the body is empty or has too many lines
	 */
	public ShipResult receive(StaffUser user, String body, String logFile, Integer firstLineInFile) {
		Shipper shipper = new Shipper(user, logFile, firstLineInFile);
		if (body == null || body.isBlank()) {
			throw ClientError.badRequest("BAD_DEVICE_LOG_EMPTY");
		}
		List<String> lines = ChainVerifier.splitLines(body);
		if (lines.size() > DeviceLogLimits.MAX_LINES) {
			throw ClientError.badRequest("BAD_DEVICE_LOG_TOO_MANY", String.valueOf(DeviceLogLimits.MAX_LINES));
		}
		try {
			return receive(shipper, lines);
		}
		catch (BrokenChainException refused) {
			throw record(shipper, refused);
		}
	}

	/**
	 * A body over {@link DeviceLogLimits#MAX_BODY_BYTES}: kept as a finding
	 * ({@code TOO_LARGE}) and answered 413.
	 */
	ClientError tooLarge(StaffUser user, String logFile, Integer firstLineInFile) {
		String limit = String.valueOf(DeviceLogLimits.MAX_BODY_BYTES / (1024 * 1024));
		record(new Shipper(user, logFile, firstLineInFile), refusal(0, "TOO_LARGE", Evidence.of("TOO_LARGE")));
		return new ClientError(HttpStatus.CONTENT_TOO_LARGE, "DEVICE_LOG_TOO_LARGE", limit);
	}

	private ShipResult receive(Shipper shipper, List<String> lines) {
		long started = System.nanoTime();
		verifyWithin(lines);
		List<Parsed> events = parseAll(shipper, lines);
		Parsed first = events.get(0);
		long verified = System.nanoTime();
		ReentrantLock lock = chainLocks[Math
			.floorMod(Objects.hash(shipper.municipalityId, first.workstation, first.day), chainLocks.length)];
		lock.lock();
		Stored stored;
		try {
			long chainId = ensureChain(shipper.municipalityId, first.workstation, first.day);
			try {
				stored = transaction.execute(status -> store(shipper, chainId, events, false));
			}
			catch (DataIntegrityViolationException eventIdHeld) {
				// A chunk continuing the head reused a stored event id (a rewrite): all
				// undone; the careful way finds the stored line and refuses it.
				stored = transaction.execute(status -> store(shipper, chainId, events, true));
			}
		}
		finally {
			lock.unlock();
		}
		// Counts and durations only: events name operators and cases, which stay out of
		// the application log.
		log.info(
				"Device log chunk: {} events new, {} already stored, {} of unknown cases; verify+parse {} ms, "
						+ "store {} ms",
				stored.accepted, stored.duplicates, stored.unknownCases, (verified - started) / 1_000_000,
				(System.nanoTime() - verified) / 1_000_000);
		if (stored.accepted > 0) {
			audit.record(shipper.municipalityId, shipper.user.getUsername(), AuditAction.IMPORT, "device-log",
					first.workstation + "/" + first.day + "/" + stored.accepted);
		}
		return new ShipResult(stored.accepted, stored.duplicates, stored.unknownCases);
	}

	/** The chain inside the chunk: every line intact and following the one before. */
	private static void verifyWithin(List<String> lines) {
		String start = ChainVerifier.prevHashOf(lines.get(0));
		ChainVerifier.Result chain = ChainVerifier.verify(lines, start == null ? ChainVerifier.GENESIS : start, 1);
		if (chain.intact()) {
			return;
		}
		int k = chain.firstBadLine();
		String line = lines.get(k - 1);
		String problem = chain.problem().name();
		Parsed readable = parse(line);
		Parsed named = readable != null ? readable : parse(lines.get(0));
		String workstation = named == null ? null : named.workstation;
		String eventId = readable == null ? null : readable.eventId;
		String caseRef = readable == null ? null : readable.caseRef;
		Evidence evidence = switch (chain.problem()) {
			case EDITED -> new Evidence(problem, workstation, contentHash(line), ChainVerifier.hashOf(line), eventId,
					caseRef, null);
			case DELETED_OR_REORDERED -> new Evidence(problem, workstation, chain.lastHash(),
					ChainVerifier.prevHashOf(line), eventId, caseRef, null);
			case TORN -> new Evidence(problem, workstation, null, null, null, null, null);
		};
		throw refusal(k, problem, evidence);
	}

	/**
	 * The hash a line's content gives (what its {@code hash} should be), or null if it is
	 * no link.
	 */
	private static String contentHash(String line) {
		String prev = ChainVerifier.prevHashOf(line);
		if (prev == null) {
			return null;
		}
		int hashMember = line.length() - (",\"hash\":\"".length() + 64 + 2);
		return ChainVerifier.hash(prev, line.substring(0, hashMember));
	}

	/**
	 * Every line's members, in line order: well-formed, each value within its column, all
	 * of the first line's workstation and day, and a workstation key's own.
	 */
	private static List<Parsed> parseAll(Shipper shipper, List<String> lines) {
		List<Parsed> events = new ArrayList<>(lines.size());
		Parsed first = null;
		for (int i = 0; i < lines.size(); i++) {
			int k = i + 1;
			Parsed p = parse(lines.get(i));
			if (p == null) {
				throw refusal(k, "MALFORMED", Evidence.of("MALFORMED"));
			}
			String tooLong = p.tooLongField();
			if (tooLong != null) {
				throw refusal(k, "FIELD_TOO_LONG", new Evidence("FIELD_TOO_LONG", p.workstation, null, null, p.eventId,
						p.caseRef, tooLong, tooLong, String.valueOf(limitOf(tooLong))));
			}
			if (first == null) {
				first = p;
				String own = shipper.user.boundWorkstation().orElse(null);
				if (own != null && !own.equals(p.workstation)) {
					throw refusal(k, "OTHER_WORKSTATION", new Evidence("OTHER_WORKSTATION", p.workstation, null,
							p.prevHash, null, null, null, p.workstation));
				}
			}
			else if (!first.workstation.equals(p.workstation)) {
				throw refusal(k, "CHAIN_SPLICED", new Evidence("CHAIN_SPLICED_IN_CHUNK", p.workstation, p.prevHash,
						p.prevHash, p.eventId, null, null, p.workstation, first.workstation));
			}
			else if (!first.day.equals(p.day)) {
				throw refusal(k, "OTHER_DAY", new Evidence("OTHER_DAY", p.workstation, null, p.prevHash, p.eventId,
						null, null, first.day.toString()));
			}
			events.add(p);
		}
		return events;
	}

	/** The id of the workstation-day's chain, made (holding nothing) if it is new. */
	private long ensureChain(long municipalityId, String workstation, LocalDate day) {
		Long id = chainId(municipalityId, workstation, day);
		if (id != null) {
			return id;
		}
		try {
			transaction.executeWithoutResult(status -> jdbc.sql("""
					INSERT INTO device_chain (municipality_id, workstation, log_day, head_hash, line_count)
					VALUES (?, ?, ?, NULL, 0)""").params(municipalityId, workstation, day).update());
		}
		catch (DataIntegrityViolationException madeByAnotherInstance) {
			// another service instance made it at the same moment
		}
		return Objects.requireNonNull(chainId(municipalityId, workstation, day));
	}

	private Long chainId(long municipalityId, String workstation, LocalDate day) {
		return jdbc.sql("SELECT id FROM device_chain WHERE municipality_id = ? AND workstation = ? AND log_day = ?")
			.params(municipalityId, workstation, day)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/**
	 * In one transaction, under the chain's row lock: checks the chunk against what the
	 * service holds and stores its new events.
	 */
	private Stored store(Shipper shipper, long chainId, List<Parsed> events, boolean careful) {
		long municipalityId = shipper.municipalityId;
		Map<String, Object> chain = jdbc.sql("SELECT head_hash, line_count FROM device_chain WHERE id = ? FOR UPDATE")
			.param(chainId)
			.query()
			.singleRow();
		String head = (String) chain.get("head_hash");
		int lineCount = ((Number) chain.get("line_count")).intValue();
		String running = head == null ? ChainVerifier.GENESIS : head;
		Parsed first = events.get(0);
		// A chunk continuing the head holds only new events, unless an event id is
		// reused:
		// then the unique key (event_id, municipality_id) refuses the insert and the
		// chunk
		// is taken again the careful way, looking up the stored lines first.
		boolean plain = !careful && first.prevHash.equals(running);
		Map<String, Held> held = plain ? Map.of() : heldLines(municipalityId, events);
		if (!first.prevHash.equals(ChainVerifier.GENESIS) && !continuesHeld(chainId, first, running, held)) {
			checkContinuation(municipalityId, chainId, first, running);
		}
		Map<String, String> inChunk = new HashMap<>();
		List<Parsed> fresh = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			Parsed p = events.get(i);
			int k = i + 1;
			String earlier = inChunk.putIfAbsent(p.eventId, p.hash);
			if (earlier != null) {
				throw refusal(k, "EVENT_REWRITTEN",
						new Evidence("EVENT_REWRITTEN", p.workstation, earlier, p.hash, p.eventId, p.caseRef, null));
			}
			Held heldEvent = held.get(p.eventId);
			if (heldEvent != null) {
				String heldLine = heldEvent.line;
				if (!heldLine.equals(p.line)) {
					throw refusal(k, "EVENT_REWRITTEN", new Evidence("EVENT_REWRITTEN", p.workstation,
							ChainVerifier.hashOf(heldLine), p.hash, p.eventId, p.caseRef, null));
				}
				continue;
			}
			if (!p.prevHash.equals(running)) {
				throw refusal(k, "CHAIN_FORKED",
						new Evidence("CHAIN_FORKED", p.workstation, running, p.prevHash, p.eventId, p.caseRef, null));
			}
			running = p.hash;
			fresh.add(p);
		}
		if (shipper.logFileTooLong) {
			throw refusal(0, "FIELD_TOO_LONG", new Evidence("LOG_FILE_TOO_LONG", first.workstation, null, null, null,
					null, "X-Device-Log-File", String.valueOf(DeviceLogLimits.LOG_FILE)));
		}
		if (fresh.isEmpty()) {
			return new Stored(0, events.size(), 0);
		}
		Set<String> unknownCases = unknownCases(municipalityId, fresh);
		for (Parsed p : fresh) {
			p.unknownCase = p.caseRef != null && unknownCases.contains(p.caseRef);
		}
		Timestamp now = Timestamp.from(Instant.now());
		long chunkId = insertChunk(shipper, chainId, lineCount + 1, fresh, now);
		jdbcTemplate.batchUpdate("""
				INSERT INTO device_event (municipality_id, event_id, workstation, event_time, case_ref, operator,
				    command, outcome, card_fingerprint, prev_hash, hash, line, received_by, received_at, chain_id,
				    chunk_id, unknown_case)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", fresh, 1000, (ps, p) -> {
			ps.setLong(1, municipalityId);
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
			ps.setString(13, shipper.shippedBy);
			ps.setTimestamp(14, now);
			ps.setLong(15, chainId);
			ps.setLong(16, chunkId);
			ps.setBoolean(17, p.unknownCase);
		});
		jdbc.sql("UPDATE device_chain SET head_hash = ?, line_count = ? WHERE id = ?")
			.params(running, lineCount + fresh.size(), chainId)
			.update();
		int unknown = flagUnknownCases(shipper, events, unknownCases);
		publishLocks(shipper, fresh);
		return new Stored(fresh.size(), events.size() - fresh.size(), unknown);
	}

	/** A verified lock of a known case goes on to the modules that wait for it. */
	private void publishLocks(Shipper shipper, List<Parsed> fresh) {
		for (Parsed p : fresh) {
			if ("verify-lock".equals(p.command) && "LOCKED".equals(p.outcome) && p.caseRef != null && !p.unknownCase) {
				Long caseId = caseNumber(p.caseRef);
				if (caseId != null) {
					publisher.publishEvent(new DeviceLockVerified(shipper.municipalityId, caseId, p.eventId, p.time,
							p.workstation, p.fingerprint, shipper.keyId != null));
				}
			}
		}
	}

	/**
	 * Whether the chunk's first line plainly continues what this chain holds, without a
	 * question to the database: it follows the head (the next chunk of a file), or it is
	 * a line the chain already holds byte for byte (a chunk sent again), whose
	 * predecessor the chain accepted when it was stored.
	 */
	private static boolean continuesHeld(long chainId, Parsed first, String head, Map<String, Held> held) {
		if (first.prevHash.equals(head)) {
			return true;
		}
		Held same = held.get(first.eventId);
		return same != null && same.chainId != null && same.chainId == chainId && same.line.equals(first.line);
	}

	/**
	 * A chunk that does not start at the genesis must start from a hash this
	 * workstation-day's chain holds. Asked only when {@link #continuesHeld} cannot tell,
	 * that is for a chunk about to be refused (a fork, a splice, an unknown predecessor):
	 * the stored events are searched by hash for the evidence, without an index on it
	 * (every accepted chunk would pay for that index).
	 */
	private void checkContinuation(long municipalityId, long chainId, Parsed first, String head) {
		List<Map<String, Object>> holders = jdbc.sql("""
				SELECT chain_id, workstation FROM device_event WHERE hash = ? AND municipality_id = ?""")
			.params(first.prevHash, municipalityId)
			.query()
			.listOfRows();
		if (holders.stream()
			.anyMatch(row -> row.get("chain_id") != null && ((Number) row.get("chain_id")).longValue() == chainId)) {
			return;
		}
		String expected = ChainVerifier.GENESIS.equals(head) ? null : head;
		if (holders.isEmpty()) {
			throw refusal(1, "DELETED_OR_REORDERED", new Evidence("UNKNOWN_PREDECESSOR", first.workstation, expected,
					first.prevHash, first.eventId, first.caseRef, null));
		}
		String holder = (String) holders.get(0).get("workstation");
		if (!first.workstation.equals(holder)) {
			throw refusal(1, "CHAIN_SPLICED", new Evidence("CHAIN_SPLICED", first.workstation, expected, first.prevHash,
					first.eventId, first.caseRef, null, holder));
		}
		throw refusal(1, "OTHER_DAY", new Evidence("OTHER_DAY", first.workstation, expected, first.prevHash,
				first.eventId, first.caseRef, null, first.day.toString()));
	}

	/**
	 * The stored line (and its chain) of every event id of the chunk the municipality
	 * already holds.
	 */
	private Map<String, Held> heldLines(long municipalityId, List<Parsed> events) {
		Map<String, Held> held = new HashMap<>();
		for (int from = 0; from < events.size(); from += 1000) {
			List<String> ids = events.subList(from, Math.min(events.size(), from + 1000))
				.stream()
				.map(Parsed::eventId)
				.toList();
			jdbc.sql("""
					SELECT event_id, line, chain_id FROM device_event
					WHERE municipality_id = :m AND event_id IN (:ids)""")
				.param("m", municipalityId)
				.param("ids", ids)
				.query((rs, n) -> held.put(rs.getString(1),
						new Held(rs.getString(2), rs.getObject(3) == null ? null : rs.getLong(3))))
				.list();
		}
		return held;
	}

	private long insertChunk(Shipper shipper, long chainId, int firstChainLine, List<Parsed> fresh, Timestamp now) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO device_chunk (chain_id, first_chain_line, line_count, prev_hash, last_hash, shipped_by,
				    workstation_key_id, log_file, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(chainId, firstChainLine, fresh.size(), fresh.get(0).prevHash, fresh.get(fresh.size() - 1).hash,
					shipper.shippedBy, shipper.keyId, shipper.logFile, now)
			.update(key, "id");
		return Objects.requireNonNull(key.getKey()).longValue();
	}

	/**
	 * The case ids of the new events that are not cases of the municipality: one question
	 * to the cases module per chunk.
	 */
	private Set<String> unknownCases(long municipalityId, List<Parsed> fresh) {
		Set<String> refs = new HashSet<>();
		Map<Long, String> numeric = new HashMap<>();
		for (Parsed p : fresh) {
			if (p.caseRef != null && refs.add(p.caseRef)) {
				Long id = caseNumber(p.caseRef);
				if (id != null) {
					numeric.put(id, p.caseRef);
				}
			}
		}
		if (refs.isEmpty()) {
			return refs;
		}
		KnownCases cases = knownCases.getIfAvailable();
		Set<Long> existing = cases == null ? Set.of() : cases.existing(municipalityId, numeric.keySet());
		existing.forEach(id -> refs.remove(numeric.get(id)));
		return refs;
	}

	/**
	 * One {@code UNKNOWN_CASE} finding per chunk that stored events of unknown cases, at
	 * the first such line; the events themselves carry the flag
	 * ({@code device_event.unknown_case}) for the reconciliation.
	 */
	private int flagUnknownCases(Shipper shipper, List<Parsed> events, Set<String> unknown) {
		if (unknown.isEmpty()) {
			return 0;
		}
		int count = 0;
		int firstLine = 0;
		Parsed first = null;
		for (int i = 0; i < events.size(); i++) {
			Parsed p = events.get(i);
			if (p.unknownCase) {
				count++;
				if (first == null) {
					first = p;
					firstLine = i + 1;
				}
			}
		}
		insertFindings(shipper,
				List.of(refusal(firstLine, "UNKNOWN_CASE",
						new Evidence("UNKNOWN_CASE", first.workstation, null, first.hash, first.eventId, first.caseRef,
								null, first.caseRef, String.valueOf(count), String.valueOf(unknown.size())))));
		return count;
	}

	private static Long caseNumber(String caseRef) {
		if (caseRef.isEmpty() || caseRef.length() > 18 || !caseRef.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return null;
		}
		return Long.parseLong(caseRef);
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

	/** The newest findings first, {@value #PAGE_SIZE} a page ({@code page} from 0). */
	public FindingsPage findings(long municipalityId, int page) {
		int from = Math.max(0, page) * PAGE_SIZE;
		long total = jdbc.sql("SELECT COUNT(*) FROM device_log_finding WHERE municipality_id = ?")
			.param(municipalityId)
			.query(Long.class)
			.single();
		List<Finding> items = jdbc.sql("""
				SELECT log_file, first_line, bad_line, problem, message, received_by, received_at, workstation,
				    expected_hash, received_hash, workstation_key_id, event_id, case_ref, field
				FROM device_log_finding WHERE municipality_id = ? ORDER BY id DESC LIMIT ? OFFSET ?""")
			.params(municipalityId, PAGE_SIZE, from)
			.query((rs, n) -> new Finding(rs.getString(1), (Integer) rs.getObject(2), rs.getInt(3),
					lineInFile((Integer) rs.getObject(2), rs.getInt(3)), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8), rs.getString(9),
					rs.getString(10), rs.getObject(11) == null ? null : rs.getLong(11), rs.getString(12),
					rs.getString(13), rs.getString(14)))
			.list();
		return new FindingsPage(items, Math.max(0, page), PAGE_SIZE, total);
	}

	/** The line in the log file, when the adapter said where the chunk began. */
	private static Integer lineInFile(Integer firstLine, int badLine) {
		return firstLine == null || badLine <= 0 ? null : firstLine + badLine - 1;
	}

	/** One page of findings, newest first. */
	public record FindingsPage(List<Finding> findings, int page, int pageSize, long total) {

		public boolean hasNext() {
			return (long) (page + 1) * pageSize < total;
		}

	}

	/**
	 * A refused chunk, or a stored event of an unknown case. {@code badLine} is 1-based
	 * in the chunk (0: the request itself); {@code firstLine} (the adapter's
	 * X-Device-Log-First-Line) places it in the file. {@code expectedHash} is what the
	 * service expected at that line (the content's own hash for EDITED, the previous
	 * line's hash for DELETED_OR_REORDERED, the chain's head for CHAIN_FORKED and
	 * CHAIN_SPLICED, the stored line's hash for EVENT_REWRITTEN), {@code receivedHash}
	 * what the line carried. {@code receivedBy} is the username, or
	 * {@code workstation:<name>} with {@code workstationKeyId} for a key.
	 */
	public record Finding(String logFile, Integer firstLine, int badLine, Integer lineInFile, String problem,
			String message, String receivedBy, OffsetDateTime receivedAt, String workstation, String expectedHash,
			String receivedHash, Long workstationKeyId, String eventId, String caseRef, String field) {
	}

	private static BrokenChainException refusal(int line, String problem, Evidence evidence) {
		return new BrokenChainException(line, problem, evidence, problem);
	}

	/** Keeps the refusal as a finding and returns it with the catalogue's text. */
	private BrokenChainException record(Shipper shipper, BrokenChainException refused) {
		transaction.executeWithoutResult(status -> insertFindings(shipper, List.of(refused)));
		return worded(refused);
	}

	private BrokenChainException worded(BrokenChainException e) {
		Evidence evidence = e.evidence();
		Object[] args = new Object[evidence.messageArgs().length + 1];
		args[0] = String.valueOf(e.line());
		for (int i = 0; i < evidence.messageArgs().length; i++) {
			args[i + 1] = fit(String.valueOf(evidence.messageArgs()[i]), 200);
		}
		String message = fit(messages.text("CHAIN_BROKEN_" + evidence.messageKey(), args),
				DeviceLogLimits.FINDING_MESSAGE);
		return new BrokenChainException(e.line(), e.problem(), evidence, message);
	}

	private void insertFindings(Shipper shipper, List<BrokenChainException> findings) {
		if (findings.isEmpty()) {
			return;
		}
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		List<BrokenChainException> worded = findings.stream().map(this::worded).toList();
		jdbcTemplate.batchUpdate("""
				INSERT INTO device_log_finding (municipality_id, log_file, first_line, bad_line, problem, message,
				    received_by, received_at, workstation, expected_hash, received_hash, workstation_key_id, event_id,
				    case_ref, field) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", worded, 1000, (ps, f) -> {
			Evidence e = f.evidence();
			ps.setLong(1, shipper.municipalityId);
			ps.setString(2, shipper.logFile);
			ps.setObject(3, shipper.firstLine);
			ps.setInt(4, f.line());
			ps.setString(5, f.problem());
			ps.setString(6, f.getMessage());
			ps.setString(7, shipper.shippedBy);
			ps.setObject(8, now);
			ps.setString(9, fit(e.workstation(), DeviceLogLimits.WORKSTATION));
			ps.setString(10, hash(e.expectedHash()));
			ps.setString(11, hash(e.receivedHash()));
			ps.setObject(12, shipper.keyId);
			ps.setString(13, fit(e.eventId(), DeviceLogLimits.EVENT_ID));
			ps.setString(14, fit(e.caseRef(), DeviceLogLimits.CASE_REF));
			ps.setString(15, fit(e.field(), DeviceLogLimits.FINDING_FIELD));
		});
	}

	private static String hash(String value) {
		return value != null && value.length() == DeviceLogLimits.HASH ? value : null;
	}

	/**
	 * The value cut to {@code max} characters with a visible marker when longer: a
	 * finding never fails on its evidence.
	 */
	static String fit(String value, int max) {
		if (value == null || value.length() <= max) {
			return value;
		}
		int keep = max - CUT.length();
		if (Character.isHighSurrogate(value.charAt(keep - 1))) {
			keep--;
		}
		return value.substring(0, keep) + CUT;
	}

	/**
	 * The members bounded by their columns, in the order they are checked, with the names
	 * a refusal gives them.
	 */
	private static final String[] BOUNDED_FIELDS = { "eventId", "workstation", "caseId", "operator", "command",
			"outcome", "card.fingerprint", "line" };

	private static int limitOf(String field) {
		return switch (field) {
			case "eventId" -> DeviceLogLimits.EVENT_ID;
			case "workstation" -> DeviceLogLimits.WORKSTATION;
			case "caseId" -> DeviceLogLimits.CASE_REF;
			case "operator" -> DeviceLogLimits.OPERATOR;
			case "command" -> DeviceLogLimits.COMMAND;
			case "outcome" -> DeviceLogLimits.OUTCOME;
			case "card.fingerprint" -> DeviceLogLimits.HASH;
			case "line" -> DeviceLogLimits.LINE;
			default -> throw new IllegalArgumentException(field);
		};
	}

	/**
	 * The line's members, read in one pass without building a tree (every token is still
	 * read and checked: well-formed, no name twice in an object, nothing after the
	 * object); null when malformed.
	 */
	private static Parsed parse(String line) {
		String eventId = null;
		String time = null;
		String workstation = null;
		String caseRef = null;
		String operator = null;
		String command = null;
		String outcome = null;
		String fingerprint = null;
		try (JsonParser json = JSON.createParser(line)) {
			if (json.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			while (json.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = json.currentName();
				JsonToken value = json.nextToken();
				switch (name) {
					case "eventId" -> eventId = text(json, value, name);
					case "time" -> time = text(json, value, name);
					case "workstation" -> workstation = text(json, value, name);
					case "caseId" -> caseRef = text(json, value, name);
					case "operator" -> operator = text(json, value, name);
					case "command" -> command = text(json, value, name);
					case "outcome" -> outcome = text(json, value, name);
					case "card" -> fingerprint = fingerprint(json, value);
					default -> json.skipChildren();
				}
			}
			if (json.currentToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
				return null;
			}
			if (eventId == null || eventId.isEmpty() || time == null || time.length() > 64 || workstation == null
					|| command == null || outcome == null) {
				return null;
			}
			OffsetDateTime at = OffsetDateTime.parse(time);
			return new Parsed(eventId, at, at.toLocalDate(), workstation, caseRef, operator, command, outcome,
					fingerprint, ChainVerifier.prevHashOf(line), ChainVerifier.hashOf(line), line);
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	/**
	 * {@code card.fingerprint} when {@code card} is an object; its other members skipped.
	 */
	private static String fingerprint(JsonParser json, JsonToken card) {
		if (card != JsonToken.START_OBJECT) {
			json.skipChildren();
			return null;
		}
		String fingerprint = null;
		while (json.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = json.currentName();
			JsonToken value = json.nextToken();
			if (name.equals("fingerprint")) {
				fingerprint = text(json, value, name);
			}
			else {
				json.skipChildren();
			}
		}
		return fingerprint;
	}

	/**
	 * A string member's value; null when null; a non-string makes it malformed.
	 */
	private static String text(JsonParser json, JsonToken value, String field) {
		if (value == JsonToken.VALUE_NULL) {
			return null;
		}
		if (value != JsonToken.VALUE_STRING || json.getString().indexOf('\0') >= 0) {
			// a NUL is valid JSON but no database text
			throw new IllegalArgumentException("not a storable string: " + field);
		}
		return json.getString();
	}

	/** Who shipped a chunk, as its rows and findings record it. */
	private static final class Shipper {

		final StaffUser user;

		final long municipalityId;

		final String shippedBy;

		final Long keyId;

		final String logFile;

		final boolean logFileTooLong;

		final Integer firstLine;

		Shipper(StaffUser user, String logFile, Integer firstLine) {
			this.user = user;
			this.municipalityId = user.municipalityId();
			this.shippedBy = fit(user.getUsername(), DeviceLogLimits.SHIPPED_BY);
			this.keyId = user.workstationKeyId().orElse(null);
			this.logFileTooLong = logFile != null && logFile.length() > DeviceLogLimits.LOG_FILE;
			this.logFile = fit(logFile, DeviceLogLimits.LOG_FILE);
			this.firstLine = firstLine;
		}

	}

	private record Stored(int accepted, int duplicates, int unknownCases) {
	}

	/** A stored event: its line, and its chain (null for a line V9 could not place). */
	private record Held(String line, Long chainId) {
	}

	/** One line's members; {@code unknownCase} is set when the chunk is stored. */
	private static final class Parsed {

		final String eventId;

		final OffsetDateTime time;

		final LocalDate day;

		final String workstation;

		final String caseRef;

		final String operator;

		final String command;

		final String outcome;

		final String fingerprint;

		final String prevHash;

		final String hash;

		final String line;

		boolean unknownCase;

		Parsed(String eventId, OffsetDateTime time, LocalDate day, String workstation, String caseRef, String operator,
				String command, String outcome, String fingerprint, String prevHash, String hash, String line) {
			this.eventId = eventId;
			this.time = time;
			this.day = day;
			this.workstation = workstation;
			this.caseRef = caseRef;
			this.operator = operator;
			this.command = command;
			this.outcome = outcome;
			this.fingerprint = fingerprint;
			this.prevHash = prevHash;
			this.hash = hash;
			this.line = line;
		}

		String eventId() {
			return eventId;
		}

		/** The first member wider than its column ({@link DeviceLogLimits}), or null. */
		String tooLongField() {
			String[] values = { eventId, workstation, caseRef, operator, command, outcome, fingerprint, line };
			for (int i = 0; i < BOUNDED_FIELDS.length; i++) {
				if (values[i] != null && values[i].length() > limitOf(BOUNDED_FIELDS[i])) {
					return BOUNDED_FIELDS[i];
				}
			}
			return null;
		}

	}

}
