package jp.madoguchi.search.analysis;

import java.text.Normalizer;

/**
 * The first step of every name and reading field: NFKC, variation selectors (U+FE00–FE0F,
 * U+E0100–E01EF) removed, spaces of any width dropped (or, for the fields that index the
 * parts of a reading, collapsed to one) and the middle dot dropped. Keeps, for every
 * output char, the range of the original text it came from, so that matches can be
 * highlighted in the name as stored (with its variation selectors). Works on code points:
 * 𠮷 (U+20BB7) is one character.
 */
final class NameText {

	/** The normalised text; {@code start[i]}/{@code end[i]}: original range of char i. */
	record Mapped(String text, int[] start, int[] end, int originalLength) {
	}

	private NameText() {
	}

	static boolean isVariationSelector(int cp) {
		return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
	}

	/** Marks that NFKC combines with the character before them (ﾀﾞ → ダ, か + ゛). */
	private static boolean combinesWithPrevious(int cp) {
		if (cp == 0xFF9E || cp == 0xFF9F || cp == 0x3099 || cp == 0x309A) {
			return true;
		}
		int type = Character.getType(cp);
		return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
				|| type == Character.COMBINING_SPACING_MARK;
	}

	private static boolean dropped(int cp) {
		return cp == '\u30FB' || cp == '\uFEFF' || cp == '\u200B' || cp == '\u200D';
	}

	static String normalize(String text, boolean keepSpaces) {
		return map(text, keepSpaces).text();
	}

	static Mapped map(String text, boolean keepSpaces) {
		StringBuilder out = new StringBuilder(text.length());
		int[] start = new int[text.length() * 2 + 4];
		int[] end = new int[start.length];
		StringBuilder segment = new StringBuilder(4);
		int i = 0;
		boolean pendingSpace = false;
		while (i < text.length()) {
			int segStart = i;
			segment.setLength(0);
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			if (!isVariationSelector(cp)) {
				segment.appendCodePoint(cp);
			}
			while (i < text.length()) {
				int next = text.codePointAt(i);
				if (!isVariationSelector(next) && !combinesWithPrevious(next)) {
					break;
				}
				if (!isVariationSelector(next)) {
					segment.appendCodePoint(next);
				}
				i += Character.charCount(next);
			}
			String n = Normalizer.normalize(segment, Normalizer.Form.NFKC);
			for (int k = 0; k < n.length();) {
				int c = n.codePointAt(k);
				k += Character.charCount(c);
				if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
					pendingSpace = keepSpaces;
					continue;
				}
				if (dropped(c) || isVariationSelector(c)) {
					continue;
				}
				if (pendingSpace && !out.isEmpty()) {
					if (out.length() + 1 >= start.length) {
						start = grow(start);
						end = grow(end);
					}
					start[out.length()] = segStart;
					end[out.length()] = segStart;
					out.append(' ');
				}
				pendingSpace = false;
				int len = Character.charCount(c);
				if (out.length() + len >= start.length) {
					start = grow(start);
					end = grow(end);
				}
				for (int j = 0; j < len; j++) {
					start[out.length() + j] = segStart;
					end[out.length() + j] = i;
				}
				out.appendCodePoint(c);
			}
		}
		return new Mapped(out.toString(), start, end, text.length());
	}

	private static int[] grow(int[] a) {
		int[] b = new int[a.length * 2];
		System.arraycopy(a, 0, b, 0, a.length);
		return b;
	}

}
