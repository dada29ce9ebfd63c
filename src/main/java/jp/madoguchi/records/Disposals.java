package jp.madoguchi.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.cases.CaseSteps;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.retention.KeptRecord;
import jp.madoguchi.retention.RecordKeeper;
import jp.madoguchi.retention.Tombstone;
import jp.madoguchi.retention.Tombstones;
import jp.madoguchi.sql.IdLists;
import jp.madoguchi.storage.ContentStore;
import jp.madoguchi.tenant.StaffUser;

/**
 * Disposal by two people: an officer proposes, as of a day, the records whose retention
 * has run out (never a held one, never one already in an open proposal); another ADMIN or
 * RECORDS_OFFICER approves; then each record's keeper deletes its content and a tombstone
 * is written, a chunk of records per transaction, and the stored files no record
 * references any more are deleted after the commit. A disposal cut off (kill -9) stays
 * APPROVED and is finished at the next start ({@link DisposalResumer}): a chunk is all
 * disposed or not at all, and the files of chunks already committed are deleted again.
 */
@Service
class Disposals {

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	/**
	 * Records per transaction when carrying out ({@code madoguchi.disposal.chunk-size},
	 * 1,000).
	 */
	private final int chunkSize;

	/** Records read from a keeper at a time when proposing. */
	private static final int PAGE = 10_000;

	/** Records shown with a disposal (the rest are counted). */
	static final int SHOWN = 500;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate transaction;

	private final RecordKeepers keepers;

	private final RetentionClasses classes;

	private final LegalHolds holds;

	private final CaseSteps steps;

	private final Tombstones tombstones;

	private final ContentStore store;

	private final AuditLog audit;

	Disposals(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transaction, RecordKeepers keepers,
			RetentionClasses classes, LegalHolds holds, CaseSteps steps, Tombstones tombstones, ContentStore store,
			AuditLog audit, @Value("${madoguchi.disposal.chunk-size:1000}") int chunkSize) {
		this.chunkSize = Math.max(1, chunkSize);
		this.jdbc = jdbc;
		this.template = template;
		this.transaction = transaction;
		this.keepers = keepers;
		this.classes = classes;
		this.holds = holds;
		this.steps = steps;
		this.tombstones = tombstones;
		this.store = store;
		this.audit = audit;
	}

	/** A record listed, with what its tombstone will say. */
	private record Item(long id, RecordType type, String recordId, String sha256, OffsetDateTime createdAt,
			List<Long> caseIds, String retention, LocalDate keptFrom, LocalDate dueOn) {
	}

	/**
	 * Proposes the disposal of every record of the municipality due on or before
	 * {@code asOf}.
	 * @throws ClientError 400 {@code DISPOSAL_DATE} (missing or later than today in
	 * Japan); 409 {@code DISPOSAL_NOTHING_DUE}
	 */
	DisposalProposal propose(StaffUser officer, LocalDate asOf) {
		if (asOf == null || asOf.isAfter(LocalDate.now(JAPAN))) {
			throw ClientError.badRequest("DISPOSAL_DATE").field("asOf");
		}
		long m = officer.municipalityId();
		LegalHolds.ActiveHolds held = holds.active(m);
		Set<String> open = inOpenDisposals(m);
		List<Item> due = new ArrayList<>();
		for (RetentionClass c : classes.list(m)) {
			RecordType type = RecordType.of(c.recordType()).orElseThrow();
			due(m, keepers.of(type), type, c, asOf, held, open, due);
		}
		if (due.isEmpty()) {
			throw ClientError.conflict("DISPOSAL_NOTHING_DUE", asOf);
		}
		long id = transaction.execute(status -> insert(officer, asOf, due));
		audit.record(m, officer.getUsername(), AuditAction.DISPOSAL_PROPOSED, "disposal", Long.toString(id));
		return new DisposalProposal(id,
				due.stream().map(i -> new DueRecord(i.type().id(), i.recordId(), i.dueOn(), null, null)).toList());
	}

