package jp.madoguchi.search.analysis;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.JapaneseDate;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.madoguchi.search.SearchRecord;
import jp.madoguchi.search.SearchStatus;

/**
 * A deterministic test population for name search: people whose names use the variant
 * kanji of the issue (渡邉, 髙橋, 山﨑, 𠮷田, 葛󠄀城 ...), readings with the loose cases (ヂ/ヅ,
 * long vowels, small kana) and confusable surnames (斎藤/斉藤, 荻原/萩原, 沢田/択田), and for each
 * person the queries a clerk might type: another glyph, the reading in hiragana or
 * half-width katakana, romaji (Hepburn, kunrei, without long vowels), the birth date in
 * another format, and a mix of name and date.
 */
final class SyntheticPeople {

	/** A name part: its spellings (the first is the common form) and its reading. */
	record Part(List<String> spellings, String reading) {
	}

	/** One person and the index record. */
	record Person(int id, String name, String reading, LocalDate birthDate, SearchRecord record) {
	}

	/** A query for one person, and what kind of other spelling it is. */
	record Search(String kind, String text, Person target) {
	}

	static final List<Part> SURNAMES = List.of(part("ワタナベ", "渡辺", "渡邉", "渡邊"), part("タカハシ", "高橋", "髙橋"),
			part("ヤマザキ", "山崎", "山﨑", "山嵜"), part("サイトウ", "斎藤", "齋藤"), part("サイトウ", "斉藤", "齊藤"),
			part("ヨシダ", "吉田", "𠮷田"), part("ヨシノ", "吉野", "𠮷野"), part("ヤナギダ", "柳田", "栁田"), part("シマダ", "島田", "嶋田", "嶌田"),
			part("ヒロセ", "広瀬", "廣瀬"), part("コクブン", "国分", "國分"), part("サワダ", "沢田", "澤田"), part("タクダ", "択田"),
			part("ハマダ", "浜田", "濱田"), part("サクライ", "桜井", "櫻井"), part("トミタ", "富田", "冨田"), part("オオノ", "大野"),
			part("サトウ", "佐藤"), part("コウノ", "河野"), part("コンドウ", "近藤"), part("オギワラ", "荻原"), part("ハギワラ", "萩原"),
			part("カツラギ", "葛城", "葛\uDB40\uDD00城"), part("オオシマ", "大島", "大嶋"), part("ナカジマ", "中島", "中嶋"),
			part("ミヤザキ", "宮崎", "宮﨑"), part("ハセガワ", "長谷川"), part("トクナガ", "徳永", "德永"), part("サイジョウ", "西條", "西条"));

	static final List<Part> GIVEN = List.of(part("リュウノスケ", "竜之介", "龍之介"), part("ケイコ", "恵子", "惠子"),
			part("トクタロウ", "徳太郎", "德太郎"), part("マリ", "真理", "眞理"), part("ショウタ", "翔太"), part("ハナコ", "花子"),
			part("チヅル", "千鶴"), part("キョウコ", "恭子"), part("ユウイチ", "雄一"), part("ケンイチ", "健一"), part("ジュンイチ", "純一"),
			part("ユウト", "悠人"), part("タロウ", "太郎"), part("ユウコ", "優子"), part("サナエ", "早苗"), part("テツオ", "鉄男"),
			part("アヤノ", "綾乃"), part("シノブ", "信夫"), part("ノリコ", "法子"), part("チヒロ", "千尋"), part("イチロウ", "一郎"),
			part("シンジ", "伸治"), part("タツヤ", "竜也", "龍也"), part("コウジ", "浩二"), part("ダイスケ", "大輔"), part("トモコ", "智子"),
			part("サトミ", "里美"), part("エミ", "恵美", "惠美"), part("トミコ", "富子", "冨子"), part("クニオ", "国男", "國男"),
			part("カヨ", "佳代"), part("ユキ", "由紀"), part("ミチヂ", "道治"), part("ショウヘイ", "翔平"), part("リョウ", "亮"),
			part("ジョウジ", "譲二"), part("シュンスケ", "俊介"), part("マサヒロ", "正広", "正廣"), part("ヒロミ", "広美", "廣美"),
			part("サクラ", "桜", "櫻"), part("チュウヘイ", "忠平"));

	private SyntheticPeople() {
	}

	private static Part part(String reading, String... spellings) {
		return new Part(List.of(spellings), reading);
	}

