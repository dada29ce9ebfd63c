package jp.madoguchi.roster;

/**
 * What one roster file may hold, so that any upload up to the size limit is read, or
 * refused, within seconds and with bounded memory. Rows and columns come from
 * {@link RosterProperties}; the rest are fixed here. Every limit is checked while the
 * file streams by ({@link XlsxGuard}, {@link CsvLimits}), before the reader keeps
 * anything.
 *
 * @param maxRows rows of a sheet or CSV records, title and header rows included
 * @param maxColumns columns of a row (the highest column a cell sits in, too)
 * @param maxCellChars characters of one cell, Excel's own limit (UTF-16 units)
 * @param maxSharedStrings entries of an XLSX shared-string table
 * @param maxSharedStringChars characters of all shared strings together
 * @param maxEntries entries of the XLSX zip
 * @param maxCentralDirectoryBytes size of the zip's central directory
 * @param maxPartBytes uncompressed bytes of one part (a sheet, the shared strings)
 * @param maxMetadataPartBytes uncompressed bytes of a part the reader keeps whole in
 * memory (content types, workbook, its relationships, styles)
 * @param maxTotalBytes uncompressed bytes of all parts together
 * @param minInflateRatio smallest compressed/uncompressed ratio of a part (POI's
 * ZipSecureFile: 1/100)
 * @param inflateRatioGrace uncompressed bytes of a part before the ratio is checked
 * @param maxTagBytes bytes of one XML tag (with its attributes), comment or instruction
 * @param maxTextRunBytes bytes of text between two tags outside a cell value
 * @param maxDepth nesting depth of XML elements
 * @param maxSheets sheets of a workbook
 * @param maxArrayFormulas array formulas of a sheet (the reader checks each cell against
 * all of them)
 */
record RosterFileLimits(int maxRows, int maxColumns, int maxCellChars, int maxSharedStrings, long maxSharedStringChars,
		int maxEntries, long maxCentralDirectoryBytes, long maxPartBytes, long maxMetadataPartBytes, long maxTotalBytes,
		double minInflateRatio, long inflateRatioGrace, int maxTagBytes, int maxTextRunBytes, int maxDepth,
		int maxSheets, int maxArrayFormulas) {

	/** Excel's limits: 32,767 characters in a cell, 16,384 columns, 1,048,576 rows. */
	static final int EXCEL_MAX_CELL_CHARS = 32_767;

	static final int EXCEL_MAX_COLUMNS = 16_384;

	static final int EXCEL_MAX_ROWS = 1_048_576;

	private static final long MB = 1024 * 1024;

	static final RosterFileLimits DEFAULT = of(200_000, 1_000);

	static RosterFileLimits of(RosterProperties properties) {
		return of(properties.maxRows(), properties.maxColumns());
	}

	static RosterFileLimits of(int maxRows, int maxColumns) {
		return new RosterFileLimits(maxRows, Math.min(maxColumns, EXCEL_MAX_COLUMNS), EXCEL_MAX_CELL_CHARS, 1_000_000,
				32_000_000, 10_000, 8 * MB, 512 * MB, 32 * MB, 1024 * MB, 0.01, MB, 64 * 1024, (int) MB, 64, 1_000,
				100);
	}

}
