package jp.madoguchi.forms.internal.pdf;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.openpdf.text.pdf.PdfContentByte;

import jp.madoguchi.forms.ReportDocument;
import jp.madoguchi.forms.internal.template.Element.Align;
import jp.madoguchi.forms.internal.template.Element.FontRole;
import jp.madoguchi.forms.internal.template.FormTemplate;

/**
 * Writes a {@link ReportDocument} as PDF/A-2b in three passes: every text is shaped
 * through the font chain and laid out first (a character no font has refuses the report
 * before a byte is written), the table is then cut into A4 pages, and only then drawn, so
 * that every page can say 「n / N」. A row that does not fit the rest of a page moves to
 * the next one; a row taller than a whole page is split between two of its lines.
 */
final class ReportWriter {

	private static final float MM = 72f / 25.4f;

	private static final float MARGIN = 15 * MM;

	/** The table ends above this, leaving room for the page number. */
	private static final float BOTTOM = 18 * MM;

	private static final float FOOTER_TOP = 11 * MM;

	private static final float TITLE_SIZE = 16f;

	private static final float HEADER_SIZE = 10f;

	private static final float HEADER_LINE_HEIGHT = 1.5f;

	private static final float CELL_SIZE = 8f;

	private static final float CELL_LINE_HEIGHT = 1.35f;

	private static final float FOOTER_SIZE = 8f;

	private static final float PAD_X = 2.5f;

	private static final float PAD_Y = 2f;

	private static final float LINE_STEP = CELL_SIZE * CELL_LINE_HEIGHT;

	private static final float CONTENT_TOP = FormTemplate.PAGE_HEIGHT - MARGIN;

	private static final float CONTENT_WIDTH = FormTemplate.PAGE_WIDTH - 2 * MARGIN;

	private final Shaper shaper;

	ReportWriter(Shaper shaper) {
		this.shaper = shaper;
	}

	/** Lines {@code from} (inclusive) to {@code to} (exclusive) of one row. */
	private record Slice(int row, int from, int to) {

		float height() {
			return (to - from) * LINE_STEP + 2 * PAD_Y;
		}

	}

	/** Everything laid out: nothing left that can fail on a character. */
	private record Layout(TextBlock title, List<TextBlock> header, float[] x, float[] width,
			List<TextBlock> columnTitles, float headerRowHeight, List<List<TextBlock>> cells, List<Integer> rowLines,
			List<Cluster> footerTitle) {
	}

	byte[] write(ReportDocument report) {
		Layout layout = layout(report);
		float firstTableTop = CONTENT_TOP - layout.title().height() - 4 * MM
				- layout.header().stream().map(TextBlock::height).reduce(0f, Float::sum) - 5 * MM;
		List<List<Slice>> pages = paginate(layout, firstTableTop);
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		try (PdfSession session = PdfSession.open(out, report.title(), false)) {
			for (int index = 0; index < pages.size(); index++) {
				PdfContentByte canvas = session.newPage();
				float top = CONTENT_TOP;
				if (index == 0) {
					layout.title().draw(canvas, MARGIN, top, CONTENT_WIDTH, Align.CENTER);
					top -= layout.title().height() + 4 * MM;
					for (TextBlock line : layout.header()) {
						line.draw(canvas, MARGIN, top, CONTENT_WIDTH, Align.LEFT);
						top -= line.height();
					}
					top = firstTableTop;
				}
				drawTable(canvas, layout, pages.get(index), top);
				drawFooter(canvas, layout, index + 1, pages.size());
			}
		}
		return out.toByteArray();
	}

	private Layout layout(ReportDocument report) {
		String person = report.title();
		TextBlock title = block(report.title(), FontRole.GOTHIC, TITLE_SIZE, 1.3f, CONTENT_WIDTH, person, "表題");
		List<TextBlock> header = new ArrayList<>();
		for (String line : report.headerLines()) {
			header.add(block(line, FontRole.MINCHO, HEADER_SIZE, HEADER_LINE_HEIGHT, CONTENT_WIDTH, person, "見出し"));
		}
		int columns = report.columns().size();
		float weights = 0;
		for (ReportDocument.Column column : report.columns()) {
			weights += column.weight();
		}
		float[] x = new float[columns + 1];
		float[] width = new float[columns];
		x[0] = MARGIN;
		for (int c = 0; c < columns; c++) {
			width[c] = CONTENT_WIDTH * report.columns().get(c).weight() / weights;
			x[c + 1] = x[c] + width[c];
		}
		List<TextBlock> columnTitles = new ArrayList<>();
		int titleLines = 1;
		for (int c = 0; c < columns; c++) {
			TextBlock block = cell(report.columns().get(c).title(), FontRole.GOTHIC, width[c], person, "列名");
			columnTitles.add(block);
			titleLines = Math.max(titleLines, block.lines().size());
		}
		List<List<TextBlock>> cells = new ArrayList<>();
		List<Integer> rowLines = new ArrayList<>();
		for (List<String> row : report.rows()) {
			List<TextBlock> laidOut = new ArrayList<>(columns);
			int lines = 1;
			for (int c = 0; c < columns; c++) {
				TextBlock block = cell(row.get(c), FontRole.MINCHO, width[c], person, report.columns().get(c).title());
				laidOut.add(block);
				lines = Math.max(lines, block.lines().size());
			}
			cells.add(laidOut);
			rowLines.add(lines);
		}
		List<Cluster> footerTitle = shaper.shape(report.title(), FontRole.GOTHIC, person, "表題");
		return new Layout(title, header, x, width, columnTitles, titleLines * LINE_STEP + 2 * PAD_Y, cells, rowLines,
				footerTitle);
	}

