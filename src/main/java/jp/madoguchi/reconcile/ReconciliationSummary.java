package jp.madoguchi.reconcile;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/reconciliations/summary?days=…}: the dashboard. Each day from
 * {@code from} to {@code to} (today in Japan) that has a run, with its latest attempt's
 * findings counted by severity; and the findings still open, whichever night found them.
 *
 * @param openCount every open finding; {@code open} holds the first
 * {@value ReconciliationSummary#OPEN_LISTED} of them, the most severe and the latest
 * found first
 */
record ReconciliationSummary(LocalDate from, LocalDate to, List<Day> days, long openCount,
		List<Reconciliation.Finding> open) {

	/** How many open findings the dashboard lists. */
	static final int OPEN_LISTED = 200;

	/**
	 * A day's latest run: {@code attempt} 0 is the night's run; {@code status} STARTED,
	 * COMPLETED or FAILED.
	 */
	record Day(LocalDate date, int attempt, String status, long casesChecked, long critical, long major, long minor) {
	}

}
