package jp.madoguchi.forms.internal.pdf;

import org.openpdf.text.pdf.BaseFont;

/**
 * One user-perceived character: a code point, or a base plus its variation selector
 * (葛󠄀), with the font of the chain that draws it and its advance in thousandths of an
 * em.
 */
record Cluster(String text, int base, BaseFont font, int advance) {

	static final Cluster HARD_BREAK = new Cluster("\n", '\n', null, 0);

	boolean isHardBreak() {
		return font == null;
	}

	float width(float size) {
		return advance * size / 1000f;
	}
}