	private TextBlock cell(String text, FontRole role, float width, String person, String field) {
		return block(text, role, CELL_SIZE, CELL_LINE_HEIGHT, width - 2 * PAD_X, person, field);
	}

	private TextBlock block(String text, FontRole role, float size, float lineHeight, float width, String person,
			String field) {
		// Line ends and tabs are layout, not characters: any other control character is
		// refused by the shaper like a character no font has.
		String normalised = text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ');
		return new TextBlock(LineBreaker.breakLines(shaper.shape(normalised, role, person, field), size, width), size,
				lineHeight);
	}

	/**
	 * The table's slices, page by page (the first page starts lower, under the title).
	 */
	private static List<List<Slice>> paginate(Layout layout, float firstTableTop) {
		List<List<Slice>> pages = new ArrayList<>();
		List<Slice> current = new ArrayList<>();
		pages.add(current);
		float freshSpace = CONTENT_TOP - layout.headerRowHeight() - BOTTOM;
		float y = firstTableTop - layout.headerRowHeight();
		for (int row = 0; row < layout.rowLines().size(); row++) {
			int lines = layout.rowLines().get(row);
			int from = 0;
			while (from < lines) {
				int rest = lines - from;
				int fits = (int) Math.floor((y - BOTTOM - 2 * PAD_Y + 0.01f) / LINE_STEP);
				boolean fitsFreshPage = rest * LINE_STEP + 2 * PAD_Y <= freshSpace + 0.01f;
				if (fits >= rest) {
					Slice slice = new Slice(row, from, lines);
					current.add(slice);
					y -= slice.height();
					from = lines;
				}
				else if (!fitsFreshPage && fits >= 1) {
					// Taller than any page: split here rather than leave this page's rest
					// empty.
					current.add(new Slice(row, from, from + fits));
					from += fits;
					current = new ArrayList<>();
					pages.add(current);
					y = CONTENT_TOP - layout.headerRowHeight();
				}
				else {
					current = new ArrayList<>();
					pages.add(current);
					y = CONTENT_TOP - layout.headerRowHeight();
				}
			}
		}
		return pages;
	}

	/** The header row, then the page's slices; rules drawn after the text. */
	private static void drawTable(PdfContentByte canvas, Layout layout, List<Slice> slices, float top) {
		if (slices.isEmpty()) {
			return;
		}
		float[] x = layout.x();
		float[] width = layout.width();
		for (int c = 0; c < width.length; c++) {
			layout.columnTitles().get(c).draw(canvas, x[c] + PAD_X, top - PAD_Y, width[c] - 2 * PAD_X, Align.CENTER);
		}
		float headerBottom = top - layout.headerRowHeight();
		List<Float> rules = new ArrayList<>();
		float y = headerBottom;
		for (Slice slice : slices) {
			List<TextBlock> row = layout.cells().get(slice.row());
			for (int c = 0; c < width.length; c++) {
				TextBlock cell = row.get(c);
				if (slice.from() < cell.lines().size()) {
					new TextBlock(cell.lines().subList(slice.from(), Math.min(slice.to(), cell.lines().size())),
							cell.size(), cell.lineHeight())
						.draw(canvas, x[c] + PAD_X, y - PAD_Y, width[c] - 2 * PAD_X, Align.LEFT);
				}
			}
			y -= slice.height();
			rules.add(y);
		}
		canvas.setLineWidth(0.4f);
		for (float rule : rules) {
			canvas.moveTo(x[0], rule);
			canvas.lineTo(x[width.length], rule);
		}
		for (float column : x) {
			canvas.moveTo(column, top);
			canvas.lineTo(column, y);
		}
		canvas.stroke();
		canvas.setLineWidth(1f);
		for (float rule : new float[] { top, headerBottom }) {
			canvas.moveTo(x[0], rule);
			canvas.lineTo(x[width.length], rule);
		}
		canvas.stroke();
	}

	/** The report's title on the left, 「n / N」 in the middle of every page's foot. */
	private void drawFooter(PdfContentByte canvas, Layout layout, int page, int pages) {
		new TextBlock(LineBreaker.breakLines(layout.footerTitle(), FOOTER_SIZE, CONTENT_WIDTH / 3), FOOTER_SIZE, 1.2f)
			.draw(canvas, MARGIN, FOOTER_TOP, CONTENT_WIDTH / 3, Align.LEFT);
		// Digits, a space and a slash: every font of the chain has them.
		new TextBlock(LineBreaker.breakLines(shaper.shape(page + " / " + pages, FontRole.GOTHIC, "", "page number"),
				FOOTER_SIZE, CONTENT_WIDTH), FOOTER_SIZE, 1.2f)
			.draw(canvas, MARGIN, FOOTER_TOP, CONTENT_WIDTH, Align.CENTER);
	}

}
