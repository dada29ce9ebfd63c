package jp.madoguchi.cases;

import static jp.madoguchi.cases.CaseStep.*;

import java.util.List;

/**
 * The six office workflows of the notice of 2024-12-06 (seed 000): three procedures, each
 * for 本人 or 代理人, as the ordered steps a case goes through. A proxy never sees the portal
 * screen; a person registering themself is present.
 */
public enum Workflow {

	NEW_CARD_AT_PICKUP_SELF("カード新規交付（交付時来庁方式）・電子証明書発行/更新（本人）", "新規交付（交付時来庁）",
			List.of(CONSENT_WITH_PORTAL_TERMS, TEMPORARY_PIN, REGISTRATION_WITH_PERSON_PRESENT, LOCK_ALL_PINS,
					WRITE_FACE_AUTH_REMARK, HAND_OVER_TO_PERSON)),
	NEW_CARD_AT_PICKUP_PROXY("カード新規交付（交付時来庁方式）・電子証明書発行/更新（代理人）", "新規交付（交付時来庁）",
			List.of(CONSENT, PROXY_AUTHORITY, TEMPORARY_PIN, REGISTRATION_BY_TWO_STAFF_HIDDEN_FROM_PROXY, LOCK_ALL_PINS,
					WRITE_FACE_AUTH_REMARK, HAND_OVER_TO_PROXY)),
	NEW_CARD_AT_APPLICATION_SELF("カード新規交付（申請時来庁方式・出張申請受付）（本人）", "新規交付（申請時来庁・出張）",
			List.of(CONSENT_WITH_PORTAL_TERMS, TEMPORARY_PIN, REGISTRATION_BY_TWO_STAFF, LOCK_ALL_PINS,
					WRITE_FACE_AUTH_REMARK, SEND_BY_RESTRICTED_POST)),
	NEW_CARD_AT_APPLICATION_PROXY("カード新規交付（申請時来庁方式）（代理人）", "新規交付（申請時来庁）",
			List.of(CONSENT, PROXY_AUTHORITY, TEMPORARY_PIN, REGISTRATION_BY_TWO_STAFF, LOCK_ALL_PINS,
					WRITE_FACE_AUTH_REMARK, SEND_BY_RESTRICTED_POST)),
	SWITCH_TO_FACE_AUTH_SELF("顔認証マイナンバーカードへの設定切替（本人）", "設定切替",
			List.of(CHECK_NOT_YET_REGISTERED, CONSENT_WITH_PORTAL_TERMS, PIN_RESET_AND_TEMPORARY_PIN,
					REGISTRATION_WITH_PERSON_PRESENT, LOCK_ALL_PINS, WRITE_FACE_AUTH_REMARK, HAND_OVER_TO_PERSON)),
	SWITCH_TO_FACE_AUTH_PROXY("顔認証マイナンバーカードへの設定切替（代理人）", "設定切替",
			List.of(CHECK_NOT_YET_REGISTERED, CONSENT, PROXY_AUTHORITY, PIN_RESET_AND_TEMPORARY_PIN,
					REGISTRATION_BY_TWO_STAFF_HIDDEN_FROM_PROXY, LOCK_ALL_PINS, WRITE_FACE_AUTH_REMARK,
					HAND_OVER_TO_PROXY));

	private final String label;

	private final String shortLabel;

	private final List<CaseStep> steps;

	Workflow(String label, String shortLabel, List<CaseStep> steps) {
		this.label = label;
		this.shortLabel = shortLabel;
		this.steps = steps;
	}

	public String label() {
		return label;
	}

	/** For tables, where 本人/代理人 has a column of its own. */
	public String shortLabel() {
		return shortLabel;
	}

	public List<CaseStep> steps() {
		return steps;
	}

	/**
	 * The shorter path of seed 000 for a setting switch by a person who remembers their
	 * PIN (registration with it, then lock, 「顔認証」 and return); empty for the other
	 * workflows.
	 */
	public List<CaseStep> shorterPath() {
		return this == SWITCH_TO_FACE_AUTH_SELF ? List.of(CHECK_NOT_YET_REGISTERED, REGISTRATION_WITH_OWN_PIN,
				LOCK_ALL_PINS, WRITE_FACE_AUTH_REMARK, HAND_OVER_TO_PERSON) : List.of();
	}

	public static Workflow of(ProcedureKind kind, ApplicantType type) {
		boolean self = type == ApplicantType.SELF;
		return switch (kind.procedure()) {
			case NEW_CARD_AT_PICKUP -> self ? NEW_CARD_AT_PICKUP_SELF : NEW_CARD_AT_PICKUP_PROXY;
			case NEW_CARD_AT_APPLICATION -> self ? NEW_CARD_AT_APPLICATION_SELF : NEW_CARD_AT_APPLICATION_PROXY;
			case SWITCH_TO_FACE_AUTH -> self ? SWITCH_TO_FACE_AUTH_SELF : SWITCH_TO_FACE_AUTH_PROXY;
		};
	}

}
