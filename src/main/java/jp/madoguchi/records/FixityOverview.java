package jp.madoguchi.records;

import java.util.List;

/**
 * {@code GET /api/fixity-checks}: the latest runs, the newest first, and the findings
 * still open.
 */
record FixityOverview(List<FixityRun> runs, List<FixityFinding> open) {

	/** Runs listed. */
	static final int RUNS_LISTED = 10;

	/** Open findings listed (a disaster's million stay in the tables, not on a page). */
	static final int OPEN_LISTED = 1000;

}
