package jp.madoguchi.roster;

import java.util.List;

/**
 * What an import did. {@code outcome} CREATED: stored (all rows, or the valid ones if the
 * clerk chose so); EXISTING: the same file was imported before and that roster is
 * returned; REJECTED: nothing stored. {@code validRows} counts the rows without errors,
 * which a rejected import would keep if the clerk chose to. {@code headerSheet} and
 * {@code headerRow} say where the header was read (the sheet's name, absent for CSV; the
 * row as the spreadsheet numbers it), absent when no header was found or the file was
 * imported before. {@code hiddenRows} counts the hidden rows left out, each also listed
 * as a {@code HIDDEN_ROW} warning.
 */
public record ImportResult(Outcome outcome, Long id, String format, int accepted, int validRows, int rejected,
		int errorCount, boolean errorsTruncated, int possibleDuplicates, List<RowError> errors, List<RowError> warnings,
		String headerSheet, Integer headerRow, int hiddenRows) {

	public enum Outcome {

		CREATED, EXISTING, REJECTED

	}
}
