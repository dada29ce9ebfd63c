package jp.madoguchi.forms;

import java.time.OffsetDateTime;

/**
 * A generated document in brief, as a projection (the search index) reads many of them:
 * no regions.
 *
 * @param disposed whether its record was disposed of after its retention (that it was
 * printed stays a fact of the case; the search index leaves it out)
 */
public record IssuedDocumentSummary(String documentId, long caseId, FormId form, String templateVersion,
		OffsetDateTime generatedAt, boolean disposed) {
}