	/** Adds the keeper's records due as of the day, neither held nor already proposed. */
	private void due(long m, RecordKeeper keeper, RecordType type, RetentionClass c, LocalDate asOf,
			LegalHolds.ActiveHolds held, Set<String> open, List<Item> due) {
		long after = 0;
		List<KeptRecord> page;
		do {
			page = keeper.records(m, after, PAGE);
			Map<Long, OffsetDateTime> closed = c.from() == RetentionEvent.CASE_CLOSED
					? steps.closedAt(m, page.stream().flatMap(r -> r.caseIds().stream()).collect(Collectors.toSet()))
					: Map.of();
			for (KeptRecord r : page) {
				OffsetDateTime from = switch (c.from()) {
					case CREATED -> r.createdAt();
					case SIGNED -> r.signedAt();
					case CASE_CLOSED -> closedOf(r, closed);
				};
				if (from == null || held.hold(type.id(), r.recordId(), r.caseIds())
						|| open.contains(type.id() + "|" + r.recordId())) {
					continue;
				}
				LocalDate keptFrom = from.atZoneSameInstant(JAPAN).toLocalDate();
				LocalDate dueOn = keptFrom.plusYears(c.years());
				if (!dueOn.isAfter(asOf)) {
					due.add(new Item(0, type, r.recordId(), r.sha256(), r.createdAt(), r.caseIds(),
							c.years() + " " + c.from().name(), keptFrom, dueOn));
				}
			}
			if (!page.isEmpty()) {
				after = page.get(page.size() - 1).position();
			}
		}
		while (page.size() == PAGE);
	}

	/**
	 * When all of the record's cases were closed (the last of them), or null while one is
	 * open; a record of no case counts from when it was stored.
	 */
	private static OffsetDateTime closedOf(KeptRecord r, Map<Long, OffsetDateTime> closed) {
		if (r.caseIds().isEmpty()) {
			return r.createdAt();
		}
		OffsetDateTime last = null;
		for (long caseId : r.caseIds()) {
			OffsetDateTime at = closed.get(caseId);
			if (at == null) {
				return null;
			}
			last = last == null || at.isAfter(last) ? at : last;
		}
		return last;
	}

	private Set<String> inOpenDisposals(long m) {
		Set<String> open = new HashSet<>();
		jdbc.sql("""
				SELECT i.record_type, i.record_id FROM disposal_item i JOIN disposal d ON d.id = i.disposal_id
				WHERE d.municipality_id = ? AND d.state IN ('PROPOSED', 'APPROVED')""").param(m).query(rs -> {
			open.add(rs.getString(1) + "|" + rs.getString(2));
		});
		return open;
	}

