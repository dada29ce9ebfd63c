package jp.madoguchi.search.analysis;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Readings as clerks type them: katakana, the loose reading (ヂ/ジ, ヅ/ズ, long vowels, small
 * kana written large as old registers do) and romaji (Hepburn, kunrei, wāpuro, with or
 * without long vowels). Input is the output of {@link NameText} (NFKC: half-width
 * katakana already widened). Readings always come from the registered reading (フリガナ),
 * never from the kanji.
 */
final class Kana {

	private static final Map<Character, String> ROMAJI = new HashMap<>();

	private static final Map<String, String> TO_KANA = new HashMap<>();

	private static final String SMALL = "ァィゥェォッャュョヮヵヶ";

	private static final String LARGE = "アイウエオツヤユヨワカケ";

	static {
		String[] rows = { "ア a", "イ i", "ウ u", "エ e", "オ o", "カ ka", "キ ki", "ク ku", "ケ ke", "コ ko", "ガ ga", "ギ gi",
				"グ gu", "ゲ ge", "ゴ go", "サ sa", "シ shi", "ス su", "セ se", "ソ so", "ザ za", "ジ ji", "ズ zu", "ゼ ze", "ゾ zo",
				"タ ta", "チ chi", "ツ tsu", "テ te", "ト to", "ダ da", "ヂ ji", "ヅ zu", "デ de", "ド do", "ナ na", "ニ ni",
				"ヌ nu", "ネ ne", "ノ no", "ハ ha", "ヒ hi", "フ fu", "ヘ he", "ホ ho", "バ ba", "ビ bi", "ブ bu", "ベ be", "ボ bo",
				"パ pa", "ピ pi", "プ pu", "ペ pe", "ポ po", "マ ma", "ミ mi", "ム mu", "メ me", "モ mo", "ヤ ya", "ユ yu", "ヨ yo",
				"ラ ra", "リ ri", "ル ru", "レ re", "ロ ro", "ワ wa", "ヰ i", "ヱ e", "ヲ o", "ン n", "ヴ vu", "ァ a", "ィ i", "ゥ u",
				"ェ e", "ォ o", "ャ ya", "ュ yu", "ョ yo", "ヮ wa", "ヵ ka", "ヶ ke" };
		for (String row : rows) {
			ROMAJI.put(row.charAt(0), row.substring(2));
		}
		// Romaji → katakana: every way a clerk spells a mora.
		String[] spellings = { "a ア", "i イ", "u ウ", "e エ", "o オ", "ka カ", "ki キ", "ku ク", "ke ケ", "ko コ", "ca カ",
				"cu ク", "co コ", "ga ガ", "gi ギ", "gu グ", "ge ゲ", "go ゴ", "sa サ", "si シ", "shi シ", "su ス", "se セ", "so ソ",
				"za ザ", "zi ジ", "ji ジ", "zu ズ", "ze ゼ", "zo ゾ", "ta タ", "ti チ", "chi チ", "tu ツ", "tsu ツ", "te テ",
				"to ト", "da ダ", "di ヂ", "du ヅ", "de デ", "do ド", "na ナ", "ni ニ", "nu ヌ", "ne ネ", "no ノ", "ha ハ", "hi ヒ",
				"hu フ", "fu フ", "he ヘ", "ho ホ", "ba バ", "bi ビ", "bu ブ", "be ベ", "bo ボ", "pa パ", "pi ピ", "pu プ", "pe ペ",
				"po ポ", "ma マ", "mi ミ", "mu ム", "me メ", "mo モ", "ya ヤ", "yu ユ", "yo ヨ", "ra ラ", "ri リ", "ru ル", "re レ",
				"ro ロ", "la ラ", "li リ", "lu ル", "le レ", "lo ロ", "wa ワ", "wi ウィ", "we ウェ", "wo ヲ", "va ヴァ", "vi ヴィ",
				"vu ヴ", "ve ヴェ", "vo ヴォ", "fa ファ", "fi フィ", "fe フェ", "fo フォ", "sha シャ", "shu シュ", "sho ショ", "she シェ",
				"sya シャ", "syu シュ", "syo ショ", "cha チャ", "chu チュ", "cho チョ", "che チェ", "tya チャ", "tyu チュ", "tyo チョ",
				"cya チャ", "cyu チュ", "cyo チョ", "ja ジャ", "ju ジュ", "jo ジョ", "je ジェ", "jya ジャ", "jyu ジュ", "jyo ジョ",
				"zya ジャ", "zyu ジュ", "zyo ジョ", "dya ヂャ", "dyu ヂュ", "dyo ヂョ", "tsa ツァ", "thi ティ", "dhi ディ", "xa ァ",
				"xi ィ", "xu ゥ", "xe ェ", "xo ォ", "xya ャ", "xyu ュ", "xyo ョ", "xtu ッ", "xtsu ッ", "la ラ" };
		for (String s : spellings) {
			String[] kv = s.split(" ");
			TO_KANA.put(kv[0], kv[1]);
		}
		for (String c : new String[] { "k", "g", "n", "h", "b", "p", "m", "r" }) {
			String i = TO_KANA.get(c + "i");
			TO_KANA.put(c + "ya", i + "ャ");
			TO_KANA.put(c + "yu", i + "ュ");
			TO_KANA.put(c + "yo", i + "ョ");
		}
	}

