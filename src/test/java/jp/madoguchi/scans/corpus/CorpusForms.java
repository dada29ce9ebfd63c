package jp.madoguchi.scans.corpus;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jp.madoguchi.forms.Applicant;
import jp.madoguchi.forms.Applicant.Delivery;
import jp.madoguchi.forms.Applicant.Hardship;
import jp.madoguchi.forms.Applicant.Party;
import jp.madoguchi.forms.Applicant.Procedure;
import jp.madoguchi.forms.Applicant.Sex;
import jp.madoguchi.forms.FontFiles;
import jp.madoguchi.forms.FormId;
import jp.madoguchi.forms.FormsEngine;
import jp.madoguchi.forms.MunicipalitySettings;

/**
 * The forms engine and the people the corpus prints for (after the forms tests'
 * fixtures): one engine per JVM, fonts loaded once.
 */
public final class CorpusForms {

	public static final LocalDate ISSUE_DATE = LocalDate.of(2026, 11, 21);

	public static final MunicipalitySettings TAKAHASHI = new MunicipalitySettings("高梁市", "高梁市長", "市民課", "0866-21-0253",
			"平日 8:30〜17:15");

	/**
	 * The printed page's height in PDF points: the engine's pages are OpenPDF's A4, 595 ×
	 * 842 (its templates place elements from 841.89, a tenth of a point off).
	 */
	public static final float PAGE_HEIGHT_POINTS = 842f;

	/** The forms with a signature box and a seal box. */
	public static final List<FormId> SIGNABLE = List.of(FormId.CONSENT, FormId.MANDATE, FormId.MANDATE_SWITCH,
			FormId.APPLICATION, FormId.PIN_REQUEST, FormId.PHOTO_CERTIFICATE, FormId.CANNOT_VISIT);

	/**
	 * Applicants of different procedures and parties, so that packets hold different
	 * forms; the surname is what their seal shows.
	 */
	public static final List<Applicant> APPLICANTS = List.of(
			applicant("S-0001", "山田　花子", "ヤマダ　ハナコ", "101", Procedure.NEW_CARD_APPLIED_IN_PERSON, Party.PROXY,
					Delivery.RESTRICTED_POST),
			applicant("S-0002", "佐藤　一郎", "サトウ　イチロウ", "102", Procedure.NEW_CARD_COLLECTED_AT_OFFICE, Party.SELF,
					Delivery.COUNTER),
			applicant("S-0003", "高橋　美智子", "タカハシ　ミチコ", "203", Procedure.SWITCH_TO_FACE_AUTH, Party.PROXY,
					Delivery.RESTRICTED_POST),
			applicant("S-0004", "渡邊　トメ", "ワタナベ　トメ", "204", Procedure.NEW_CARD_APPLIED_IN_PERSON, Party.SELF,
					Delivery.RESTRICTED_POST),
			applicant("S-0005", "小林　正", "コバヤシ　タダシ", "305", Procedure.NEW_CARD_COLLECTED_AT_OFFICE, Party.PROXY,
					Delivery.PROXY_PICKUP));

	private static FormsEngine engine;

	private CorpusForms() {
	}

	/** The engine with the built-in templates; run from the project root. */
	public static synchronized FormsEngine engine() {
		if (engine == null) {
			engine = FormsEngine.load(Path.of("templates"), FontFiles.debianDefaults());
		}
		return engine;
	}

	/** What the person's seal shows: the surname, at most two characters. */
	public static String sealText(Applicant applicant) {
		String name = applicant.name();
		int space = name.indexOf('\u3000');
		String surname = space > 0 ? name.substring(0, space) : name;
		return surname.substring(0, Math.min(2, surname.length()));
	}

	static Applicant applicant(String id, String name, String reading, String room, Procedure procedure, Party party,
			Delivery delivery) {
		return new Applicant(id, name, reading, LocalDate.of(1948, 5, 3), Sex.FEMALE, "716-0000", "岡山県高梁市松原通２０４３番地",
				"特別養護老人ホーム　高梁やすらぎの里", room, procedure, party, party == Party.PROXY ? "施設　次郎" : null,
				party == Party.PROXY ? "施設職員" : null, true, true, delivery, false, Set.of(Hardship.FACILITY_RESIDENT),
				false, "");
	}

}
