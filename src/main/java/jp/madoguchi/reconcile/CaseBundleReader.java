package jp.madoguchi.reconcile;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import jp.madoguchi.cases.CaseFacts;
import jp.madoguchi.cases.CaseRegistry;
import jp.madoguchi.cases.CaseSteps;
import jp.madoguchi.cases.RecordedStep;
import jp.madoguchi.cases.SignedDocuments;
import jp.madoguchi.devicelog.CaseDeviceEvent;
import jp.madoguchi.devicelog.DeviceEvidence;
import jp.madoguchi.forms.IssuedDocumentSummary;
import jp.madoguchi.forms.IssuedDocuments;

/**
 * The cases of a municipality with a step recorded by the end of the day, in one range of
 * case ids (a partition of the job's step), a page at a time (one question per module per
 * page, never one per case), each with everything the classifier weighs. Restartable: the
 * last case handed out at each commit is kept in the step's execution context, and a
 * restart goes on after it.
 */
class CaseBundleReader implements ItemStreamReader<CaseBundle> {

	static final String AFTER = "reconcile.afterCaseId";

	private final long municipalityId;

	private final OffsetDateTime until;

	/** The range: cases after {@code after}, up to {@code last} included. */
	private final long after;

	private final long last;

	private final int pageSize;

	private final CaseSteps steps;

	private final CaseRegistry cases;

	private final SignedDocuments signed;

	private final IssuedDocuments issued;

	private final DeviceEvidence devices;

	private final Deque<CaseBundle> page = new ArrayDeque<>();

	/** The last case read from the database. */
	private long readUpTo;

	/** The last case handed out. */
	private long handedOut;

	private boolean exhausted;

	CaseBundleReader(long municipalityId, OffsetDateTime until, long after, long last, int pageSize, CaseSteps steps,
			CaseRegistry cases, SignedDocuments signed, IssuedDocuments issued, DeviceEvidence devices) {
		this.municipalityId = municipalityId;
		this.until = until;
		this.after = after;
		this.last = last;
		this.pageSize = pageSize;
		this.steps = steps;
		this.cases = cases;
		this.signed = signed;
		this.issued = issued;
		this.devices = devices;
	}

	@Override
	public void open(ExecutionContext context) {
		handedOut = context.containsKey(AFTER) ? context.getLong(AFTER) : after;
		readUpTo = handedOut;
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(AFTER, handedOut);
	}

	@Override
	public CaseBundle read() {
		if (page.isEmpty() && !exhausted) {
			fill();
		}
		CaseBundle next = page.poll();
		if (next != null) {
			handedOut = next.caseId();
		}
		return next;
	}

	private void fill() {
		List<Long> ids = List.of();
		Map<Long, List<RecordedStep>> recorded = Map.of();
		// Pages of the municipality's cases with steps (a page of others' cases, or of
		// cases without steps, is passed over).
		while (recorded.isEmpty()) {
			if (readUpTo >= last) {
				exhausted = true;
				return;
			}
			CaseRegistry.CaseIdPage next = cases.caseIdsAfter(municipalityId, readUpTo, pageSize);
			readUpTo = next.last();
			List<Long> inRange = next.ids().stream().filter(id -> id <= last).toList();
			recorded = inRange.isEmpty() ? Map.of() : steps.recordedOf(municipalityId, inRange);
			ids = inRange.stream().filter(recorded::containsKey).toList();
			if (recorded.isEmpty() && (next.end() || readUpTo >= last)) {
				exhausted = true;
				return;
			}
		}
		Map<Long, CaseFacts> facts = new HashMap<>();
		cases.factsOf(municipalityId, ids).forEach(f -> facts.put(f.id(), f));
		Map<Long, List<CaseDeviceEvent>> events = devices.eventsOfCases(municipalityId, ids, until);
		Map<Long, List<SignedDocuments.Received>> received = signed.ofCases(municipalityId, ids);
		Map<Long, Set<String>> printed = new HashMap<>();
		for (IssuedDocumentSummary d : issued.summariesOfCases(municipalityId, ids)) {
			printed.computeIfAbsent(d.caseId(), k -> new HashSet<>()).add(d.form().id());
		}
		for (long id : ids) {
			CaseFacts f = facts.get(id);
			if (f == null) {
				// A case of a roster that was discarded: nothing to reconcile.
				continue;
			}
			page.add(new CaseBundle(id, f.workflow(), recorded.getOrDefault(id, List.of()),
					events.getOrDefault(id, List.of()), received.getOrDefault(id, List.of()),
					printed.getOrDefault(id, Set.of())));
		}
		if (page.isEmpty() && !exhausted) {
			fill();
		}
	}

}
