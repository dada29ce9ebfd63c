package jp.madoguchi.japanese;

import java.text.Normalizer;
import java.util.Optional;

/**
 * Kana readings (フリガナ): accepted in hiragana, half-width or full-width katakana; kept as
 * full-width katakana.
 */
public final class KanaReadings {

	private static final char IDEOGRAPHIC_SPACE = '\u3000';

	private KanaReadings() {
	}

	/**
	 * Returns the reading in full-width katakana with single ideographic spaces between
	 * words, or empty when the text holds anything other than kana, the long-vowel mark,
	 * the middle dot and spaces.
	 */
	public static Optional<String> normalize(String text) {
		// NFKC widens half-width katakana (ﾔﾏﾀﾞ → ヤマダ) and turns the ideographic space
		// into an ASCII one.
		String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
		StringBuilder out = new StringBuilder(s.length());
		boolean pendingSpace = false;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (Character.isWhitespace(c)) {
				pendingSpace = true;
				continue;
			}
			if (c >= '\u3041' && c <= '\u3096') {
				c = (char) (c + 0x60); // hiragana → katakana
			}
			else if (c == '\u309D' || c == '\u309E') {
				c = (char) (c + 0x60); // ゝゞ → ヽヾ
			}
			else if (!isKatakana(c)) {
				return Optional.empty();
			}
			if (pendingSpace && !out.isEmpty()) {
				out.append(IDEOGRAPHIC_SPACE);
			}
			pendingSpace = false;
			out.append(c);
		}
		return out.isEmpty() ? Optional.empty() : Optional.of(out.toString());
	}

	private static boolean isKatakana(char c) {
		return (c >= '\u30A1' && c <= '\u30FA') || c == 'ー' || c == '・' || c == 'ヽ' || c == 'ヾ';
	}

}
