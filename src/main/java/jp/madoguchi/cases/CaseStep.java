package jp.madoguchi.cases;

/** One step of a workflow, in the words of the notice. */
public enum CaseStep {

	CHECK_NOT_YET_REGISTERED("健康保険証利用の申込みの有無を確認"), CONSENT_WITH_PORTAL_TERMS("同意書の取得（マイナポータル利用規約への同意を確認）"),
	CONSENT("同意書の取得"), PROXY_AUTHORITY("委任状等による代理権の確認"), TEMPORARY_PIN("暫定的な暗証番号の設定"),
	PIN_RESET_AND_TEMPORARY_PIN("暗証番号の初期化・暫定的な暗証番号の設定"), REGISTRATION_WITH_PERSON_PRESENT("保険証利用の申込み代行（本人立会い）"),
	REGISTRATION_BY_TWO_STAFF("保険証利用の申込み代行（複数職員で確認）"),
	REGISTRATION_BY_TWO_STAFF_HIDDEN_FROM_PROXY("保険証利用の申込み代行（複数職員で確認・代理人に画面を見せない）"), LOCK_ALL_PINS("4桁の暗証番号を全てロック"),
	WRITE_FACE_AUTH_REMARK("追記欄に「顔認証」と追記"), HAND_OVER_TO_PERSON("本人にカードとリーフレットを交付"),
	HAND_OVER_TO_PROXY("代理人にカードとリーフレットを交付"), SEND_BY_RESTRICTED_POST("本人限定受取郵便等でカードとリーフレットを送付"),
	/**
	 * Setting switch, the person present and able to enter the PIN already set: they
	 * register themself with it (seed 000, 設定切替 (1)); no consent, no temporary PIN.
	 */
	REGISTRATION_WITH_OWN_PIN("本人が設定済みの暗証番号を入力して保険証利用を申込み"),
	/**
	 * Consent not obtained: the case closes, and the person is guided to the first
	 * registration at a clinic's face-recognition card reader (seed 000).
	 */
	CONSENT_REFUSED("同意が得られず終了（医療機関等の顔認証付きカードリーダーでの初回登録を案内）");

	private final String label;

	CaseStep(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Whether the step needs two staff: one records it, another confirms it. */
	public boolean needsTwoStaff() {
		return this == REGISTRATION_BY_TWO_STAFF || this == REGISTRATION_BY_TWO_STAFF_HIDDEN_FROM_PROXY;
	}

	/** Whether the step sets the temporary PIN that the lock must make unusable. */
	public boolean setsTemporaryPin() {
		return this == TEMPORARY_PIN || this == PIN_RESET_AND_TEMPORARY_PIN;
	}

	/** Whether the step obtains the written consent. */
	public boolean isConsent() {
		return this == CONSENT || this == CONSENT_WITH_PORTAL_TERMS;
	}

	/** Whether the step gives the card back (in person or by post): the case is done. */
	public boolean handsOver() {
		return this == HAND_OVER_TO_PERSON || this == HAND_OVER_TO_PROXY || this == SEND_BY_RESTRICTED_POST;
	}

}
