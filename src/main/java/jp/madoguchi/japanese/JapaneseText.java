package jp.madoguchi.japanese;

import java.text.Normalizer;

/** Comparing Japanese text as people mean it. */
public final class JapaneseText {

	private JapaneseText() {
	}

	/**
	 * The text with character width (ＡＢ／AB, （／(), spaces of any kind and a byte-order
	 * mark removed: spreadsheets and rosters mix them freely, and they never make a
	 * different header, label or person. For comparison keys only; stored text keeps
	 * every character as given.
	 */
	public static String compact(String text) {
		String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
		StringBuilder sb = new StringBuilder(n.length());
		n.codePoints().filter(cp -> cp != '\uFEFF' && !Character.isWhitespace(cp)).forEach(sb::appendCodePoint);
		return sb.toString();
	}

}
