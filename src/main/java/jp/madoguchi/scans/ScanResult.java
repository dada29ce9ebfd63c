package jp.madoguchi.scans;

import java.util.List;

/**
 * What became of a scan file's pages; page numbers are those of the uploaded file, from
 * 1.
 *
 * @param duplicate true when the same file (same SHA-256) had been processed before: this
 * is that earlier result
 * @param status PROCESSING, DONE or FAILED
 * @param failure for a FAILED file, why, in Japanese
 */
public record ScanResult(long scanId, String sha256, String fileName, String status, Integer pages, boolean duplicate,
		List<DocumentFound> documents, List<Integer> blankPages, List<Integer> coverPages, List<Integer> unmatchedPages,
		List<FailedPage> failedPages, String failure) {

	/**
	 * A document found in this file.
	 *
	 * @param pages this file's pages holding it, in document order
	 * @param missingPages document pages not in this file
	 * @param duplicatePages document pages found more than once in this file
	 * @param signature SIGNED, UNSIGNED or UNCLEAR; absent for a form without signature
	 * or seal box
	 * @param score the largest share of a box's interior carrying ink the unsigned form
	 * has not
	 */
	public record DocumentFound(String documentId, long caseId, String form, List<Integer> pages,
			List<Integer> missingPages, List<Integer> duplicatePages, String signature, Double score) {
	}

	/** A page that could not be read, and why (Japanese). */
	public record FailedPage(int page, String message) {
	}

}
