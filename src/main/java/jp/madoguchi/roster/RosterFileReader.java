package jp.madoguchi.roster;

import static jp.madoguchi.roster.UnreadableRosterException.Kind.UNREADABLE;
import static jp.madoguchi.roster.UnreadableRosterException.Kind.UNSUPPORTED;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import java.io.BufferedReader;

/**
 * Reads a roster file row by row without loading it whole. The format is detected from
 * the content, never from the file name: XLSX by its ZIP signature; CSV by decoding it
 * strictly, first as UTF-8, then as Shift_JIS (CP932). A file that is neither is refused
 * rather than read with a guessed encoding.
 */
final class RosterFileReader {

	private static final byte[] ZIP = { 0x50, 0x4B, 0x03, 0x04 };

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	private static final byte[] PDF = { 0x25, 0x50, 0x44, 0x46 };

	private RosterFileReader() {
	}

	static RosterFormat detect(Path file) throws IOException {
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(8192);
		}
		if (head.length == 0) {
			throw new UnreadableRosterException(UNREADABLE, "EMPTY_FILE");
		}
		if (startsWith(head, ZIP)) {
			return RosterFormat.XLSX;
		}
		if (startsWith(head, OLE2)) {
			throw new UnreadableRosterException(UNSUPPORTED, "UNSUPPORTED_XLS");
		}
		if (startsWith(head, PDF)) {
			throw new UnreadableRosterException(UNSUPPORTED, "UNSUPPORTED_FORMAT");
		}
		if (head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
				|| (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
			throw new UnreadableRosterException(UNSUPPORTED, "UNSUPPORTED_ENCODING");
		}
		for (byte b : head) {
			if (b == 0) {
				throw new UnreadableRosterException(UNSUPPORTED, "BINARY_FILE");
			}
		}
		if (decodesStrictly(file, RosterFormat.CSV_UTF8)) {
			return RosterFormat.CSV_UTF8;
		}
		if (decodesStrictly(file, RosterFormat.CSV_SHIFT_JIS)) {
			return RosterFormat.CSV_SHIFT_JIS;
		}
		throw new UnreadableRosterException(UNREADABLE, "UNKNOWN_ENCODING");
	}

	/**
	 * Calls the consumer for every row, header first, with spreadsheet row numbers (the
	 * header is row 1).
	 */
	static void read(Path file, RosterFormat format, Consumer<RawRow> rows) throws IOException {
		if (format == RosterFormat.XLSX) {
			readXlsx(file, rows);
		}
		else {
			readCsv(file, format, rows);
		}
	}

	private static void readCsv(Path file, RosterFormat format, Consumer<RawRow> rows) throws IOException {
		CSVFormat csv = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
		try (Reader reader = Files.newBufferedReader(file, format.charset());
				CSVParser parser = CSVParser.builder().setReader(skipBom(reader)).setFormat(csv).get()) {
			int number = 0;
			Iterator<CSVRecord> it = parser.iterator();
			while (true) {
				CSVRecord record;
				try {
					if (!it.hasNext()) {
						break;
					}
					record = it.next();
				}
				catch (UncheckedIOException | IllegalStateException e) {
					throw new UnreadableRosterException(UNREADABLE, "MALFORMED_CSV", String.valueOf(number + 2));
				}
				number++;
				rows.accept(new RawRow(number, record.toList()));
			}
		}
	}

	private static Reader skipBom(Reader reader) throws IOException {
		Reader r = reader.markSupported() ? reader : new BufferedReader(reader);
		r.mark(1);
		if (r.read() != '\uFEFF') {
			r.reset();
		}
		return r;
	}

	private static void readXlsx(Path file, Consumer<RawRow> rows) throws IOException {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
				ReadableWorkbook workbook = new ReadableWorkbook(in, new ReadingOptions(true, false))) {
			Sheet sheet = workbook.getFirstSheet();
			try (var stream = sheet.openStream()) {
				stream.forEach(row -> {
					RawRow raw = new RawRow(row.getRowNum(), cellsOf(row));
					try {
						rows.accept(raw);
					}
					catch (RuntimeException e) {
						throw new ConsumerFailure(e);
					}
				});
			}
		}
		catch (ConsumerFailure e) {
			throw e.getCause();
		}
		catch (IOException | RuntimeException e) {
			throw new UnreadableRosterException(UNREADABLE, "DAMAGED_XLSX");
		}
	}

	/**
	 * Carries a failure of the row consumer past the handler that reports damaged files.
	 */
	private static final class ConsumerFailure extends RuntimeException {

		ConsumerFailure(RuntimeException cause) {
			super(cause);
		}

		@Override
		public synchronized RuntimeException getCause() {
			return (RuntimeException) super.getCause();
		}

	}

	private static List<String> cellsOf(Row row) {
		List<String> cells = new ArrayList<>(row.getCellCount());
		for (int i = 0; i < row.getCellCount(); i++) {
			cells.add(text(row.getCell(i)));
		}
		return cells;
	}

	/**
	 * A date cell becomes ISO text (1948-04-05); a number loses Excel's trailing ".0";
	 * text stays as it is.
	 */
	private static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		return switch (cell.getType()) {
			case NUMBER -> isDateFormat(cell.getDataFormatString()) ? cell.asDate().toLocalDate().toString()
					: plain(cell.asNumber());
			case STRING, FORMULA -> cell.getText() == null ? "" : cell.getText();
			case BOOLEAN -> Boolean.TRUE.equals(cell.asBoolean()) ? "1" : "0";
			case EMPTY -> "";
			case ERROR -> cell.getRawValue() == null ? "" : cell.getRawValue();
		};
	}

	private static String plain(BigDecimal n) {
		return n == null ? "" : n.stripTrailingZeros().toPlainString();
	}

	static boolean isDateFormat(String format) {
		if (format == null) {
			return false;
		}
		String f = format.replaceAll("\"[^\"]*\"", "")
			.replaceAll("\\[[^\\]]*\\]", "")
			.toLowerCase(java.util.Locale.ROOT);
		return f.contains("y") || f.contains("d") || f.contains("e") || f.contains("g");
	}

	private static boolean startsWith(byte[] data, byte[] prefix) {
		if (data.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (data[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean decodesStrictly(Path file, RosterFormat format) throws IOException {
		CharsetDecoder decoder = format.charset()
			.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.allocate(64 * 1024);
		CharBuffer out = CharBuffer.allocate(64 * 1024);
		try (var channel = Files.newByteChannel(file)) {
			while (true) {
				int n = channel.read(in);
				in.flip();
				var result = decoder.decode(in, out, n < 0);
				if (result.isError()) {
					return false;
				}
				out.clear();
				in.compact();
				if (n < 0) {
					break;
				}
			}
			in.flip();
			var result = decoder.decode(in, out, true);
			if (result.isError() || in.hasRemaining()) {
				return false;
			}
			out.clear();
			return !decoder.flush(out).isError();
		}
		catch (CharacterCodingException e) {
			return false;
		}
	}

}
