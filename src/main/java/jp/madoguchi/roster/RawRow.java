package jp.madoguchi.roster;

import java.util.List;

/**
 * One row of a roster file before validation: its spreadsheet row number and its cells as
 * text.
 */
record RawRow(int number, List<String> cells) {

	String cell(int index) {
		return index < cells.size() && cells.get(index) != null ? cells.get(index) : "";
	}

	boolean isBlank() {
		return cells.stream().allMatch(c -> c == null || c.isBlank());
	}
}
