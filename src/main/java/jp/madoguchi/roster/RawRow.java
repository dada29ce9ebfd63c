package jp.madoguchi.roster;

import java.util.List;

/**
 * One row of a roster file before validation: its spreadsheet row number, its cells as
 * text, and whether the spreadsheet hides it (a CSV row never is).
 */
record RawRow(int number, List<String> cells, boolean hidden) {

	RawRow(int number, List<String> cells) {
		this(number, cells, false);
	}

	String cell(int index) {
		return index < cells.size() && cells.get(index) != null ? cells.get(index) : "";
	}

	boolean isBlank() {
		return cells.stream().allMatch(c -> c == null || c.isBlank());
	}
}
