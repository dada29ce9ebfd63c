package jp.madoguchi.forms.internal.pdf;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.openpdf.text.pdf.PdfContentByte;

import jp.madoguchi.forms.internal.template.Element;
import jp.madoguchi.forms.internal.template.Element.Align;
import jp.madoguchi.forms.internal.template.Element.FontRole;

/**
 * Draws elements: the fixed parts once into a layer, the applicant's parts on each page.
 */
final class ElementPainter {

	private static final float LABEL_SIZE = 7f;

	private final TextLayouter layouter;

	private final Shaper shaper;

	/** Layouts of template wording, the same for every applicant: computed once. */
	private final Map<Object, TextBlock> wording = new ConcurrentHashMap<>();

	ElementPainter(TextLayouter layouter, Shaper shaper) {
		this.layouter = layouter;
		this.shaper = shaper;
	}

	/** The parts of an element that do not depend on the applicant. */
	void drawFixed(PdfContentByte canvas, Element element, String templateFile) {
		switch (element) {
			case Element.Text t -> fixedText(t, templateFile).draw(canvas, t.x(), t.top(), t.width(), t.align());
			case Element.Box b -> drawBox(canvas, b, templateFile);
			case Element.Line l -> drawLine(canvas, l);
			case Element.Check c -> drawSquare(canvas, c);
			case Element.Table t -> drawTable(canvas, t, templateFile);
			case Element.Field f -> throw new IllegalArgumentException("a field is never fixed");
		}
	}

	/**
	 * Lays out a template's own wording (validated at load, so a failure here is a
	 * template error).
	 */
	TextBlock fixedText(Element.Text text, String templateFile) {
		return wording.computeIfAbsent(text,
				k -> layouter.text(text, text.text(), templateFile, "line " + text.line()));
	}

	void drawBox(PdfContentByte canvas, Element.Box box, String templateFile) {
		canvas.setLineWidth(box.lineWidth());
		canvas.rectangle(box.x(), box.y(), box.w(), box.h());
		canvas.stroke();
		if (box.label() != null) {
			TextBlock label = wording.computeIfAbsent(box,
					k -> new TextBlock(LineBreaker.breakLines(
							shaper.shape(box.label(), FontRole.GOTHIC, templateFile, "line " + box.line()), LABEL_SIZE,
							box.w() - 4), LABEL_SIZE, 1.2f));
			label.draw(canvas, box.x() + 2, box.y() + box.h() - 2, box.w() - 4, Align.LEFT);
		}
	}

	void drawLine(PdfContentByte canvas, Element.Line line) {
		canvas.setLineWidth(line.lineWidth());
		canvas.moveTo(line.x1(), line.y1());
		canvas.lineTo(line.x2(), line.y2());
		canvas.stroke();
	}

	void drawSquare(PdfContentByte canvas, Element.Check check) {
		canvas.setLineWidth(0.8f);
		canvas.rectangle(check.x(), check.y(), check.size(), check.size());
		canvas.stroke();
	}

	/** A tick (✓ drawn as a path, so that it needs no glyph). */
	void drawTick(PdfContentByte canvas, Element.Check check) {
		float s = check.size();
		canvas.setLineWidth(Math.max(1f, s / 8));
		canvas.moveTo(check.x() + s * 0.18f, check.y() + s * 0.52f);
		canvas.lineTo(check.x() + s * 0.42f, check.y() + s * 0.22f);
		canvas.lineTo(check.x() + s * 0.85f, check.y() + s * 0.85f);
		canvas.stroke();
	}

	void drawTable(PdfContentByte canvas, Element.Table table, String templateFile) {
		float width = 0;
		for (Element.Column column : table.columns()) {
			width += column.width();
		}
		float bottom = table.top() - table.rowHeight() * (table.rows() + 1);
		canvas.setLineWidth(0.5f);
		for (int row = 0; row <= table.rows() + 1; row++) {
			float y = table.top() - row * table.rowHeight();
			canvas.moveTo(table.x(), y);
			canvas.lineTo(table.x() + width, y);
		}
		float x = table.x();
		canvas.moveTo(x, table.top());
		canvas.lineTo(x, bottom);
		for (Element.Column column : table.columns()) {
			x += column.width();
			canvas.moveTo(x, table.top());
			canvas.lineTo(x, bottom);
		}
		canvas.stroke();
		x = table.x();
		for (Element.Column column : table.columns()) {
			float columnX = x;
			TextBlock title = wording
				.computeIfAbsent(column,
						k -> new TextBlock(
								LineBreaker.breakLines(shaper.shape(column.title(), table.font(), templateFile,
										"line " + table.line()), table.size(), column.width() - 4),
								table.size(), 1.15f));
			float top = table.top() - (table.rowHeight() - title.height()) / 2;
			title.draw(canvas, columnX + 2, top, column.width() - 4, Align.CENTER);
			x += column.width();
		}
	}

	/** A field's laid-out value, centred vertically in its box. */
	void drawField(PdfContentByte canvas, Element.Field field, TextBlock block) {
		float top = field.top() - (field.height() - block.height()) / 2 + block.size() * 0.1f;
		block.draw(canvas, field.x() + TextLayouter.FIELD_PADDING, top, field.width() - 2 * TextLayouter.FIELD_PADDING,
				field.align());
	}

}
