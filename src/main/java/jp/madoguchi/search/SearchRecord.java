package jp.madoguchi.search;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What the index holds of one entry: a generated document ({@code documentId} set), or a
 * case with no document yet ({@code documentId} null) for "not yet signed" searches.
 * Built from the database by the index pipeline; turned into a Lucene document by the
 * analysis chain. Names keep their exact glyphs (variation selectors included).
 *
 * @param key unique within the index: {@code "D:" + documentId} or {@code "C:" + caseId}
 * @param form the form's id (e.g. {@code consent}), null for a case entry
 * @param status {@link SearchStatus}
 * @param thumbnailPageId the scan page showing the document's first signed page, if any
 */
public record SearchRecord(String key, long municipalityId, long caseId, long rosterId, String documentId, String name,
		String reading, LocalDate birthDate, String sex, String address, String facility, String room, String form,
		String templateVersion, String workflow, SearchStatus status, OffsetDateTime generatedAt,
		OffsetDateTime scannedAt, OffsetDateTime signedAt, Long thumbnailPageId) {

	public static String documentKey(String documentId) {
		return "D:" + documentId;
	}

	public static String caseKey(long caseId) {
		return "C:" + caseId;
	}

}