	private Kana() {
	}

	/** Hiragana → katakana; null when the text holds anything but kana and ー. */
	static String katakana(String text) {
		StringBuilder sb = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '\u3041' && c <= '\u3096') {
				c = (char) (c + 0x60);
			}
			else if (c == '\u309D' || c == '\u309E') {
				c = (char) (c + 0x60);
			}
			if (!isKatakana(c)) {
				return null;
			}
			sb.append(c);
		}
		return sb.isEmpty() ? null : sb.toString();
	}

	static boolean isKatakana(char c) {
		return (c >= '\u30A1' && c <= '\u30FA') || c == 'ー' || c == 'ヽ' || c == 'ヾ';
	}

	/** True when the text (NFKC'd) is kana only: hiragana, katakana, ー, spaces. */
	static boolean isKana(String text) {
		boolean any = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ' ') {
				continue;
			}
			if (!((c >= '\u3041' && c <= '\u309E') || isKatakana(c))) {
				return false;
			}
			any = true;
		}
		return any;
	}

	/**
	 * True when the text could be romaji: Latin letters, apostrophes, hyphens, macrons.
	 */
	static boolean isLatin(String text) {
		boolean letter = false;
		for (int i = 0; i < text.length(); i++) {
			char c = Character.toLowerCase(text.charAt(i));
			if (c >= 'a' && c <= 'z' || "āīūēōâîûêô".indexOf(c) >= 0) {
				letter = true;
			}
			else if (c != '\'' && c != '-' && c != ' ' && c != '’') {
				return false;
			}
		}
		return letter;
	}

	/**
	 * The loose reading: small kana written large (キョウコ/キヨウコ), ヂ/ジ, ヅ/ズ, ヲ/オ, ヴ/ブ, and
	 * long vowels dropped (ー, ウ and オ after an o-sound, ウ after a u-sound).
	 */
	static String loose(String katakana) {
		StringBuilder sb = new StringBuilder(katakana.length());
		for (int i = 0; i < katakana.length(); i++) {
			char c = katakana.charAt(i);
			int small = SMALL.indexOf(c);
			if (small >= 0) {
				c = LARGE.charAt(small);
			}
			switch (c) {
				case 'ヂ' -> c = 'ジ';
				case 'ヅ' -> c = 'ズ';
				case 'ヲ' -> c = 'オ';
				case 'ヰ' -> c = 'イ';
				case 'ヱ' -> c = 'エ';
				case 'ヴ' -> c = 'ブ';
				default -> {
				}
			}
			sb.append(c);
		}
		return foldLongVowels(sb.toString());
	}

	/** Long vowels dropped: ー; ウ or オ after an o-sound; ウ after a u-sound. */
	static String foldLongVowels(String katakana) {
		StringBuilder sb = new StringBuilder(katakana.length());
		char vowel = 0;
		for (int i = 0; i < katakana.length(); i++) {
			char c = katakana.charAt(i);
			if (c == 'ー') {
				continue;
			}
			if ((vowel == 'o' && (c == 'ウ' || c == 'オ')) || (vowel == 'u' && c == 'ウ')) {
				continue;
			}
			sb.append(c);
			String r = ROMAJI.get(c);
			vowel = (r == null || r.equals("n")) ? 0 : r.charAt(r.length() - 1);
		}
		return sb.toString();
	}

	/** Katakana → romaji (Hepburn, ン always n, ッ doubles the next consonant). */
	static String romaji(String katakana) {
		StringBuilder sb = new StringBuilder(katakana.length() * 2);
		boolean geminate = false;
		for (int i = 0; i < katakana.length(); i++) {
			char c = katakana.charAt(i);
			if (c == 'ッ') {
				geminate = true;
				continue;
			}
			String r = ROMAJI.get(c);
			if (r == null) {
				continue;
			}
			char next = i + 1 < katakana.length() ? katakana.charAt(i + 1) : 0;
			if ("ャュョ".indexOf(next) >= 0 && r.endsWith("i") && r.length() > 1) {
				String base = r.substring(0, r.length() - 1);
				String v = ROMAJI.get(next).substring(1);
				r = (base.endsWith("sh") || base.endsWith("ch") || base.equals("j")) ? base + v : base + "y" + v;
				i++;
			}
			else if ("ァィゥェォ".indexOf(next) >= 0 && !"アイウエオ".contains(String.valueOf(c))) {
				String base = r.substring(0, r.length() - 1);
				r = (base.isEmpty() ? "w" : base) + ROMAJI.get(next);
				i++;
			}
			if (geminate && !r.isEmpty() && "aiueon".indexOf(r.charAt(0)) < 0) {
				sb.append(r.charAt(0));
			}
			geminate = false;
			sb.append(r);
		}
		return sb.toString();
	}

	/**
	 * Romaji as typed → katakana (long vowels as written); null when it is not romaji
	 * (smith).
	 */
	static String fromRomaji(String latin) {
		String s = latin.toLowerCase(Locale.ROOT)
			.replace("ā", "aa")
			.replace("â", "aa")
			.replace("ī", "ii")
			.replace("î", "ii")
			.replace("ū", "uu")
			.replace("û", "uu")
			.replace("ē", "ee")
			.replace("ê", "ee")
			.replace("ō", "ou")
			.replace("ô", "ou")
			.replace(" ", "");
		StringBuilder out = new StringBuilder(s.length());
		int i = 0;
		while (i < s.length()) {
			char c = s.charAt(i);
			char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
			if (c == '\'' || c == '’') {
				i++;
				continue;
			}
			if (c == '-') {
				out.append('ー');
				i++;
				continue;
			}
			if (c == 'n' && next != 0 && !isVowel(next) && next != 'y') {
				out.append('ン');
				// wāpuro nn for ン, unless the second n starts the next mora
				char after = i + 2 < s.length() ? s.charAt(i + 2) : 0;
				i += (next == 'n' && !isVowel(after) && after != 'y') ? 2 : 1;
				continue;
			}
			if (c == 'n' && next == 0) {
				out.append('ン');
				i++;
				continue;
			}
			if (c == 'm' && (next == 'b' || next == 'm' || next == 'p')) {
				out.append('ン');
				i++;
				continue;
			}
			if (c == 'h' && i > 0 && s.charAt(i - 1) == 'o' && (next == 0 || !isVowel(next) && next != 'y')) {
				out.append('ウ'); // ohno, satoh: Hepburn's long o
				i++;
				continue;
			}
			if (c == 't' && next == 'c') {
				out.append('ッ');
				i++;
				continue;
			}
			if (c == next && !isVowel(c) && c != 'n') {
				out.append('ッ');
				i++;
				continue;
			}
			String kana = null;
			int len = 0;
			for (int l = Math.min(4, s.length() - i); l >= 1; l--) {
				kana = TO_KANA.get(s.substring(i, i + l));
				if (kana != null) {
					len = l;
					break;
				}
			}
			if (kana == null) {
				return null;
			}
			out.append(kana);
			i += len;
		}
		return out.isEmpty() ? null : out.toString();
	}

	private static boolean isVowel(char c) {
		return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o';
	}

	/**
	 * The romaji key of a reading or of romaji as typed: long vowels folded, then
	 * Hepburn. saitou, saitoh, saitō and saito all give {@code saito}; syouta and shota
	 * give {@code shota}. Null when the text is neither kana nor romaji.
	 */
	static String romajiKey(String text) {
		String kana = isLatin(text) ? fromRomaji(text) : katakana(text);
		if (kana == null) {
			return null;
		}
		String key = romaji(foldLongVowels(kana));
		return key.isEmpty() ? null : key;
	}

}
