package jp.madoguchi.roster;

/**
 * One problem in a roster: the spreadsheet row (the header is row 1), the column as the
 * file names it, the value as given, a stable code for programs and a Japanese message
 * for clerks.
 */
public record RowError(int row, String column, String value, String code, String message) {
}
