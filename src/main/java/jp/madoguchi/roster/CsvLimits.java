package jp.madoguchi.roster;

import static jp.madoguchi.roster.UnreadableRosterException.Kind.UNREADABLE;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Counts a CSV's records, fields and field lengths in one pass before the parser reads it
 * (the parser keeps a whole record in memory, and the importer validates every row): a
 * single 100 MB field, a line of a million commas or millions of lines are refused before
 * any row is read. Quotes are tracked the RFC 4180 way (each {@code "} toggles; an
 * escaped {@code ""} toggles twice), so commas and line breaks inside quoted fields do
 * not count. Record numbers are the ones the reader reports (the first record is 1).
 */
final class CsvLimits extends FilterReader {

	private final RosterFileLimits limits;

	private boolean quoted;

	private int fieldChars;

	private int fields = 1;

	private int record = 1;

	private boolean lineStart;

	private boolean afterCr;

	/** Refuses the file when it is beyond the limits. */
	static void check(Path file, Charset charset, RosterFileLimits limits) throws IOException {
		try (Reader in = new CsvLimits(Files.newBufferedReader(file, charset), limits)) {
			char[] buffer = new char[64 * 1024];
			while (in.read(buffer, 0, buffer.length) >= 0) {
				// counted as read
			}
		}
	}

	CsvLimits(Reader in, RosterFileLimits limits) {
		super(in);
		this.limits = limits;
	}

	@Override
	public int read() throws IOException {
		int c = super.read();
		if (c >= 0) {
			count((char) c);
		}
		return c;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		for (int i = 0; i < n; i++) {
			count(buffer[offset + i]);
		}
		return n;
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	private void count(char c) {
		if (this.afterCr) {
			this.afterCr = false;
			if (c == '\n') {
				// CR LF is one line break.
				return;
			}
		}
		if (lineStart) {
			// A record begins only with its first character: a final line break
			// starts none.
			lineStart = false;
			if (++record > limits.maxRows()) {
				throw new UnreadableRosterException(UNREADABLE, "ROSTER_TOO_MANY_ROWS",
						XlsxGuard.number(limits.maxRows()));
			}
		}
		if (c == '"') {
			quoted = !quoted;
		}
		else if (!quoted && c == ',') {
			fields++;
			fieldChars = 0;
			if (fields > limits.maxColumns()) {
				throw new UnreadableRosterException(UNREADABLE, "CSV_TOO_MANY_COLUMNS",
						XlsxGuard.number(limits.maxColumns()), XlsxGuard.number(record));
			}
			return;
		}
		else if (!quoted && (c == '\n' || c == '\r')) {
			// LF, CR LF, or CR alone (CSV saved by Excel for Mac 2011).
			lineStart = true;
			afterCr = c == '\r';
			fields = 1;
			fieldChars = 0;
			return;
		}
		if (++fieldChars > limits.maxCellChars()) {
			throw new UnreadableRosterException(UNREADABLE, "CSV_CELL_TOO_LONG",
					XlsxGuard.number(limits.maxCellChars()), XlsxGuard.number(record));
		}
	}

}
