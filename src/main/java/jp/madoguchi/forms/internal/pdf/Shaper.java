package jp.madoguchi.forms.internal.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.openpdf.text.pdf.BaseFont;

import jp.madoguchi.forms.FormRefusedException;
import jp.madoguchi.forms.internal.template.Element.FontRole;
import java.util.Arrays;

/**
 * Assigns every character of a text to the first font of the chain that really has it,
 * before anything is drawn. A character (or variation sequence) that no font has refuses
 * the document, naming the person, the field and the code points: OpenPDF itself would
 * drop it silently.
 */
final class Shaper {

	private final FontBook fonts;

	Shaper(FontBook fonts) {
		this.fonts = fonts;
	}

	List<Cluster> shape(String text, FontRole role, String person, String field) {
		List<BaseFont> chain = fonts.chain(role);
		List<Cluster> clusters = new ArrayList<>(text.length());
		int i = 0;
		while (i < text.length()) {
			int base = text.codePointAt(i);
			int end = i + Character.charCount(base);
			if (base == '\n') {
				clusters.add(Cluster.HARD_BREAK);
				i = end;
				continue;
			}
			int selector = end < text.length() ? text.codePointAt(end) : -1;
			boolean sequence = isVariationSelector(selector);
			if (sequence) {
				end += Character.charCount(selector);
			}
			if (isVariationSelector(base) || Character.isISOControl(base)) {
				throw refuse(person, field, new int[] { base }, chain);
			}
			BaseFont font = null;
			for (BaseFont candidate : chain) {
				if (sequence ? fonts.canDraw(candidate, base, selector) : fonts.canDraw(candidate, base)) {
					font = candidate;
					break;
				}
			}
			if (font == null) {
				throw refuse(person, field, sequence ? new int[] { base, selector } : new int[] { base }, chain);
			}
			clusters.add(new Cluster(text.substring(i, end), base, font, font.getWidth(base)));
			i = end;
		}
		return clusters;
	}

	/**
	 * For the engine's own pages (the cover): a character no font has is written as its
	 * code point ({@code [U+1F600]}) instead, since the cover must report such
	 * characters, not fail on them.
	 */
	List<Cluster> shapeEscaping(String text, FontRole role) {
		StringBuilder safe = new StringBuilder();
		int i = 0;
		while (i < text.length()) {
			int cp = text.codePointAt(i);
			int end = i + Character.charCount(cp);
			if (end < text.length() && isVariationSelector(text.codePointAt(end))) {
				end += Character.charCount(text.codePointAt(end));
			}
			String cluster = text.substring(i, end);
			try {
				shape(cluster, role, "", "");
				safe.append(cluster);
			}
			catch (FormRefusedException e) {
				safe.append('[').append(e.codePoints()).append(']');
			}
			i = end;
		}
		return shape(safe.toString(), role, "", "");
	}

	static boolean isVariationSelector(int codePoint) {
		return (codePoint >= 0xFE00 && codePoint <= 0xFE0F) || (codePoint >= 0xE0100 && codePoint <= 0xE01EF);
	}

	private static FormRefusedException refuse(String person, String field, int[] codePoints, List<BaseFont> chain) {
		String code = Arrays.stream(codePoints)
			.mapToObj(cp -> String.format(Locale.ROOT, "U+%04X", cp))
			.collect(Collectors.joining(" "));
		String fontNames = chain.stream().map(f -> f.getPostscriptFontName()).collect(Collectors.joining(", "));
		return new FormRefusedException(person, field, code,
				"cannot print the document for " + person + ": field " + field + " contains " + code + " ("
						+ new String(codePoints, 0, codePoints.length) + "), which no configured font (" + fontNames
						+ ") can draw");
	}

}