	/** {@code count} people, the same every run. */
	static List<Person> people(int count) {
		List<Person> people = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Part surname = SURNAMES.get(i % SURNAMES.size());
			Part given = GIVEN.get((i * 7 + i / SURNAMES.size()) % GIVEN.size());
			String s = surname.spellings().get((i / SURNAMES.size()) % surname.spellings().size());
			String g = given.spellings().get((i / 3) % given.spellings().size());
			String space = i % 3 == 0 ? "" : (i % 3 == 1 ? " " : "\u3000");
			String name = s + space + g;
			String reading = surname.reading() + "\u3000" + given.reading();
			LocalDate birth = LocalDate.of(1926, 1, 1).plusDays(i * 97L);
			OffsetDateTime generated = OffsetDateTime.of(2026, 1, 1, 9, 0, 0, 0, ZoneOffset.ofHours(9)).plusHours(i);
			SearchRecord record = new SearchRecord(SearchRecord.documentKey("doc-" + i), 1L, 1000L + i, 7L, "doc-" + i,
					name, reading, birth, i % 2 == 0 ? "女" : "男", "みずほ市1-" + i, "みずほ苑", String.valueOf(100 + i % 9),
					i % 2 == 0 ? "consent" : "mandate", "v1", "onsite", SearchStatus.values()[i % 6], generated,
					i % 2 == 0 ? generated.plusDays(3) : null, i % 4 == 0 ? generated.plusDays(3) : null,
					i % 4 == 0 ? (long) i : null);
			people.add(new Person(i, name, reading, birth, record));
		}
		return people;
	}

	/** For every person, the other spellings of the issue. */
	static List<Search> searches(List<Person> people) {
		List<Search> out = new ArrayList<>();
		for (Person p : people) {
			int i = p.id();
			Part surname = SURNAMES.get(i % SURNAMES.size());
			Part given = GIVEN.get((i * 7 + i / SURNAMES.size()) % GIVEN.size());
			String s = surname.spellings().get((i / SURNAMES.size()) % surname.spellings().size());
			String g = given.spellings().get((i / 3) % given.spellings().size());
			String otherS = other(surname.spellings(), s);
			String otherG = other(given.spellings(), g);
			out.add(new Search("variant glyph", otherS + " " + otherG, p));
			String sr = surname.reading();
			String gr = given.reading();
			out.add(new Search("hiragana", hiragana(sr) + " " + hiragana(gr), p));
			out.add(new Search("half-width katakana", halfWidth(sr + gr), p));
			out.add(new Search("loose kana", hiragana(looseSpelling(sr + gr)), p));
			out.add(new Search("romaji hepburn", Romaji.hepburn(sr) + " " + Romaji.hepburn(gr), p));
			out.add(new Search("romaji kunrei", Romaji.kunrei(sr + gr), p));
			out.add(new Search("romaji without long vowels",
					Romaji.passport(sr).toUpperCase() + " " + Romaji.passport(gr).toUpperCase(), p));
			out.add(new Search("birth date", dateText(p.birthDate(), i), p));
			out.add(new Search("name and date", otherS + " " + dateText(p.birthDate(), i + 1), p));
		}
		return out;
	}

	private static String other(List<String> spellings, String used) {
		for (String s : spellings) {
			if (!s.equals(used)) {
				return s;
			}
		}
		return used;
	}

	static String hiragana(String katakana) {
		StringBuilder sb = new StringBuilder();
		for (char c : katakana.toCharArray()) {
			sb.append(c >= 'ァ' && c <= 'ヶ' ? (char) (c - 0x60) : c);
		}
		return sb.toString();
	}

	private static final Map<Character, String> HALF = halfWidthTable();

	private static Map<Character, String> halfWidthTable() {
		String full = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォャュョッー";
		String half = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｬｭｮｯｰ";
		Map<Character, String> m = new HashMap<>();
		for (int i = 0; i < full.length(); i++) {
			m.put(full.charAt(i), String.valueOf(half.charAt(i)));
		}
		String voiced = "ガギグゲゴザジズゼゾダヂヅデドバビブベボ";
		String base = "カキクケコサシスセソタチツテトハヒフヘホ";
		for (int i = 0; i < voiced.length(); i++) {
			m.put(voiced.charAt(i), m.get(base.charAt(i)) + "ﾞ");
		}
		String semi = "パピプペポ";
		for (int i = 0; i < semi.length(); i++) {
			m.put(semi.charAt(i), m.get("ハヒフヘホ".charAt(i)) + "ﾟ");
		}
		return m;
	}

	static String halfWidth(String katakana) {
		StringBuilder sb = new StringBuilder();
		for (char c : katakana.toCharArray()) {
			sb.append(HALF.getOrDefault(c, String.valueOf(c)));
		}
		return sb.toString();
	}

	/**
	 * How an old register or a hurried clerk writes the reading: ヅ→ズ, small kana large,
	 * ー.
	 */
	static String looseSpelling(String katakana) {
		return katakana.replace('ヅ', 'ズ')
			.replace('ヂ', 'ジ')
			.replace('ョ', 'ヨ')
			.replace('ュ', 'ユ')
			.replace('ャ', 'ヤ')
			.replace("オウ", "オー")
			.replace("ョウ", "ョー");
	}

	/** The birth date in a format chosen by n: S23.4.5, 昭和23年4月5日, 1948/4/5, 19480405. */
	static String dateText(LocalDate d, int n) {
		JapaneseDate jd = JapaneseDate.from(d);
		int y = jd.get(ChronoField.YEAR_OF_ERA);
		String era = switch (jd.getEra().getValue()) {
			case 0 -> "T";
			case 1 -> "S";
			case 2 -> "H";
			case 3 -> "R";
			default -> "M";
		};
		String eraKanji = switch (era) {
			case "T" -> "大正";
			case "S" -> "昭和";
			case "H" -> "平成";
			case "R" -> "令和";
			default -> "明治";
		};
		return switch (n % 4) {
			case 0 -> era + y + "." + d.getMonthValue() + "." + d.getDayOfMonth();
			case 1 ->
				eraKanji + (y == 1 ? "元" : String.valueOf(y)) + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
			case 2 -> d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth();
			default -> String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
		};
	}

	/** Romaji as clerks type it, independent of the code under test. */
	static final class Romaji {

		private static final Map<String, String[]> TABLE = new LinkedHashMap<>();

		static {
			String[] rows = { "キョ kyo kyo", "ショ sho syo", "チョ cho tyo", "ジョ jo zyo", "リョ ryo ryo", "キュ kyu kyu",
					"シュ shu syu", "チュ chu tyu", "ジュ ju zyu", "リュ ryu ryu", "ア a a", "イ i i", "ウ u u", "エ e e", "オ o o",
					"カ ka ka", "キ ki ki", "ク ku ku", "ケ ke ke", "コ ko ko", "ガ ga ga", "ギ gi gi", "グ gu gu", "ゲ ge ge",
					"ゴ go go", "サ sa sa", "シ shi si", "ス su su", "セ se se", "ソ so so", "ザ za za", "ジ ji zi", "ズ zu zu",
					"ゼ ze ze", "ゾ zo zo", "タ ta ta", "チ chi ti", "ツ tsu tu", "テ te te", "ト to to", "ダ da da", "ヂ ji zi",
					"ヅ zu zu", "デ de de", "ド do do", "ナ na na", "ニ ni ni", "ヌ nu nu", "ネ ne ne", "ノ no no", "ハ ha ha",
					"ヒ hi hi", "フ fu hu", "ヘ he he", "ホ ho ho", "バ ba ba", "ビ bi bi", "ブ bu bu", "ベ be be", "ボ bo bo",
					"パ pa pa", "ピ pi pi", "プ pu pu", "ペ pe pe", "ポ po po", "マ ma ma", "ミ mi mi", "ム mu mu", "メ me me",
					"モ mo mo", "ヤ ya ya", "ユ yu yu", "ヨ yo yo", "ラ ra ra", "リ ri ri", "ル ru ru", "レ re re", "ロ ro ro",
					"ワ wa wa", "ン n n" };
			for (String r : rows) {
				String[] c = r.split(" ");
				TABLE.put(c[0], new String[] { c[1], c[2] });
			}
		}

		static String convert(String katakana, int column) {
			StringBuilder sb = new StringBuilder();
			boolean doubled = false;
			for (int i = 0; i < katakana.length();) {
				if (katakana.charAt(i) == 'ッ') {
					doubled = true;
					i++;
					continue;
				}
				String[] r = i + 2 <= katakana.length() ? TABLE.get(katakana.substring(i, i + 2)) : null;
				int len = 2;
				if (r == null) {
					r = TABLE.get(katakana.substring(i, i + 1));
					len = 1;
				}
				String s = r[column];
				if (doubled) {
					sb.append(s.charAt(0));
					doubled = false;
				}
				sb.append(s);
				i += len;
			}
			return sb.toString();
		}

		/** Hepburn, long vowels as typed on a keyboard: saitou, oono, shouta. */
		static String hepburn(String katakana) {
			return convert(katakana, 0);
		}

		/** Kunrei: syouta, tiduru → tizuru. */
		static String kunrei(String katakana) {
			return convert(katakana, 1);
		}

		/** Passport Hepburn: long vowels dropped (saito, ono, shota), ohno for オオノ. */
		static String passport(String katakana) {
			String h = hepburn(katakana);
			if (h.startsWith("oo")) {
				return "oh" + h.substring(2);
			}
			return h.replace("ou", "o").replace("oo", "o").replace("uu", "u");
		}

	}

}
