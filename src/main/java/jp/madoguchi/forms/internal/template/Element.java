package jp.madoguchi.forms.internal.template;

import java.util.List;

/**
 * A validated template element in PDF points (origin at the page's lower-left corner, y
 * up). {@code line} is the line of the element in its template file, for error messages.
 */
public sealed interface Element {

	int line();

	/** A condition that must hold for the element to be drawn, or null. */
	String when();

	/**
	 * True when the element looks the same for every applicant, so it belongs to the
	 * fixed layer.
	 */
	boolean isFixed();

	enum Align {

		LEFT, CENTER, RIGHT

	}

	enum FontRole {

		MINCHO, GOTHIC

	}

	/**
	 * A paragraph; wraps within {@code width} with Japanese line breaking. {@code top} is
	 * the top edge.
	 */
	record Text(int line, String when, float x, float top, float width, float height, FontRole font, float size,
			float lineHeight, Align align, String text) implements Element {
		public boolean isFixed() {
			return when == null && !FieldCatalog.hasPlaceholders(text);
		}
	}

	/**
	 * An applicant value in a box: shrinks from {@code size} down to {@code minSize},
	 * then is refused.
	 */
	record Field(int line, String when, float x, float top, float width, float height, FontRole font, float size,
			float minSize, int maxLines, Align align, String text) implements Element {
		public boolean isFixed() {
			return false;
		}

		/** The placeholder names this field prints, for refusal messages. */
		public String fieldName() {
			return String.join(",", FieldCatalog.placeholders(text));
		}
	}

	/**
	 * A rectangle; a {@code kind} of signature or seal is reported as a region for
	 * scanning.
	 */
	record Box(int line, String when, float x, float y, float w, float h, float lineWidth, String kind,
			String label) implements Element {
		public boolean isFixed() {
			return when == null;
		}
	}

	record Line(int line, String when, float x1, float y1, float x2, float y2, float lineWidth) implements Element {
		public boolean isFixed() {
			return when == null;
		}
	}

	/** A check box; its square is fixed, the tick depends on {@code checked}. */
	record Check(int line, String when, float x, float y, float size, String checked) implements Element {
		public boolean isFixed() {
			return when == null && checked == null;
		}
	}

	/** A ruled table with a header row, left empty for handwriting. */
	record Table(int line, String when, float x, float top, float rowHeight, int rows, List<Column> columns,
			FontRole font, float size) implements Element {
		public boolean isFixed() {
			return when == null;
		}
	}

	record Column(String title, float width) {
	}

}
