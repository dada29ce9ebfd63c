package jp.madoguchi.scans;

import jp.madoguchi.scans.reading.Verdict;

/**
 * One page's result: its outcome, the document page it is (when matched), the signature
 * verdict of its boxes (null when the page has none), and for an unmatched or failed page
 * the catalogue code saying why.
 */
record PageResult(int pageNo, PageOutcome outcome, String documentId, Integer documentPage, Verdict signature,
		Double score, String reasonCode, String reasonArg) {

	static PageResult matched(int pageNo, String documentId, int documentPage, Verdict signature, Double score) {
		return new PageResult(pageNo, PageOutcome.MATCHED, documentId, documentPage, signature, score, null, null);
	}

	static PageResult of(int pageNo, PageOutcome outcome) {
		return new PageResult(pageNo, outcome, null, null, null, null, null, null);
	}

	static PageResult unmatched(int pageNo, String reasonCode) {
		return new PageResult(pageNo, PageOutcome.UNMATCHED, null, null, null, null, reasonCode, null);
	}

	static PageResult failed(int pageNo, String reasonCode, String reasonArg) {
		return new PageResult(pageNo, PageOutcome.FAILED, null, null, null, null, reasonCode, reasonArg);
	}

}