	private long insert(StaffUser officer, LocalDate asOf, List<Item> due) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO disposal (municipality_id, as_of, state, record_count, proposed_by, proposed_at)
				VALUES (?, ?, 'PROPOSED', ?, ?, ?)""")
			.params(officer.municipalityId(), asOf, due.size(), officer.getUsername(),
					OffsetDateTime.now(ZoneOffset.UTC))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		template.batchUpdate("""
				INSERT INTO disposal_item (disposal_id, record_type, record_id, sha256, created_at, case_ids, retention,
				    kept_from, due_on, state)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')""", due, 1000, (PreparedStatement ps, Item i) -> {
			ps.setLong(1, id);
			ps.setString(2, i.type().id());
			ps.setString(3, i.recordId());
			ps.setString(4, i.sha256());
			ps.setObject(5, i.createdAt());
			ps.setString(6, caseIdsText(i.caseIds()));
			ps.setString(7, i.retention());
			ps.setObject(8, i.keptFrom());
			ps.setObject(9, i.dueOn());
		});
		return id;
	}

	/**
	 * The case ids as kept with the item (for the holds checked again when carrying out);
	 * a record of very many cases keeps {@code *}: it is checked against every case hold.
	 */
	private static String caseIdsText(List<Long> caseIds) {
		String text = caseIds.stream().map(String::valueOf).collect(Collectors.joining(","));
		return text.length() > 4000 ? "*" : text;
	}

	/**
	 * Approves a proposal and carries it out.
	 * @throws ClientError 404; 403 {@code DISPOSAL_SAME_PERSON} for the proposer; 409
	 * {@code DISPOSAL_NOT_PROPOSED} for one already approved
	 */
	Disposal approve(StaffUser approver, long disposalId) {
		long m = approver.municipalityId();
		Disposal d = find(m, disposalId).orElseThrow(ClientError::notFound);
		if (d.proposedBy().equals(approver.getUsername())) {
			throw new ClientError(HttpStatus.FORBIDDEN, "DISPOSAL_SAME_PERSON");
		}
		int approved = jdbc.sql("""
				UPDATE disposal SET state = 'APPROVED', approved_by = ?, approved_at = ?
				WHERE id = ? AND municipality_id = ? AND state = 'PROPOSED'""")
			.params(approver.getUsername(), OffsetDateTime.now(ZoneOffset.UTC), disposalId, m)
			.update();
		if (approved == 0) {
			throw ClientError.conflict("DISPOSAL_NOT_PROPOSED");
		}
		audit.record(m, approver.getUsername(), AuditAction.DISPOSAL_APPROVED, "disposal", Long.toString(disposalId));
		carryOut(m, disposalId, false);
		return find(m, disposalId).orElseThrow();
	}

	/**
	 * Carries out an approved disposal from where it stands.
	 * @param resumed a disposal cut off before: the files of the records disposed before
	 * are deleted again (a cut between a commit and the deletion left them)
	 */
	void carryOut(long m, long disposalId, boolean resumed) {
		Disposal d = find(m, disposalId).orElseThrow();
		if (resumed) {
			String sql = """
					SELECT DISTINCT sha256 FROM disposal_item WHERE disposal_id = ? AND state = 'DISPOSED'
					AND record_type IN (%s)""".formatted(IdLists.codes(keepers.typesWithFiles()));
			deleteUnreferenced(new HashSet<>(jdbc.sql(sql).param(disposalId).query(String.class).list()));
		}
		// Items are taken in id order after the last chunk's: a chunk's items leave
		// PENDING with its commit, and reading from the start each time would pass over
		// all those done before.
		long after = 0;
		List<Item> chunk;
		while (!(chunk = pending(disposalId, after)).isEmpty()) {
			List<Item> items = chunk;
			Set<String> files = transaction.execute(status -> disposeChunk(m, d, items));
			deleteUnreferenced(files);
			after = items.getLast().id();
		}
		transaction.executeWithoutResult(status -> {
			Map<String, Integer> counts = new HashMap<>();
			jdbc.sql("SELECT state, COUNT(*) FROM disposal_item WHERE disposal_id = ? GROUP BY state")
				.param(disposalId)
				.query(rs -> {
					counts.put(rs.getString(1), rs.getInt(2));
				});
			int disposed = counts.getOrDefault("DISPOSED", 0);
			int kept = counts.getOrDefault("HELD", 0);
			int updated = jdbc.sql("""
					UPDATE disposal SET state = 'COMPLETED', completed_at = ?, disposed_count = ?, held_count = ?
					WHERE id = ? AND state = 'APPROVED'""")
				.params(OffsetDateTime.now(ZoneOffset.UTC), disposed, kept, disposalId)
				.update();
			if (updated > 0) {
				audit.record(m, d.approvedBy(), AuditAction.DISPOSAL_COMPLETED, "disposal",
						disposalId + ":" + disposed + "/" + kept);
			}
		});
	}

	private List<Item> pending(long disposalId, long after) {
		return jdbc.sql("""
				SELECT id, record_type, record_id, sha256, created_at, case_ids, retention, kept_from, due_on
				FROM disposal_item WHERE disposal_id = ? AND id > ? AND state = 'PENDING'
				ORDER BY id FETCH FIRST ? ROWS ONLY""")
			.params(disposalId, after, chunkSize)
			.query(Disposals::item)
			.list();
	}

	/**
	 * One transaction: the holds read again (a hold placed since the proposal wins), the
	 * content of the others deleted by their keepers, their tombstones written.
	 */
	private Set<String> disposeChunk(long m, Disposal d, List<Item> chunk) {
		LegalHolds.ActiveHolds held = holds.active(m);
		Set<Long> heldIds = new HashSet<>();
		Map<RecordType, List<Item>> byType = new LinkedHashMap<>();
		for (Item i : chunk) {
			boolean anyCase = i.caseIds() == null;
			if (held.hold(i.type().id(), i.recordId(), anyCase ? List.of() : i.caseIds())
					|| (anyCase && !held.caseIds().isEmpty())) {
				heldIds.add(i.id());
			}
			else {
				byType.computeIfAbsent(i.type(), t -> new ArrayList<>()).add(i);
			}
		}
		Set<String> files = new HashSet<>();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		List<Tombstone> written = new ArrayList<>();
		byType.forEach((type, items) -> {
			// Disposed already by another disposal that listed it too (proposed at the
			// same moment): its tombstone says so; nothing more to do.
			Set<String> gone = tombstones.disposed(m, type.id(), items.stream().map(Item::recordId).toList());
			items.removeIf(i -> gone.contains(i.recordId()));
			files.addAll(keepers.of(type).dispose(m, items.stream().map(Item::recordId).toList()));
			for (Item i : items) {
				written.add(new Tombstone(d.id(), type.id(), i.recordId(), i.sha256(), i.createdAt(), i.retention(),
						i.keptFrom(), i.dueOn(), d.proposedBy(), d.proposedAt(), d.approvedBy(), d.approvedAt(), now));
			}
		});
		tombstones.write(m, written);
		setState(List.copyOf(heldIds), "HELD");
		setState(chunk.stream().map(Item::id).filter(id -> !heldIds.contains(id)).toList(), "DISPOSED");
		return files;
	}

	private void setState(List<Long> itemIds, String state) {
		for (List<Long> slice : IdLists.slices(itemIds)) {
			jdbc.sql("UPDATE disposal_item SET state = ? WHERE id IN (%s)".formatted(IdLists.numbers(slice)))
				.param(state)
				.update();
		}
	}

	/** Deletes the stored files no record references any more. */
	private void deleteUnreferenced(Collection<String> files) {
		for (String sha256 : files) {
			if (!keepers.referenced(sha256)) {
				try {
					store.delete(sha256);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
		}
	}

	/**
	 * The disposals still approved (cut off while being carried out), of every
	 * municipality.
	 */
	List<Map.Entry<Long, Long>> unfinished() {
		return jdbc.sql("SELECT municipality_id, id FROM disposal WHERE state = 'APPROVED' ORDER BY id")
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
			.list();
	}

	List<Disposal> list(long m) {
		return jdbc.sql(SELECT + " WHERE municipality_id = ? ORDER BY id DESC FETCH FIRST 100 ROWS ONLY")
			.param(m)
			.query(Disposals::disposal)
			.list();
	}

	Optional<Disposal> find(long m, long disposalId) {
		return jdbc.sql(SELECT + " WHERE municipality_id = ? AND id = ?")
			.params(m, disposalId)
			.query(Disposals::disposal)
			.optional();
	}

	/** The first {@link #SHOWN} records of a disposal, with their state. */
	List<DueRecord> records(long m, long disposalId) {
		find(m, disposalId).orElseThrow(ClientError::notFound);
		return jdbc.sql("""
				SELECT record_type, record_id, due_on, kept_from, state FROM disposal_item WHERE disposal_id = ?
				ORDER BY id FETCH FIRST ? ROWS ONLY""")
			.params(disposalId, SHOWN)
			.query((rs, n) -> new DueRecord(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class), rs.getString(5)))
			.list();
	}

	private static final String SELECT = """
			SELECT id, as_of, state, record_count, proposed_by, proposed_at, approved_by, approved_at, completed_at,
			    disposed_count, held_count
			FROM disposal""";

	private static Disposal disposal(ResultSet rs, int n) throws SQLException {
		return new Disposal(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getInt(4),
				rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7),
				rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class),
				(Integer) rs.getObject(10), (Integer) rs.getObject(11));
	}

	private static Item item(ResultSet rs, int n) throws SQLException {
		String caseIds = rs.getString(6);
		List<Long> ids = caseIds.equals("*") ? null
				: caseIds.isEmpty() ? List.of() : Arrays.stream(caseIds.split(",")).map(Long::valueOf).toList();
		return new Item(rs.getLong(1), RecordType.of(rs.getString(2)).orElseThrow(), rs.getString(3), rs.getString(4),
				rs.getObject(5, OffsetDateTime.class), ids, rs.getString(7), rs.getObject(8, LocalDate.class),
				rs.getObject(9, LocalDate.class));
	}

}
