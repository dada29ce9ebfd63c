package jp.madoguchi.cases;

import java.util.Arrays;
import java.util.Optional;

import jp.madoguchi.japanese.JapaneseText;

/**
 * 手続区分 as a roster names it, and the procedure (A, B or C of the notice) it belongs to.
 */
public enum ProcedureKind {

	NEW_CARD_AT_PICKUP("新規交付（交付時来庁）", Procedure.NEW_CARD_AT_PICKUP),
	NEW_CARD_AT_APPLICATION("新規交付（申請時来庁）", Procedure.NEW_CARD_AT_APPLICATION),
	OUTREACH_INTAKE("出張申請受付", Procedure.NEW_CARD_AT_APPLICATION),
	SWITCH_TO_FACE_AUTH("設定切替", Procedure.SWITCH_TO_FACE_AUTH),
	CERTIFICATE_ISSUE_OR_RENEWAL("電子証明書発行・更新", Procedure.NEW_CARD_AT_PICKUP);

	private final String label;

	private final Procedure procedure;

	ProcedureKind(String label, Procedure procedure) {
		this.label = label;
		this.procedure = procedure;
	}

	public String label() {
		return label;
	}

	public Procedure procedure() {
		return procedure;
	}

	/**
	 * Matches the label ignoring full/half-width brackets and spaces, as spreadsheets mix
	 * them.
	 */
	public static Optional<ProcedureKind> fromLabel(String text) {
		String key = JapaneseText.compact(text);
		return Arrays.stream(values()).filter(k -> JapaneseText.compact(k.label).equals(key)).findFirst();
	}

	/** The three procedures of the notice; a procedure and 本人/代理人 make a workflow. */
	public enum Procedure {

		/**
		 * A: new card collected at the office (交付時来庁方式), or a certificate issued/renewed.
		 */
		NEW_CARD_AT_PICKUP,
		/**
		 * B: new card applied for at the office or at outreach intake; the card is sent
		 * by 本人限定受取郵便.
		 */
		NEW_CARD_AT_APPLICATION,
		/** C: an existing card switched to face authentication. */
		SWITCH_TO_FACE_AUTH

	}

}
