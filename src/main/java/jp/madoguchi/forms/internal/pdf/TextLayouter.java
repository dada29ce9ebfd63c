package jp.madoguchi.forms.internal.pdf;

import java.util.List;
import java.util.Locale;

import jp.madoguchi.forms.FormRefusedException;
import jp.madoguchi.forms.internal.template.Element;

/**
 * Lays out text elements and fields; a field too long for its box shrinks, then is
 * refused.
 */
final class TextLayouter {

	/** Inner padding of a field's box, so that text never touches the rule. */
	static final float FIELD_PADDING = 2.5f;

	private static final float FIELD_LINE_HEIGHT = 1.2f;

	private static final float SHRINK_STEP = 0.5f;

	private final Shaper shaper;

	TextLayouter(Shaper shaper) {
		this.shaper = shaper;
	}

	/** A paragraph; when the element has a height, text taller than it is refused. */
	TextBlock text(Element.Text element, String text, String person, String field) {
		List<Cluster> clusters = shaper.shape(text, element.font(), person, field);
		TextBlock block = new TextBlock(LineBreaker.breakLines(clusters, element.size(), element.width()),
				element.size(), element.lineHeight());
		if (element.height() > 0 && block.height() > element.height() + 0.01f) {
			throw new FormRefusedException(person, field,
					"cannot print the document for " + person + ": " + field + " does not fit: it needs "
							+ mm(block.height()) + " mm but its box is " + mm(element.height()) + " mm high");
		}
		return block;
	}

	/**
	 * A field: the largest size from {@code size} down to {@code minSize} at which it
	 * fits its box.
	 */
	TextBlock field(Element.Field element, String text, String person) {
		List<Cluster> clusters = shaper.shape(text, element.font(), person, element.fieldName());
		float innerWidth = element.width() - 2 * FIELD_PADDING;
		float innerHeight = element.height() - FIELD_PADDING;
		for (float size = element.size(); size >= element.minSize() - 0.001f; size -= SHRINK_STEP) {
			List<LineBreaker.Line> lines = LineBreaker.breakLines(clusters, size, innerWidth);
			TextBlock block = new TextBlock(lines, size, FIELD_LINE_HEIGHT);
			boolean fitsWidth = lines.stream().allMatch(l -> l.width() <= innerWidth + 0.01f);
			if (lines.size() <= element.maxLines() && fitsWidth && block.height() <= innerHeight + 0.01f) {
				return block;
			}
		}
		throw new FormRefusedException(person, element.fieldName(),
				"cannot print the document for " + person + ": field " + element.fieldName() + " ("
						+ text.codePointCount(0, text.length()) + " characters) does not fit its box of "
						+ mm(element.width()) + " × " + mm(element.height()) + " mm even at " + element.minSize()
						+ " pt");
	}

	private static String mm(float points) {
		return String.format(Locale.ROOT, "%.1f", points * 25.4f / 72f);
	}

}
