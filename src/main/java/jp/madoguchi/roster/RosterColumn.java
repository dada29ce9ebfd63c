package jp.madoguchi.roster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.madoguchi.japanese.JapaneseText;

/** The canonical roster headers, with the synonyms facilities commonly write instead. */
enum RosterColumn {

	NAME("氏名", true, "名前", "氏名（漢字）", "申請者氏名", "申請者名", "利用者氏名"),
	READING("フリガナ", true, "ふりがな", "フリガナ（カナ）", "氏名（カナ）", "氏名カナ", "カナ氏名", "よみがな", "読み", "カナ"),
	BIRTH_DATE("生年月日", true, "誕生日", "生年月日（西暦）", "生年月日（和暦）"), SEX("性別", false), POSTAL_CODE("郵便番号", false, "〒"),
	ADDRESS("住所", false, "現住所", "住民票住所", "住所（住民票）"), FACILITY("施設名", false, "施設", "施設等名", "会場"),
	ROOM("居室", false, "居室番号", "部屋", "部屋番号"), PROCEDURE("手続区分", true, "手続", "申請区分", "手続き区分"),
	APPLICANT_TYPE("申請者区分", true, "本人・代理人", "本人/代理人"), PROXY_NAME("代理人氏名", false, "代理人", "代理人名"),
	PROXY_RELATIONSHIP("代理人続柄", false, "続柄", "本人との関係", "代理人との関係"),
	WANTS_FACE_AUTH("顔認証カード希望", false, "顔認証", "顔認証希望", "顔認証マイナンバーカード希望"),
	WANTS_STAFF_REGISTRATION("保険証利用申込代行", false, "健康保険証利用申込代行", "保険証利用登録代行", "保険証利用申込み代行"),
	WRITTEN_BY_OTHER("代筆", false, "代筆有無"), DELIVERY("交付方法", false, "受取方法", "交付方法（受取方法）"),
	REMARKS("備考", false, "メモ", "特記事項");

	private static final Map<String, RosterColumn> BY_HEADER = new HashMap<>();

	static {
		for (RosterColumn c : values()) {
			BY_HEADER.put(key(c.header), c);
			for (String s : c.synonyms) {
				BY_HEADER.put(key(s), c);
			}
		}
	}

	private final String header;

	private final boolean required;

	private final List<String> synonyms;

	RosterColumn(String header, boolean required, String... synonyms) {
		this.header = header;
		this.required = required;
		this.synonyms = List.of(synonyms);
	}

	String header() {
		return header;
	}

	boolean required() {
		return required;
	}

	static Optional<RosterColumn> fromHeader(String text) {
		return Optional.ofNullable(BY_HEADER.get(key(text)));
	}

	private static String key(String s) {
		return JapaneseText.compact(s);
	}

}
