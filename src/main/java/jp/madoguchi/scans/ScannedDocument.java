package jp.madoguchi.scans;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A generated document as the scans received it, for projections (the search index).
 *
 * @param missingPages pages not received yet (empty when complete)
 * @param signature SIGNED, UNSIGNED or UNCLEAR; null for a form without signature or seal
 * box
 * @param scannedAt when the document's state last changed (a page found or assigned)
 * @param thumbnailPageId the scan page ({@code scan_page} id) to show: the first page
 * whose boxes were judged, else the first page found
 */
public record ScannedDocument(String documentId, long caseId, List<Integer> missingPages, String signature,
		OffsetDateTime scannedAt, Long thumbnailPageId) {

	public ScannedDocument {
		missingPages = List.copyOf(missingPages);
	}

}
