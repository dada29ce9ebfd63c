package jp.madoguchi.forms;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The documents printed so far, looked up by id or case, within one municipality. */
public interface IssuedDocuments {

	Optional<IssuedDocument> find(long municipalityId, String documentId);

	List<IssuedDocument> ofCase(long municipalityId, long caseId);

	/**
	 * The documents generated for these cases of the municipality, in brief, in the order
	 * they were generated: one query per 1,000 case ids.
	 */
	List<IssuedDocumentSummary> summariesOfCases(long municipalityId, Collection<Long> caseIds);

	/**
	 * The form of a document as printed, before anyone signed it: the recorded template
	 * version (its SHA-256 checked) rendered with the sample applicant. Signature and
	 * seal boxes hold only the template's own lines and label, so they are the same as on
	 * the person's copy. Empty when that template version is no longer available.
	 */
	Optional<byte[]> unsignedForm(long municipalityId, IssuedDocument document);

}
