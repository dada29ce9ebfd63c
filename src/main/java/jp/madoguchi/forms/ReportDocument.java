package jp.madoguchi.forms;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain report printed through the forms' fonts, e.g. the nightly reconciliation's for
 * the section head: a title, header lines, and a table that runs over as many pages as it
 * needs (its header row repeated on each, every page numbered 「1 / 3」). A row with no
 * table rows prints the title and header lines only.
 *
 * @param title printed at the top of the first page and kept as the file's title
 * @param headerLines printed under the title, one a line
 * @param columns the table's columns, left to right
 * @param rows one cell per column each; {@code null} cells print as empty, a line break
 * in a cell starts a new line
 */
public record ReportDocument(String title, List<String> headerLines, List<Column> columns, List<List<String>> rows) {

	public ReportDocument {
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("a report needs a title");
		}
		if (columns.isEmpty()) {
			throw new IllegalArgumentException("a report needs at least one column");
		}
		headerLines = List.copyOf(headerLines);
		columns = List.copyOf(columns);
		List<List<String>> copied = new ArrayList<>(rows.size());
		for (List<String> row : rows) {
			if (row.size() != columns.size()) {
				throw new IllegalArgumentException(
						"a row has " + row.size() + " cells for " + columns.size() + " columns");
			}
			copied.add(row.stream().map(cell -> cell == null ? "" : cell).toList());
		}
		rows = List.copyOf(copied);
	}

	/**
	 * A column: its title, and its share of the table's width (weights are relative: 1
	 * and 3 give a quarter and three quarters).
	 */
	public record Column(String title, float weight) {

		public Column {
			if (!(weight > 0)) {
				throw new IllegalArgumentException("a column's weight must be positive");
			}
		}

	}

}
