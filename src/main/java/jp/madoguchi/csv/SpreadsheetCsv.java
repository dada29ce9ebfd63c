package jp.madoguchi.csv;

import java.io.IOException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV as offices open it: in Excel, by a double click. UTF-8 with a byte order mark
 * (Excel reads the encoding from it), RFC 4180, and any value that a spreadsheet would
 * run as a formula neutralised.
 */
public final class SpreadsheetCsv {

	private SpreadsheetCsv() {
	}

	/** A printer that has written the byte order mark. */
	public static CSVPrinter printer(Appendable out) throws IOException {
		out.append('\uFEFF');
		return new CSVPrinter(out, CSVFormat.RFC4180);
	}

	/**
	 * The value with a leading apostrophe when it starts with = + - @ (or a tab or a
	 * carriage return), so that no spreadsheet runs it; null as empty.
	 */
	public static String neutralised(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char c = value.charAt(0);
		return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
	}

}
