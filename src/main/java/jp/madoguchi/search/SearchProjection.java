package jp.madoguchi.search;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import jp.madoguchi.cases.CaseFacts;
import jp.madoguchi.cases.CaseRegistry;
import jp.madoguchi.cases.SignedDocuments;
import jp.madoguchi.forms.IssuedDocumentSummary;
import jp.madoguchi.forms.IssuedDocuments;
import jp.madoguchi.scans.ScannedDocument;
import jp.madoguchi.scans.ScannedDocuments;

import jp.madoguchi.runtime.ServingProcessOnly;

/**
 * The index's entries as the database says now, read from the owning modules' public APIs
 * in batches: one entry per generated document, one per case without documents.
 */
@ServingProcessOnly
@Component
class SearchProjection {

	private final CaseRegistry cases;

	private final IssuedDocuments documents;

	private final SignedDocuments signed;

	private final ScannedDocuments scanned;

	SearchProjection(CaseRegistry cases, IssuedDocuments documents, SignedDocuments signed, ScannedDocuments scanned) {
		this.cases = cases;
		this.documents = documents;
		this.signed = signed;
		this.scanned = scanned;
	}

	/** The entries of a roster (none when it is not complete or was discarded). */
	List<SearchRecord> ofRoster(long municipalityId, long rosterId) {
		return records(cases.factsOfRoster(municipalityId, rosterId));
	}

	/** The entries of these cases (none for a case that no longer exists). */
	List<SearchRecord> ofCases(long municipalityId, Collection<Long> caseIds) {
		return records(cases.factsOf(municipalityId, caseIds));
	}

	/** A rebuild's batch: the cases after {@code afterCaseId}, with their entries. */
	Batch batchAfter(long afterCaseId, int limit) {
		List<CaseFacts> facts = cases.factsAfter(afterCaseId, limit);
		long last = facts.isEmpty() ? afterCaseId : facts.get(facts.size() - 1).id();
		return new Batch(facts.size(), last, records(facts));
	}

	record Batch(int cases, long lastCaseId, List<SearchRecord> records) {
	}

	List<SearchRecord> records(List<CaseFacts> facts) {
		Map<Long, List<CaseFacts>> byMunicipality = new LinkedHashMap<>();
		facts.forEach(f -> byMunicipality.computeIfAbsent(f.municipalityId(), m -> new ArrayList<>()).add(f));
		List<SearchRecord> records = new ArrayList<>();
		byMunicipality.forEach((municipalityId, group) -> records.addAll(records(municipalityId, group)));
		return records;
	}

	private List<SearchRecord> records(long municipalityId, List<CaseFacts> facts) {
		List<Long> ids = facts.stream().map(CaseFacts::id).toList();
		Map<Long, List<IssuedDocumentSummary>> issued = new HashMap<>();
		for (IssuedDocumentSummary d : documents.summariesOfCases(municipalityId, ids)) {
			if (!d.disposed()) {
				issued.computeIfAbsent(d.caseId(), c -> new ArrayList<>()).add(d);
			}
		}
		Map<Long, List<SignedDocuments.Received>> received = issued.isEmpty() ? Map.of()
				: signed.ofCases(municipalityId, issued.keySet());
		Map<String, ScannedDocument> scans = new HashMap<>();
		if (!issued.isEmpty()) {
			scanned.ofCases(municipalityId, issued.keySet()).forEach(s -> scans.put(s.documentId(), s));
		}
		List<SearchRecord> records = new ArrayList<>(facts.size());
		for (CaseFacts c : facts) {
			List<IssuedDocumentSummary> ofCase = issued.get(c.id());
			if (ofCase == null) {
				records.add(record(c, SearchRecord.caseKey(c.id()), null, null, SearchStatus.NOT_GENERATED, null, null,
						null, null));
				continue;
			}
			Map<String, SignedDocuments.Received> receivedOfCase = new HashMap<>();
			received.getOrDefault(c.id(), List.of()).forEach(r -> receivedOfCase.put(r.documentId(), r));
			for (IssuedDocumentSummary d : ofCase) {
				records.add(document(c, d, receivedOfCase.get(d.documentId()), scans.get(d.documentId())));
			}
		}
		return records;
	}

	private static SearchRecord document(CaseFacts c, IssuedDocumentSummary d, SignedDocuments.Received received,
			ScannedDocument scan) {
		SearchStatus status = status(received, scan);
		OffsetDateTime signedAt = null;
		if (status == SearchStatus.SIGNED) {
			signedAt = received != null ? received.receivedAt() : scan.scannedAt();
		}
		return record(c, SearchRecord.documentKey(d.documentId()), d, d.templateVersion(), status, d.generatedAt(),
				scan == null ? null : scan.scannedAt(), signedAt, scan == null ? null : scan.thumbnailPageId());
	}

	/**
	 * Missing pages first (the scans' word, or the case's); then the case's verdict (the
	 * scans' while the case has not heard yet). A received form without signature or seal
	 * box, complete, counts as signed: nothing is missing from it.
	 */
	static SearchStatus status(SignedDocuments.Received received, ScannedDocument scan) {
		if (received == null && scan == null) {
			return SearchStatus.GENERATED;
		}
		if ((scan != null && !scan.missingPages().isEmpty()) || (received != null && !received.complete())) {
			return SearchStatus.MISSING_PAGE;
		}
		String signature = received != null ? received.signature() : scan.signature();
		if (signature == null) {
			return SearchStatus.SIGNED;
		}
		return switch (signature) {
			case "UNSIGNED" -> SearchStatus.UNSIGNED;
			case "UNCLEAR" -> SearchStatus.UNCLEAR;
			default -> SearchStatus.SIGNED;
		};
	}

	private static SearchRecord record(CaseFacts c, String key, IssuedDocumentSummary d, String templateVersion,
			SearchStatus status, OffsetDateTime generatedAt, OffsetDateTime scannedAt, OffsetDateTime signedAt,
			Long thumbnailPageId) {
		return new SearchRecord(key, c.municipalityId(), c.id(), c.rosterId(), d == null ? null : d.documentId(),
				c.name(), c.reading(), c.birthDate(), c.sex(), c.address(), c.facility(), c.room(),
				d == null ? null : d.form().id(), templateVersion, c.workflow().name(), status, generatedAt, scannedAt,
				signedAt, thumbnailPageId);
	}

}
