package jp.madoguchi.roster;

import java.util.List;

/**
 * What an import did. {@code outcome} CREATED: stored (all rows, or the valid ones if the
 * clerk chose so); EXISTING: the same file was imported before and that roster is
 * returned; REJECTED: nothing stored. {@code validRows} counts the rows without errors,
 * which a rejected import would keep if the clerk chose to.
 */
public record ImportResult(Outcome outcome, Long id, String format, int accepted, int validRows, int rejected,
		int errorCount, boolean errorsTruncated, int possibleDuplicates, List<RowError> errors,
		List<RowError> warnings) {

	public enum Outcome {

		CREATED, EXISTING, REJECTED

	}
}
