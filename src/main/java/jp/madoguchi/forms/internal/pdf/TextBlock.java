package jp.madoguchi.forms.internal.pdf;

import java.util.List;

import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;

import jp.madoguchi.forms.internal.template.Element.Align;

/** Lines laid out at one font size, ready to draw. */
record TextBlock(List<LineBreaker.Line> lines, float size, float lineHeight) {

	float height() {
		return lines.size() * size * lineHeight;
	}

	/** Draws the block with its first line's top at {@code top}. */
	void draw(PdfContentByte canvas, float x, float top, float width, Align align) {
		float baseline = top - size * 0.88f;
		for (LineBreaker.Line line : lines) {
			float left = switch (align) {
				case LEFT -> x;
				case CENTER -> x + (width - line.width()) / 2;
				case RIGHT -> x + width - line.width();
			};
			drawLine(canvas, line, left, baseline);
			baseline -= size * lineHeight;
		}
	}

	private void drawLine(PdfContentByte canvas, LineBreaker.Line line, float x, float baseline) {
		if (line.clusters().isEmpty()) {
			return;
		}
		canvas.beginText();
		canvas.setTextMatrix(x, baseline);
		BaseFont current = null;
		StringBuilder run = new StringBuilder();
		for (Cluster cluster : line.clusters()) {
			if (cluster.font() != current) {
				if (run.length() > 0) {
					canvas.showText(run.toString());
					run.setLength(0);
				}
				current = cluster.font();
				canvas.setFontAndSize(current, size);
			}
			run.append(cluster.text());
		}
		canvas.showText(run.toString());
		canvas.endText();
	}
}
