package jp.madoguchi.cases;

import java.util.List;

/**
 * A document of a case came back on paper and was matched (published by the scans module,
 * heard by cases and any later module). Owned by cases so that scans, which already
 * depends on cases through forms, adds no cycle.
 *
 * @param signature SIGNED, UNSIGNED or UNCLEAR; null for a form without signature or seal
 * box
 * @param missingPages pages of the document not received yet (empty when complete)
 */
public record SignedDocumentReceived(long municipalityId, long caseId, String documentId, String form, String signature,
		List<Integer> missingPages) {

	public SignedDocumentReceived {
		missingPages = List.copyOf(missingPages);
	}

	public boolean complete() {
		return missingPages.isEmpty();
	}

}
