package jp.madoguchi.roster;

import static jp.madoguchi.roster.UnreadableRosterException.Kind.UNREADABLE;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Checks an XLSX before the reader opens it, so that a hostile workbook is refused within
 * seconds and with bounded memory instead of running the service out of heap. One pass
 * over the file, nothing kept but counters:
 * <ul>
 * <li>the zip: the number of entries and the size of the central directory (counted the
 * way commons-compress, the reader's zip library, walks it, before it builds its entry
 * objects); compression methods (stored and deflated only, nothing encrypted); names
 * unique even ignoring case (the reader falls back to a case-insensitive lookup);</li>
 * <li>every entry is inflated through a counting {@link Inflater} over its raw bytes
 * (read through commons-compress, so the guard sees exactly the data the reader will):
 * the ratio of compressed to uncompressed bytes (POI's {@code ZipSecureFile}: at least
 * 1/100 once past the first megabyte), the uncompressed size of each part and of all
 * together, and the declared size, which must be the real one;</li>
 * <li>the XML parts the reader reads ({@code [Content_Types].xml}, every part it names,
 * the workbook, its relationships and their targets) are scanned byte by byte: no DTD or
 * entity declaration, UTF-8 only, tags and text runs of bounded length, bounded depth;
 * inside {@code sheetData}: rows (count, ascending numbers up to 1,048,576), cells
 * (column within the limit, valid references), values (length, numbers within Excel's
 * range, shared-string indexes below the table's real size), array formulas; in the
 * shared strings: their number, each one's length and the total.</li>
 * </ul>
 * The scan never accumulates a string longer than a cell value's first 1,024 characters.
 * A refusal is an {@link UnreadableRosterException} (400) whose message names the limit.
 */
final class XlsxGuard {

	private static final String SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";

	private static final String STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

	private static final Set<String> WORKBOOK_TYPES = Set.of(
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
			"application/vnd.ms-excel.sheet.macroEnabled.main+xml");

	private static final String CONTENT_TYPES = "[content_types].xml";

	private final Path file;

	private final RosterFileLimits limits;

	private long totalBytes;

	/** Parts by lower-cased name. */
	private final Map<String, ZipArchiveEntry> parts = new HashMap<>();

	private final List<String[]> overrides = new ArrayList<>();

	private final Map<String, String> sheetNamesById = new HashMap<>();

	private final Map<String, String> targetsById = new HashMap<>();

	/** Sheet names by lower-cased part name, for the messages. */
	private final Map<String, String> sheetNames = new HashMap<>();

	private int sharedStrings = -1;

	/** One tag buffer for all parts, scanned one after the other. */
	private byte[] tagBuffer;

	private byte[] tagBuffer() {
		if (this.tagBuffer == null) {
			this.tagBuffer = new byte[this.limits.maxTagBytes()];
		}
		return this.tagBuffer;
	}

	private XlsxGuard(Path file, RosterFileLimits limits) {
		this.file = file;
		this.limits = limits;
	}

	/** Refuses the workbook, or returns when the reader may open it. */
	static void check(Path file, RosterFileLimits limits) {
		try {
			new XlsxGuard(file, limits).run();
		}
		catch (UnreadableRosterException e) {
			throw e;
		}
		catch (IOException | RuntimeException e) {
			throw new UnreadableRosterException(UNREADABLE, "DAMAGED_XLSX");
		}
	}

	/** A count as the messages show it: 200,000. */
	static String number(long n) {
		return String.format(Locale.ROOT, "%,d", n);
	}

	private void run() throws IOException {
		checkCentralDirectory();
		try (ZipFile zip = ZipFile.builder().setFile(this.file.toFile()).get()) {
			List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
			if (entries.size() > this.limits.maxEntries()) {
				throw new UnreadableRosterException(UNREADABLE, "XLSX_TOO_MANY_ENTRIES",
						number(this.limits.maxEntries()));
			}
			long declared = 0;
			for (ZipArchiveEntry entry : entries) {
				String name = key(entry.getName());
				if (this.parts.put(name, entry) != null) {
					throw new UnreadableRosterException(UNREADABLE, "DAMAGED_XLSX");
				}
				if ((entry.getMethod() != ZipEntry.STORED && entry.getMethod() != ZipEntry.DEFLATED)
						|| entry.getGeneralPurposeBit().usesEncryption()) {
					throw new UnreadableRosterException(UNREADABLE, "XLSX_UNSUPPORTED_ENTRY", label(entry.getName()));
				}
				if (entry.getSize() > this.limits.maxPartBytes()) {
					throw new UnreadableRosterException(UNREADABLE, "XLSX_PART_TOO_LARGE", label(entry.getName()),
							number(this.limits.maxPartBytes() >> 20));
				}
				declared += Math.max(0, entry.getSize());
			}
			if (declared > this.limits.maxTotalBytes()) {
				throw new UnreadableRosterException(UNREADABLE, "XLSX_TOTAL_TOO_LARGE",
						number(this.limits.maxTotalBytes() >> 20));
			}
			Set<String> metadata = new LinkedHashSet<>();
			metadata.add(CONTENT_TYPES);
			scan(zip, CONTENT_TYPES, Role.CONTENT_TYPES, true);
			String sst = null;
			String styles = null;
			// Lower-cased name → name as written (the reader derives paths from it).
			Map<String, String> workbooks = new LinkedHashMap<>();
			Set<String> read = new LinkedHashSet<>();
			for (String[] override : this.overrides) {
				String part = key(override[0]);
				read.add(part);
				if (SST_TYPE.equals(override[1])) {
					sst = unique(sst, part);
				}
				else if (STYLES_TYPE.equals(override[1])) {
					styles = unique(styles, part);
				}
				else if (WORKBOOK_TYPES.contains(override[1])) {
					workbooks.put(part, override[0].startsWith("/") ? override[0].substring(1) : override[0]);
				}
			}
			if (workbooks.size() > 1) {
				throw new UnreadableRosterException(UNREADABLE, "DAMAGED_XLSX");
			}
			// RosterFileReader reads the 1904 flag from xl/workbook.xml itself.
			workbooks.putIfAbsent("xl/workbook.xml", "xl/workbook.xml");
			if (styles != null) {
				metadata.add(styles);
			}
			this.sharedStrings = 0;
			if (sst != null) {
				scan(zip, sst, Role.SHARED_STRINGS, false);
			}
			for (var workbook : workbooks.entrySet()) {
				metadata.add(workbook.getKey());
				scan(zip, workbook.getKey(), Role.WORKBOOK, true);
				String rels = relsNameFor(workbook.getValue());
				metadata.add(key(rels));
				this.targetsById.clear();
				scan(zip, key(rels), Role.RELATIONSHIPS, true);
				// The reader's own rule, even where it errs: up to the first "_rel".
				String folder = rels.substring(0, rels.indexOf("_rel"));
				for (var target : this.targetsById.entrySet()) {
					String path = target.getValue().startsWith("/") ? target.getValue() : folder + target.getValue();
					String part = key(path);
					read.add(part);
					String sheet = this.sheetNamesById.get(target.getKey());
					if (sheet != null) {
						this.sheetNames.putIfAbsent(part, sheet);
					}
				}
			}
			read.removeAll(metadata);
			if (sst != null) {
				read.remove(sst);
			}
			for (String part : metadata) {
				scan(zip, part, Role.OTHER, true);
			}
			for (String part : read) {
				scan(zip, part, Role.OTHER, false);
			}
		}
	}

	private enum Role {

		CONTENT_TYPES, SHARED_STRINGS, WORKBOOK, RELATIONSHIPS, OTHER

	}

	private final Set<String> scanned = new HashSet<>();

	private void scan(ZipFile zip, String part, Role role, boolean metadata) throws IOException {
		if (!this.scanned.add(part) && role == Role.OTHER) {
			return;
		}
		ZipArchiveEntry entry = this.parts.get(part);
		if (entry == null || entry.isDirectory()) {
			return;
		}
		long cap = metadata ? this.limits.maxMetadataPartBytes() : this.limits.maxPartBytes();
		if (entry.getSize() > cap) {
			throw new UnreadableRosterException(UNREADABLE, "XLSX_PART_TOO_LARGE", label(entry.getName()),
					number(cap >> 20));
		}
		XmlPart xml = new XmlPart(label(entry.getName()), role,
				this.sheetNames.getOrDefault(part, label(entry.getName())));
		inflate(zip, entry, cap, xml);
		if (role == Role.SHARED_STRINGS) {
			this.sharedStrings = xml.siCount;
		}
	}

	private String unique(String found, String part) {
		if (found != null && !found.equals(part)) {
			throw new UnreadableRosterException(UNREADABLE, "DAMAGED_XLSX");
		}
		return part;
	}

	/** The zip name of a part name: without the leading slash, case ignored. */
	private static String key(String name) {
		String n = name.startsWith("/") ? name.substring(1) : name;
		return n.toLowerCase(Locale.ROOT);
	}

	private static String relsNameFor(String part) {
		int slash = part.lastIndexOf('/');
		return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
	}

	/** A part or sheet name for a message: printable and short. */
	static String label(String name) {
		StringBuilder sb = new StringBuilder();
		name.codePoints().limit(60).forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
		return name.length() > 60 ? sb + "…" : sb.toString();
	}

	/**
	 * Counts the central directory's records the way commons-compress reads them (from
	 * the offset in the end record, while the signature repeats) before it makes an
	 * object of each.
	 */
	private void checkCentralDirectory() throws IOException {
		try (FileChannel channel = FileChannel.open(this.file)) {
			long size = channel.size();
			int tail = (int) Math.min(size, 22 + 65_535);
			ByteBuffer end = read(channel, size - tail, tail);
			int eocd = -1;
			for (int p = tail - 22; p >= 0; p--) {
				if (end.getInt(p) == 0x06054b50) {
					eocd = p;
					break;
				}
			}
			if (eocd < 0) {
				throw new UnreadableRosterException(UNREADABLE, "DAMAGED_XLSX");
			}
			long eocdPosition = size - tail + eocd;
			long directory = end.getInt(eocd + 16) & 0xFFFFFFFFL;
			if (eocdPosition >= 20) {
				ByteBuffer locator = read(channel, eocdPosition - 20, 20);
				if (locator.getInt(0) == 0x07064b50) {
					long zip64End = locator.getLong(8);
					if (zip64End >= 0 && zip64End + 56 <= size) {
						ByteBuffer zip64 = read(channel, zip64End, 56);
						if (zip64.getInt(0) == 0x06064b50) {
							directory = zip64.getLong(48);
						}
					}
				}
			}
			if (directory < 0 || directory >= size) {
				return;
			}
			channel.position(directory);
			InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
			byte[] header = new byte[46];
			ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
			long count = 0;
			long bytes = 0;
			while (in.readNBytes(header, 0, 46) == 46 && h.getInt(0) == 0x02014b50) {
				long variable = (h.getShort(28) & 0xFFFF) + (h.getShort(30) & 0xFFFF) + (h.getShort(32) & 0xFFFF);
				count++;
				bytes += 46 + variable;
				if (count > this.limits.maxEntries()) {
					throw new UnreadableRosterException(UNREADABLE, "XLSX_TOO_MANY_ENTRIES",
							number(this.limits.maxEntries()));
				}
				if (bytes > this.limits.maxCentralDirectoryBytes()) {
					throw new UnreadableRosterException(UNREADABLE, "XLSX_DIRECTORY_TOO_LARGE",
							number(this.limits.maxCentralDirectoryBytes() >> 20));
				}
				in.skipNBytes(variable);
			}
		}
	}

	private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
		while (buffer.hasRemaining()) {
			if (channel.read(buffer, position + buffer.position()) < 0) {
				throw new UnreadableRosterException(UNREADABLE, "DAMAGED_XLSX");
			}
		}
		return buffer;
	}

	/**
	 * Streams one entry's raw bytes through an inflater, counting what goes in and what
	 * comes out, and hands the output to the XML scan.
	 */
	private void inflate(ZipFile zip, ZipArchiveEntry entry, long cap, XmlPart xml) throws IOException {
		String name = label(entry.getName());
		long declared = entry.getSize();
		byte[] in = new byte[64 * 1024];
		byte[] out = new byte[64 * 1024];
		long produced = 0;
		try (InputStream raw = zip.getRawInputStream(entry)) {
			if (raw == null) {
				throw new UnreadableRosterException(UNREADABLE, "DAMAGED_XLSX");
			}
			if (entry.getMethod() == ZipEntry.STORED) {
				int n;
				while ((n = raw.read(out)) > 0) {
					produced += n;
					account(name, n, produced, declared, cap);
					xml.feed(out, 0, n);
				}
			}
			else {
				Inflater inflater = new Inflater(true);
				try {
					boolean dummy = false;
					while (!inflater.finished()) {
						if (inflater.needsInput()) {
							int n = raw.read(in);
							if (n < 0) {
								if (dummy) {
									throw new UnreadableRosterException(UNREADABLE, "DAMAGED_XLSX");
								}
								// A raw deflate stream may need one byte past its end.
								dummy = true;
								in[0] = 0;
								n = 1;
							}
							inflater.setInput(in, 0, n);
						}
						int n = inflater.inflate(out);
						if (n == 0) {
							if (inflater.needsDictionary()) {
								throw new UnreadableRosterException(UNREADABLE, "DAMAGED_XLSX");
							}
							continue;
						}
						produced += n;
						account(name, n, produced, declared, cap);
						if (produced > this.limits.inflateRatioGrace()
								&& inflater.getBytesRead() < produced * this.limits.minInflateRatio()) {
							throw new UnreadableRosterException(UNREADABLE, "XLSX_COMPRESSION_RATIO", name);
						}
						xml.feed(out, 0, n);
					}
				}
				catch (DataFormatException e) {
					throw new UnreadableRosterException(UNREADABLE, "DAMAGED_XLSX");
				}
				finally {
					inflater.end();
				}
			}
		}
		if (produced != declared) {
			throw new UnreadableRosterException(UNREADABLE, "XLSX_SIZE_MISMATCH", name);
		}
		xml.finish();
	}

	private void account(String name, int n, long produced, long declared, long cap) {
		this.totalBytes += n;
		if (produced > declared) {
			throw new UnreadableRosterException(UNREADABLE, "XLSX_SIZE_MISMATCH", name);
		}
		if (produced > cap) {
			throw new UnreadableRosterException(UNREADABLE, "XLSX_PART_TOO_LARGE", name, number(cap >> 20));
		}
		if (this.totalBytes > this.limits.maxTotalBytes()) {
			throw new UnreadableRosterException(UNREADABLE, "XLSX_TOTAL_TOO_LARGE",
					number(this.limits.maxTotalBytes() >> 20));
		}
	}

	private static final byte[] SHEET_DATA = bytes("sheetData");

	private static final byte[] ROW = bytes("row");

	private static final byte[] C = bytes("c");

	private static final byte[] V = bytes("v");

	private static final byte[] F = bytes("f");

	private static final byte[] IS = bytes("is");

	private static final byte[] SI = bytes("si");

	private static final byte[] T = bytes("t");

	private static final byte[] RPH = bytes("rPh");

	private static final byte[] OVERRIDE = bytes("Override");

	private static final byte[] SHEET = bytes("sheet");

	private static final byte[] RELATIONSHIP = bytes("Relationship");

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * A byte-level scan of one XML part: tags are collected (up to the tag limit) and
	 * parsed; text is counted, and decoded (entities, UTF-8) only inside cell values and
	 * shared strings.
	 */
	private final class XmlPart {

		/**
		 * Characters of shared formulas the reader may rewrite in one sheet (a second or
		 * two): 200,000 rows × 10 columns of formulas of 50 characters.
		 */
		private static final long SHARED_FORMULA_WORK = 100_000_000;

		private static final int SNIFF = 0, TEXT = 1, TAG = 2, NOT_XML = 3;

		private static final int UNKNOWN = 0, START = 1, END = 2, COMMENT = 3, PI = 4, CDATA = 5;

		private final String part;

		private final Role role;

		private final String sheet;

		private int state = SNIFF;

		private final byte[] head = new byte[4];

		private int headLength;

		private final byte[] tag = tagBuffer();

		private int tagLength;

		private int kind;

		private byte quote;

		private boolean prologDone;

		private int depth;

		private long run;

		// Name of the last start or end tag parsed: tag[nameStart, nameEnd).
		private int nameStart;

		private int nameEnd;

		// Sheet state; -1 = not inside.
		private int sheetDataDepth = -1;

		private int rowDepth = -1;

		private int cellDepth = -1;

		private int rows;

		private long rowNumber;

		private int cellsInRow;

		private int column;

		private boolean shared;

		private int arrayFormulas;

		private boolean sharedFormulaBase;

		private int longestSharedFormula;

		private long sharedFormulaWork;

		// Shared-string state.
		private int siDepth = -1;

		private int rphDepth = -1;

		private long sstChars;

		private int siCount;

		// The value being decoded (v, f, is; t in a shared string); -1 = none.
		private int valueDepth = -1;

		private boolean valueIsV;

		private int valueChars;

		private final StringBuilder valueHead = new StringBuilder();

		private boolean valueOverflow;

		private final NumberShape number = new NumberShape();

		// Decoder state.
		private int utf8Needed;

		private int codePoint;

		private final byte[] entity = new byte[16];

		private int entityLength = -1;

		XmlPart(String part, Role role, String sheet) {
			this.part = part;
			this.role = role;
			this.sheet = sheet;
		}

		void feed(byte[] b, int off, int len) {
			int i = off;
			int end = off + len;
			while (i < end) {
				switch (this.state) {
					case SNIFF -> {
						this.head[this.headLength++] = b[i++];
						if (this.headLength == this.head.length) {
							sniff();
						}
					}
					case TEXT -> {
						int start = i;
						while (i < end) {
							byte c = b[i];
							if (c == '<') {
								break;
							}
							if (c == 0) {
								throw encoding();
							}
							i++;
						}
						if (i > start) {
							text(b, start, i - start, false);
						}
						if (i < end) {
							i++;
							this.state = TAG;
							this.tag[0] = '<';
							this.tagLength = 1;
							this.kind = UNKNOWN;
							this.quote = 0;
						}
					}
					case TAG -> i = tag(b, i, end);
					default -> {
						return;
					}
				}
			}
		}

		void finish() {
			if (this.state == SNIFF) {
				sniff();
			}
		}

		private void sniff() {
			byte[] h = this.head;
			int n = this.headLength;
			int b0 = n > 0 ? h[0] & 0xFF : -1;
			int b1 = n > 1 ? h[1] & 0xFF : -1;
			int b2 = n > 2 ? h[2] & 0xFF : -1;
			if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE) || (b0 == 0 && b1 == 0)
					|| (b0 == '<' && b1 == 0) || (b0 == 0 && b1 == '<')) {
				throw encoding();
			}
			int skip = (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) ? 3 : 0;
			int first = n > skip ? h[skip] & 0xFF : -1;
			if (first == '<' || first == ' ' || first == '\t' || first == '\r' || first == '\n') {
				this.state = TEXT;
				feed(h, skip, n - skip);
			}
			else {
				this.state = NOT_XML;
			}
		}

		private int tag(byte[] b, int i, int end) {
			byte[] t = this.tag;
			if (this.kind == START || this.kind == END) {
				// The common case, in a tight loop: up to the '>' outside quotes.
				int n = this.tagLength;
				byte q = this.quote;
				while (i < end) {
					byte c = b[i++];
					if (c == 0) {
						throw encoding();
					}
					if (n == t.length) {
						throw tagTooLong();
					}
					t[n++] = c;
					if (q != 0) {
						if (c == q) {
							q = 0;
						}
					}
					else if (c == '>') {
						this.tagLength = n;
						this.quote = 0;
						completeElement();
						return i;
					}
					else if (c == '"' || c == '\'') {
						q = c;
					}
				}
				this.tagLength = n;
				this.quote = q;
				return i;
			}
			while (i < end) {
				byte c = b[i++];
				if (c == 0) {
					throw encoding();
				}
				if (this.tagLength == t.length) {
					throw tagTooLong();
				}
				t[this.tagLength++] = c;
				int n = this.tagLength;
				switch (this.kind) {
					case UNKNOWN -> {
						if (n == 2) {
							this.kind = c == '!' ? UNKNOWN : c == '?' ? PI : c == '/' ? END : START;
							if (this.kind == START && (c == '>' || c == '"' || c == '\'')) {
								throw damaged();
							}
							if (this.kind == START || this.kind == END) {
								return tag(b, i, end);
							}
						}
						else if (n == 3 && c != '-' && c != '[') {
							throw new UnreadableRosterException(UNREADABLE, "XLSX_XML_DTD", this.part);
						}
						else if (n == 4 && t[2] == '-') {
							if (c != '-') {
								throw damaged();
							}
							this.kind = COMMENT;
						}
						else if (n == 9) {
							if (!new String(t, 0, 9, StandardCharsets.US_ASCII).equals("<![CDATA[")) {
								throw new UnreadableRosterException(UNREADABLE, "XLSX_XML_DTD", this.part);
							}
							this.kind = CDATA;
						}
					}
					case START, END -> {
						if (this.quote != 0) {
							if (c == this.quote) {
								this.quote = 0;
							}
						}
						else if (c == '"' || c == '\'') {
							this.quote = c;
						}
						else if (c == '>') {
							completeElement();
							return i;
						}
					}
					case COMMENT -> {
						if (n >= 7 && c == '>' && t[n - 2] == '-' && t[n - 3] == '-') {
							complete();
							return i;
						}
					}
					case PI -> {
						if (n >= 4 && c == '>' && t[n - 2] == '?') {
							if (!this.prologDone && n > 5 && t[2] == 'x' && t[3] == 'm' && t[4] == 'l'
									&& (t[5] == ' ' || t[5] == '\t' || t[5] == '\r' || t[5] == '\n')) {
								String encoding = attribute("encoding", false, 5, n - 2);
								if (encoding != null && !encoding.trim().equalsIgnoreCase("UTF-8")
										&& !encoding.trim().equalsIgnoreCase("UTF8")) {
									throw encoding();
								}
							}
							complete();
							return i;
						}
					}
					case CDATA -> {
						if (n >= 12 && c == '>' && t[n - 2] == ']' && t[n - 3] == ']') {
							complete();
							text(t, 9, n - 12, true);
							this.run = 0;
							return i;
						}
					}
					default -> throw damaged();
				}
			}
			return i;
		}

		private UnreadableRosterException tagTooLong() {
			return new UnreadableRosterException(UNREADABLE, "XLSX_XML_TAG_TOO_LONG", this.part,
					number(limits.maxTagBytes() / 1024));
		}

		private void complete() {
			this.state = TEXT;
			this.run = 0;
			this.prologDone = true;
		}

		private void completeElement() {
			complete();
			byte[] t = this.tag;
			int n = this.tagLength;
			boolean end = this.kind == END;
			int p = end ? 2 : 1;
			int s = p;
			int local = p;
			while (p < n - 1 && !isSpace(t[p]) && t[p] != '/' && t[p] != '>') {
				if (t[p] == ':') {
					local = p + 1;
				}
				p++;
			}
			if (p == s) {
				throw damaged();
			}
			this.nameStart = local;
			this.nameEnd = p;
			if (end) {
				if (this.depth == 0) {
					throw damaged();
				}
				endElement();
				this.depth--;
				return;
			}
			boolean empty = t[n - 2] == '/';
			if (++this.depth > limits.maxDepth()) {
				throw new UnreadableRosterException(UNREADABLE, "XLSX_XML_TOO_DEEP", this.part,
						number(limits.maxDepth()));
			}
			startElement(p, empty ? n - 2 : n - 1);
			if (empty) {
				endElement();
				this.depth--;
			}
		}

		private boolean is(byte[] name) {
			int n = this.nameEnd - this.nameStart;
			if (n != name.length) {
				return false;
			}
			for (int k = 0; k < n; k++) {
				if (this.tag[this.nameStart + k] != name[k]) {
					return false;
				}
			}
			return true;
		}

		private void startElement(int from, int to) {
			if (this.role == Role.CONTENT_TYPES && is(OVERRIDE)) {
				String name = attribute("PartName", false, from, to);
				String type = attribute("ContentType", false, from, to);
				if (name != null && type != null) {
					overrides.add(new String[] { name, type });
				}
			}
			else if (this.role == Role.WORKBOOK && is(SHEET)) {
				if (sheetNamesById.size() >= limits.maxSheets()) {
					throw new UnreadableRosterException(UNREADABLE, "XLSX_TOO_MANY_SHEETS", number(limits.maxSheets()));
				}
				String id = attribute("id", true, from, to);
				String name = attribute("name", false, from, to);
				if (id != null) {
					sheetNamesById.put(id, label(name == null ? "" : name));
				}
			}
			else if (this.role == Role.RELATIONSHIPS && is(RELATIONSHIP)) {
				String id = attribute("Id", false, from, to);
				String target = attribute("Target", false, from, to);
				if (id != null && target != null) {
					targetsById.put(id, target);
				}
			}
			if (this.role == Role.SHARED_STRINGS) {
				startSharedString();
			}
			// A part the reader may take for a sheet is checked as one, whatever else it
			// is.
			if (this.sheetDataDepth < 0) {
				if (is(SHEET_DATA)) {
					// Rows count over the whole part, however many sheetData it holds.
					this.sheetDataDepth = this.depth;
					this.rowNumber = 0;
				}
				return;
			}
			if (is(ROW)) {
				startRow(from, to);
			}
			else if (is(C)) {
				startCell(from, to);
			}
			else if (this.cellDepth >= 0 && this.valueDepth < 0 && (is(V) || is(F) || is(IS))) {
				startValue(is(V));
				this.sharedFormulaBase = false;
				if (is(F)) {
					startFormula(from, to);
				}
			}
		}

		/**
		 * The reader checks every cell against all array formulas, and rewrites a shared
		 * formula's text for each cell that shares it: both are bounded.
		 */
		private void startFormula(int from, int to) {
			String type = attribute("t", false, from, to);
			if ("array".equals(type) && ++this.arrayFormulas > limits.maxArrayFormulas()) {
				throw new UnreadableRosterException(UNREADABLE, "XLSX_TOO_MANY_ARRAY_FORMULAS", this.sheet,
						number(limits.maxArrayFormulas()));
			}
			if ("shared".equals(type)) {
				if (find("ref", false, from, to) >= 0) {
					this.sharedFormulaBase = true;
				}
				else {
					this.sharedFormulaWork += this.longestSharedFormula + 1;
					if (this.sharedFormulaWork > SHARED_FORMULA_WORK) {
						throw new UnreadableRosterException(UNREADABLE, "XLSX_FORMULAS_TOO_LARGE", this.sheet);
					}
				}
			}
		}

		private void startValue(boolean v) {
			this.valueDepth = this.depth;
			this.valueIsV = v;
			this.valueHead.setLength(0);
			this.valueOverflow = false;
			this.number.reset();
			this.entityLength = -1;
			this.utf8Needed = 0;
			this.valueChars = 0;
		}

		private void startSharedString() {
			if (is(SI)) {
				if (this.siDepth < 0) {
					this.siDepth = this.depth;
					this.valueChars = 0;
				}
				if (++this.siCount > limits.maxSharedStrings()) {
					throw new UnreadableRosterException(UNREADABLE, "XLSX_TOO_MANY_SHARED_STRINGS",
							number(limits.maxSharedStrings()));
				}
			}
			else if (is(RPH) && this.siDepth >= 0 && this.rphDepth < 0) {
				this.rphDepth = this.depth;
			}
			else if (is(T) && this.siDepth >= 0 && this.rphDepth < 0 && this.valueDepth < 0) {
				this.valueDepth = this.depth;
				this.valueIsV = false;
				this.entityLength = -1;
				this.utf8Needed = 0;
			}
		}

		private void startRow(int from, int to) {
			if (++this.rows > limits.maxRows()) {
				throw new UnreadableRosterException(UNREADABLE, "ROSTER_TOO_MANY_ROWS", number(limits.maxRows()));
			}
			this.rowDepth = this.depth;
			this.cellsInRow = 0;
			this.column = -1;
			String r = attribute("r", false, from, to);
			long number = this.rowNumber + 1;
			if (r != null) {
				try {
					number = Integer.parseInt(r);
				}
				catch (NumberFormatException e) {
					throw new UnreadableRosterException(UNREADABLE, "XLSX_ROW_NUMBER", this.sheet, label(r));
				}
				if (number < 1 || number > RosterFileLimits.EXCEL_MAX_ROWS || number <= this.rowNumber) {
					throw new UnreadableRosterException(UNREADABLE, "XLSX_ROW_NUMBER", this.sheet, label(r));
				}
			}
			this.rowNumber = number;
		}

		private void startCell(int from, int to) {
			this.cellDepth = this.depth;
			if (++this.cellsInRow > limits.maxColumns()) {
				throw tooManyColumns();
			}
			long r = find("r", false, from, to);
			if (r < 0) {
				this.column++;
			}
			else {
				this.column = column((int) (r >>> 32), (int) r);
			}
			if (this.column >= limits.maxColumns()) {
				throw tooManyColumns();
			}
			long t = find("t", false, from, to);
			this.shared = t >= 0 && "s".equals(value(t));
		}

		/** A value as it is when it is plain ASCII (the usual case: no string made). */
		private String value(long range) {
			int from = (int) (range >>> 32);
			int to = (int) range;
			if (to - from == 1 && this.tag[from] != '&') {
				return this.tag[from] == 's' ? "s" : "";
			}
			return decode(this.tag, from, to);
		}

		private int column(int from, int to) {
			byte[] t = this.tag;
			int p = from;
			long column = 0;
			int letters = 0;
			while (p < to && ((t[p] >= 'A' && t[p] <= 'Z') || (t[p] >= 'a' && t[p] <= 'z')) && letters < 4) {
				column = column * 26 + (Character.toUpperCase(t[p]) - 'A' + 1);
				letters++;
				p++;
			}
			int digits = p;
			long row = 0;
			while (p < to && t[p] >= '0' && t[p] <= '9' && p - digits < 8) {
				row = row * 10 + (t[p] - '0');
				p++;
			}
			if (letters == 0 || letters > 3 || p == digits || p != to || row < 1
					|| row > RosterFileLimits.EXCEL_MAX_ROWS || column > RosterFileLimits.EXCEL_MAX_COLUMNS) {
				// Anything else ($, entities, odd characters) the slow, exact way.
				return column(decode(t, from, to));
			}
			return (int) column - 1;
		}

		/**
		 * The zero-based column of a cell reference such as {@code B12} (the reader's
		 * grammar: letters, then digits, optional {@code $}), within Excel's XFD1048576.
		 */
		private int column(String r) {
			int p = 0;
			int n = r.length();
			if (p < n && r.charAt(p) == '$') {
				p++;
			}
			long column = 0;
			int letters = 0;
			while (p < n && isLetter(r.charAt(p))) {
				column = column * 26 + (Character.toUpperCase(r.charAt(p)) - 'A' + 1);
				if (++letters > 3) {
					throw badReference(r);
				}
				p++;
			}
			if (p < n && r.charAt(p) == '$') {
				p++;
			}
			int digits = p;
			long row = 0;
			while (p < n && r.charAt(p) >= '0' && r.charAt(p) <= '9' && p - digits < 8) {
				row = row * 10 + (r.charAt(p) - '0');
				p++;
			}
			if (letters == 0 || p == digits || p != n || row < 1 || row > RosterFileLimits.EXCEL_MAX_ROWS
					|| column > RosterFileLimits.EXCEL_MAX_COLUMNS) {
				throw badReference(r);
			}
			return (int) column - 1;
		}

		private static boolean isLetter(char c) {
			return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
		}

		private UnreadableRosterException badReference(String r) {
			return new UnreadableRosterException(UNREADABLE, "XLSX_CELL_REFERENCE", label(r), this.sheet,
					number(this.rowNumber));
		}

		private UnreadableRosterException tooManyColumns() {
			return new UnreadableRosterException(UNREADABLE, "ROSTER_TOO_MANY_COLUMNS", number(limits.maxColumns()),
					this.sheet, number(this.rowNumber));
		}

		private void endElement() {
			if (this.valueDepth == this.depth) {
				this.valueDepth = -1;
				endValue();
				return;
			}
			if (this.rphDepth == this.depth) {
				this.rphDepth = -1;
			}
			else if (this.siDepth == this.depth) {
				this.siDepth = -1;
			}
			else if (this.cellDepth == this.depth) {
				this.cellDepth = -1;
			}
			else if (this.rowDepth == this.depth) {
				this.rowDepth = -1;
			}
			else if (this.sheetDataDepth == this.depth) {
				this.sheetDataDepth = -1;
			}
		}

		private void endValue() {
			if (this.sharedFormulaBase) {
				this.sharedFormulaBase = false;
				this.longestSharedFormula = Math.max(this.longestSharedFormula, this.valueChars);
			}
			if (!this.valueIsV) {
				return;
			}
			if (this.shared) {
				if (this.valueOverflow) {
					throw badIndex("…");
				}
				int index;
				try {
					index = Integer.parseInt(this.valueHead, 0, this.valueHead.length(), 10);
				}
				catch (NumberFormatException e) {
					// The reader refuses it as damaged.
					return;
				}
				if (index < 0 || index >= sharedStrings) {
					throw badIndex(number(index));
				}
			}
			else if (this.number.outOfRange()) {
				throw new UnreadableRosterException(UNREADABLE, "XLSX_NUMBER_OUT_OF_RANGE", this.sheet,
						number(this.rowNumber));
			}
		}

		private UnreadableRosterException badIndex(String index) {
			return new UnreadableRosterException(UNREADABLE, "XLSX_SHARED_STRING_INDEX", index,
					number(Math.max(sharedStrings, 0)), this.sheet, number(this.rowNumber));
		}

		/** Text between tags, or a CDATA section's content (no entities there). */
		private void text(byte[] b, int off, int len, boolean cdata) {
			if (this.valueDepth < 0) {
				this.run += len;
				if (this.run > limits.maxTextRunBytes()) {
					throw new UnreadableRosterException(UNREADABLE, "XLSX_XML_TEXT_TOO_LONG", this.part,
							number(limits.maxTextRunBytes() / 1024));
				}
				return;
			}
			for (int k = off; k < off + len; k++) {
				int c = b[k] & 0xFF;
				if (this.entityLength >= 0) {
					if (c == ';') {
						character(entity());
						this.entityLength = -1;
					}
					else if (this.entityLength == this.entity.length) {
						throw damaged();
					}
					else {
						this.entity[this.entityLength++] = (byte) c;
					}
				}
				else if (c == '&' && !cdata) {
					this.entityLength = 0;
				}
				else if (this.utf8Needed > 0) {
					if ((c & 0xC0) != 0x80) {
						throw encoding();
					}
					this.codePoint = (this.codePoint << 6) | (c & 0x3F);
					if (--this.utf8Needed == 0) {
						character(this.codePoint);
					}
				}
				else if (c < 0x80) {
					character(c);
				}
				else if ((c & 0xE0) == 0xC0) {
					this.codePoint = c & 0x1F;
					this.utf8Needed = 1;
				}
				else if ((c & 0xF0) == 0xE0) {
					this.codePoint = c & 0x0F;
					this.utf8Needed = 2;
				}
				else if ((c & 0xF8) == 0xF0) {
					this.codePoint = c & 0x07;
					this.utf8Needed = 3;
				}
				else {
					throw encoding();
				}
			}
		}

		/** The character of the entity in {@link #entity} (without its & and ;). */
		private int entity() {
			byte[] e = this.entity;
			int n = this.entityLength;
			if (n > 1 && e[0] == '#') {
				boolean hex = e[1] == 'x' || e[1] == 'X';
				int radix = hex ? 16 : 10;
				int p = hex ? 2 : 1;
				if (p == n) {
					throw damaged();
				}
				int value = 0;
				for (; p < n; p++) {
					int d = Character.digit(e[p], radix);
					if (d < 0 || value > 0x10FFFF) {
						throw damaged();
					}
					value = value * radix + d;
				}
				return value;
			}
			if (matches(e, 0, n, "lt")) {
				return '<';
			}
			if (matches(e, 0, n, "gt")) {
				return '>';
			}
			if (matches(e, 0, n, "amp")) {
				return '&';
			}
			if (matches(e, 0, n, "quot")) {
				return '"';
			}
			if (matches(e, 0, n, "apos")) {
				return '\'';
			}
			// An entity without a declaration: the reader refuses it.
			return '?';
		}

		private void character(int c) {
			this.valueChars += c >= 0x10000 ? 2 : 1;
			boolean shared = this.siDepth >= 0;
			if (this.valueChars > limits.maxCellChars()) {
				if (shared && !this.valueIsV) {
					throw new UnreadableRosterException(UNREADABLE, "XLSX_SHARED_STRING_TOO_LONG",
							number(limits.maxCellChars()), number(this.siCount));
				}
				throw new UnreadableRosterException(UNREADABLE, "ROSTER_CELL_TOO_LONG", number(limits.maxCellChars()),
						this.sheet, number(this.rowNumber));
			}
			if (shared && ++this.sstChars > limits.maxSharedStringChars()) {
				throw new UnreadableRosterException(UNREADABLE, "XLSX_SHARED_STRINGS_TOO_LARGE",
						number(limits.maxSharedStringChars()));
			}
			if (this.valueIsV) {
				if (this.valueHead.length() < 1024) {
					this.valueHead.appendCodePoint(c);
				}
				else {
					this.valueOverflow = true;
				}
				if (!this.shared) {
					this.number.accept(c);
				}
			}
		}

		/**
		 * The value of an attribute of the current tag, entities decoded, or null. With
		 * {@code prefixed}, only a namespaced attribute ({@code r:id}) matches.
		 */
		private String attribute(String name, boolean prefixed, int from, int to) {
			long range = find(name, prefixed, from, to);
			return range < 0 ? null : decode(this.tag, (int) (range >>> 32), (int) range);
		}

		/** Where an attribute's raw value is in the tag: (start << 32 | end), or -1. */
		private long find(String name, boolean prefixed, int from, int to) {
			byte[] t = this.tag;
			int p = from;
			while (p < to) {
				while (p < to && isSpace(t[p])) {
					p++;
				}
				int s = p;
				int local = p;
				while (p < to && t[p] != '=' && !isSpace(t[p])) {
					if (t[p] == ':') {
						local = p + 1;
					}
					p++;
				}
				int e = p;
				while (p < to && (isSpace(t[p]) || t[p] == '=')) {
					p++;
				}
				if (p >= to || (t[p] != '"' && t[p] != '\'')) {
					return -1;
				}
				byte q = t[p++];
				int vs = p;
				while (p < to && t[p] != q) {
					p++;
				}
				int ve = p++;
				boolean hasPrefix = local > s;
				if (hasPrefix == prefixed && matches(t, local, e, name)
						&& !(hasPrefix && matches(t, s, local - 1, "xmlns"))) {
					return ((long) vs << 32) | ve;
				}
			}
			return -1;
		}

		private static boolean matches(byte[] t, int from, int to, String name) {
			if (to - from != name.length()) {
				return false;
			}
			for (int k = 0; k < to - from; k++) {
				if (t[from + k] != name.charAt(k)) {
					return false;
				}
			}
			return true;
		}

		private String decode(byte[] t, int from, int to) {
			String raw = new String(t, from, to - from, StandardCharsets.UTF_8);
			if (raw.indexOf('&') < 0) {
				return raw;
			}
			StringBuilder sb = new StringBuilder();
			int p = 0;
			while (p < raw.length()) {
				char c = raw.charAt(p);
				int semicolon = c == '&' ? raw.indexOf(';', p) : -1;
				if (semicolon > p && semicolon - p <= this.entity.length) {
					String e = raw.substring(p + 1, semicolon);
					byte[] eb = e.getBytes(StandardCharsets.UTF_8);
					System.arraycopy(eb, 0, this.entity, 0, Math.min(eb.length, this.entity.length));
					this.entityLength = Math.min(eb.length, this.entity.length);
					sb.appendCodePoint(entity());
					this.entityLength = -1;
					p = semicolon + 1;
				}
				else {
					sb.append(c);
					p++;
				}
			}
			return sb.toString();
		}

		private static boolean isSpace(byte b) {
			return b == ' ' || b == '\t' || b == '\r' || b == '\n';
		}

		private UnreadableRosterException encoding() {
			return new UnreadableRosterException(UNREADABLE, "XLSX_XML_ENCODING", this.part);
		}

		private UnreadableRosterException damaged() {
			return new UnreadableRosterException(UNREADABLE, "DAMAGED_XLSX");
		}

	}

	/**
	 * Whether a value is a number (the grammar of {@code BigDecimal}, any Unicode digits,
	 * blanks around it) whose exponent or digits Excel could never hold: expanding one
	 * such as {@code 1E-999999999} costs gigabytes.
	 */
	static final class NumberShape {

		private static final int LIMIT = 1_000;

		private int stage;

		private boolean valid;

		private int digits;

		private long exponent;

		void reset() {
			this.stage = 0;
			this.valid = true;
			this.digits = 0;
			this.exponent = 0;
		}

		void accept(int c) {
			if (!this.valid) {
				return;
			}
			boolean blank = c == ' ' || c == '\t' || c == '\r' || c == '\n';
			boolean digit = Character.isDigit(c);
			switch (this.stage) {
				case 0 -> { // leading blanks
					if (blank) {
						return;
					}
					if (c == '+' || c == '-') {
						this.stage = 1;
					}
					else if (digit) {
						this.digits++;
						this.stage = 1;
					}
					else if (c == '.') {
						this.stage = 2;
					}
					else {
						this.valid = false;
					}
				}
				case 1, 2 -> { // mantissa: integer part, then fraction
					if (digit) {
						this.digits++;
					}
					else if (c == '.' && this.stage == 1) {
						this.stage = 2;
					}
					else if (c == 'e' || c == 'E') {
						this.stage = 3;
					}
					else if (blank) {
						this.stage = 5;
					}
					else {
						this.valid = false;
					}
				}
				case 3, 4 -> { // exponent: sign, digits
					if (digit) {
						this.stage = 4;
						this.exponent = Math.min(this.exponent * 10 + Character.digit(c, 10), Integer.MAX_VALUE);
					}
					else if ((c == '+' || c == '-') && this.stage == 3) {
						this.stage = 4;
					}
					else if (blank && this.stage == 4) {
						this.stage = 5;
					}
					else {
						this.valid = false;
					}
				}
				default -> { // trailing blanks
					if (!blank) {
						this.valid = false;
					}
				}
			}
		}

		boolean outOfRange() {
			return this.valid && (this.exponent > LIMIT || this.digits > LIMIT);
		}

	}

}
