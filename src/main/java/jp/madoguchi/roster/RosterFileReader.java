package jp.madoguchi.roster;

import static jp.madoguchi.roster.UnreadableRosterException.Kind.UNREADABLE;
import static jp.madoguchi.roster.UnreadableRosterException.Kind.UNSUPPORTED;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;
import java.io.BufferedReader;

/**
 * Reads a roster file row by row without loading it whole. The format is detected from
 * the content, never from the file name: XLSX by its ZIP signature; CSV by decoding it
 * strictly, first as UTF-8, then as Shift_JIS (CP932). A file that is neither is refused
 * rather than read with a guessed encoding. A workbook is read sheet by sheet, visible
 * sheets only; each row says whether it is hidden.
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
	 * Receives a roster file's rows table by table: the visible sheets of a workbook in
	 * their order, or the one table of a CSV file. The receiver decides how far to read,
	 * so a sheet without a roster costs only its first rows and the roster's sheet is
	 * streamed once, never held in memory.
	 */
	interface Rows {

		/**
		 * A table begins: a visible sheet (hidden and very hidden sheets are never read),
		 * or the CSV file, whose name is null. Returns whether to read it.
		 */
		boolean sheet(String name);

		/**
		 * One row of the current table, title rows and header included, with the row
		 * number a spreadsheet shows (the first row is 1; empty CSV lines count too).
		 * Returns false to stop reading this table and go on to the next.
		 */
		boolean row(RawRow row);

	}

	static void read(Path file, RosterFormat format, Rows rows) throws IOException {
		read(file, format, RosterFileLimits.DEFAULT, rows);
	}

	/**
	 * The same, refusing a file beyond the limits (rows, columns, cell length; for XLSX
	 * also the zip and its XML, see {@link XlsxGuard}) before it is read.
	 */
	static void read(Path file, RosterFormat format, RosterFileLimits limits, Rows rows) throws IOException {
		if (format == RosterFormat.XLSX) {
			XlsxGuard.check(file, limits);
			readXlsx(file, rows);
		}
		else if (rows.sheet(null)) {
			readCsv(file, format, limits, rows);
		}
	}

	private static void readCsv(Path file, RosterFormat format, RosterFileLimits limits, Rows rows) throws IOException {
		CsvLimits.check(file, format.charset(), limits);
		CSVFormat csv = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
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
				if (!rows.row(new RawRow(number, record.toList()))) {
					break;
				}
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

	private static void readXlsx(Path file, Rows rows) throws IOException {
		boolean date1904 = isDate1904(file);
		// Opened from the file, not a stream: fastexcel would copy a stream whole into
		// the
		// heap.
		try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
			List<Sheet> visible = workbook.getSheets()
				.filter(s -> s.getVisibility() == SheetVisibility.VISIBLE)
				.toList();
			for (Sheet sheet : visible) {
				if (!offer(rows, sheet.getName())) {
					continue;
				}
				try (Stream<Row> stream = sheet.openStream()) {
					Iterator<Row> it = stream.iterator();
					while (it.hasNext()) {
						Row row = it.next();
						if (!offer(rows, new RawRow(row.getRowNum(), cellsOf(row, date1904), row.isHidden()))) {
							break;
						}
					}
				}
			}
		}
		catch (ConsumerFailure e) {
			throw e.getCause();
		}
		catch (IOException | RuntimeException e) {
			throw new UnreadableRosterException(UNREADABLE, "DAMAGED_XLSX");
		}
	}

	private static boolean offer(Rows rows, String sheet) {
		try {
			return rows.sheet(sheet);
		}
		catch (RuntimeException e) {
			throw new ConsumerFailure(e);
		}
	}

	private static boolean offer(Rows rows, RawRow row) {
		try {
			return rows.row(row);
		}
		catch (RuntimeException e) {
			throw new ConsumerFailure(e);
		}
	}

	/**
	 * Whether the workbook counts dates from 1904. fastexcel reads the flag with
	 * {@code Boolean.parseBoolean}, which takes Excel's own spelling {@code "1"} for
	 * false, so the flag is read here from xl/workbook.xml: its {@code workbookPr}
	 * element comes before the sheet list, and reading stops there.
	 */
	static boolean isDate1904(Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			ZipEntry entry = zip.getEntry("xl/workbook.xml");
			if (entry == null) {
				return false;
			}
			XMLInputFactory factory = XMLInputFactory.newFactory();
			factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
			factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
			try (InputStream in = zip.getInputStream(entry)) {
				XMLStreamReader xml = factory.createXMLStreamReader(in);
				try {
					while (xml.hasNext()) {
						if (xml.next() != XMLStreamConstants.START_ELEMENT) {
							continue;
						}
						String name = xml.getLocalName();
						if (name.equals("workbookPr")) {
							String flag = xml.getAttributeValue(null, "date1904");
							return flag != null && (flag.trim().equals("1") || flag.trim().equalsIgnoreCase("true"));
						}
						if (name.equals("sheets")) {
							return false;
						}
					}
				}
				finally {
					xml.close();
				}
			}
			return false;
		}
		catch (IOException | XMLStreamException | RuntimeException e) {
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

	private static List<String> cellsOf(Row row, boolean date1904) {
		List<String> cells = new ArrayList<>(row.getCellCount());
		for (int i = 0; i < row.getCellCount(); i++) {
			cells.add(text(row.getCell(i), date1904));
		}
		return cells;
	}

	/**
	 * The cell as Excel shows it: a number in a date format becomes ISO text
	 * (1948-04-05); any other number is shown with at most 15 significant digits and no
	 * trailing ".0"; a boolean is 1 or 0; a formula shows its cached value the same way;
	 * text stays as it is.
	 */
	static String text(Cell cell, boolean date1904) {
		if (cell == null) {
			return "";
		}
		return switch (cell.getType()) {
			case NUMBER -> number(cell.getRawValue(), cell, date1904);
			case STRING -> cell.getText() == null ? "" : cell.getText();
			case FORMULA -> formula(cell, date1904);
			case BOOLEAN -> Boolean.TRUE.equals(cell.asBoolean()) ? "1" : "0";
			case EMPTY -> "";
			case ERROR -> cell.getRawValue() == null ? "" : cell.getRawValue();
		};
	}

	private static String formula(Cell cell, boolean date1904) {
		Object value = cell.getValue();
		String raw = value == null ? cell.getRawValue() : value.toString();
		if (raw == null) {
			return "";
		}
		String trimmed = raw.trim();
		if (value instanceof Boolean || trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")) {
			return trimmed.equalsIgnoreCase("true") ? "1" : "0";
		}
		String f = cell.getFormula() == null ? "" : cell.getFormula().trim().toUpperCase(Locale.ROOT);
		if (f.matches("=?(TRUE|FALSE)(\\(\\))?") && (trimmed.equals("1") || trimmed.equals("0"))) {
			return trimmed;
		}
		if (NUMBER.matcher(trimmed).matches()) {
			return number(trimmed, cell, date1904);
		}
		return raw;
	}

	private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

	/** Serial 2,958,465 is 9999-12-31 in the 1900 system; beyond it Excel shows ####. */
	private static final long LAST_SERIAL = 2_958_465;

	private static String number(String raw, Cell cell, boolean date1904) {
		if (raw == null || raw.isBlank()) {
			return "";
		}
		BigDecimal n;
		try {
			n = new BigDecimal(raw.trim());
		}
		catch (NumberFormatException e) {
			return raw;
		}
		if (isDate(cell.getDataFormatId(), cell.getDataFormatString())) {
			LocalDate date = date(n, date1904);
			if (date != null) {
				return date.toString();
			}
		}
		return plain(n);
	}

	/** The day of an Excel serial, or null when Excel would not show it as a date. */
	static LocalDate date(BigDecimal serial, boolean date1904) {
		if (serial.signum() < 0 || serial.compareTo(BigDecimal.valueOf(LAST_SERIAL)) > 0) {
			return null;
		}
		long day = serial.setScale(0, RoundingMode.FLOOR).longValueExact();
		if (date1904) {
			return LocalDate.of(1904, 1, 1).plusDays(day);
		}
		if (day == 0 || day == 60) {
			// 1900-01-00 and Lotus's 1900-02-29 exist only in Excel.
			return null;
		}
		return day < 60 ? LocalDate.of(1899, 12, 31).plusDays(day) : LocalDate.of(1899, 12, 30).plusDays(day);
	}

	static String plain(BigDecimal n) {
		if (n == null) {
			return "";
		}
		BigDecimal shown = n.round(new MathContext(15, RoundingMode.HALF_UP)).stripTrailingZeros();
		if (shown.signum() == 0) {
			return "0";
		}
		// Excel shows very large or very small numbers in scientific notation; never
		// expand an exponent into millions of digits.
		int magnitude = shown.precision() - shown.scale();
		if (magnitude > 21 || magnitude < -20) {
			return shown.toString();
		}
		return shown.toPlainString();
	}

	/**
	 * The built-in date and time formats of ECMA-376 (14–22, 45–47) and the Japanese
	 * built-in ones (27–36, 50–58: 和暦 with era and 年月日), whose format string may be
	 * absent from the file or localized.
	 */
	static boolean isBuiltInDate(int id) {
		return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
	}

	static boolean isDate(Integer id, String format) {
		if (id != null && isBuiltInDate(id)) {
			return true;
		}
		if (id != null && (id <= 13 || (id >= 37 && id <= 44) || id == 48 || id == 49)) {
			// Built-in General (0), number, currency, percent, scientific and text (49)
			// formats, whatever string a writer stored for them.
			return false;
		}
		return isDateFormat(format);
	}

	/**
	 * Whether a custom number format shows a date: quoted literals, escaped characters,
	 * fill and padding characters, bracketed sections ([Red], [$-411], [h]) and General
	 * (「G/標準」 in Japanese Excel) are removed first, so that only date tokens remain.
	 */
	static boolean isDateFormat(String format) {
		if (format == null) {
			return false;
		}
		String f = format.replaceAll("\"[^\"]*\"", "")
			.replaceAll("\\\\.", "")
			.replaceAll("[_*].", "")
			.replaceAll("\\[[^\\]]*\\]", "")
			.toLowerCase(Locale.ROOT);
		f = f.replace("general", "").replace("g/標準", "").replace("標準", "");
		// A scientific number such as 0.00E+00 has an "e" that is no era.
		f = f.replaceAll("e[+-]", "");
		return f.contains("y") || f.contains("d") || f.contains("e") || f.contains("g") || f.contains("b");
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
