package jp.madoguchi.forms;

import java.time.OffsetDateTime;

/**
 * A generated document in brief, as a projection (the search index) reads many of them:
 * no regions.
 */
public record IssuedDocumentSummary(String documentId, long caseId, FormId form, String templateVersion,
		OffsetDateTime generatedAt) {
}
