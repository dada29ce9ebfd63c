package jp.madoguchi.forms;

import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.forms.Applicant.Delivery;
import jp.madoguchi.forms.Applicant.Party;
import jp.madoguchi.forms.Applicant.Procedure;

/**
 * The one rule table that decides which documents a case needs, from its procedure, who
 * does it (本人/代理人), the face-auth wish, the staff-registration wish and the delivery
 * method (seed 000 workflows A–C, seed 001 第3, 第5 and 第6-2). 代筆 changes no document: the
 * forms that are signed carry its check box (seed 000 別紙「自署が難しい場合は、代筆の上押印を行うことも可能」, seed
 * 001 第7(4)).
 * <p>
 * The roster's RowValidator refuses at import every combination this table refuses, so a
 * row that was accepted always gets a printable set; {@code DocumentRulesAgreementTest}
 * walks every combination through both.
 */
public final class RequiredForms {

	private RequiredForms() {
	}

	/**
	 * Either the forms to print, or why the combination is not a workflow of the notice.
	 */
	public record Selection(List<FormId> forms, String invalidReason) {

		public Selection {
			forms = List.copyOf(forms);
		}

		public boolean valid() {
			return invalidReason == null;
		}

		static Selection invalid(String reason) {
			return new Selection(List.of(), reason);
		}
	}

	public static Selection forApplicant(Applicant applicant) {
		Selection selection = decide(applicant.procedure(), applicant.party(), applicant.wantsFaceAuthCard(),
				applicant.wantsStaffRegistration(), applicant.delivery());
		if (!applicant.prefersLargePrint() || !selection.forms().contains(FormId.LEAFLET)) {
			return selection;
		}
		return new Selection(
				selection.forms().stream().map(f -> f == FormId.LEAFLET ? FormId.LEAFLET_LARGE : f).toList(), null);
	}

	public static Selection decide(Procedure procedure, Party party, boolean faceAuth, boolean staffRegistration,
			Delivery delivery) {
		String invalid = invalidReason(procedure, party, faceAuth, staffRegistration, delivery);
		if (invalid != null) {
			return Selection.invalid(invalid);
		}
		List<FormId> forms = new ArrayList<>();
		// B: the application is written at the office or at outreach intake (seed 001 第5
		// 1.(4)「当日必要な書類例：交付申請書」); for A it already reached J-LIS, for C the card
		// exists.
		if (procedure == Procedure.NEW_CARD_APPLIED_IN_PERSON) {
			forms.add(FormId.APPLICATION);
		}
		// Every new card: the PIN-setting request (seed 001 第5 1.(4)「暗証番号設定依頼書」,
		// 「いずれの暗証番号も設定しない」 for a face-auth card; seed 000 A/B (2) the temporary PIN).
		if (procedure != Procedure.SWITCH_TO_FACE_AUTH) {
			forms.add(FormId.PIN_REQUEST);
		}
		// Step (1) of every workflow: written consent before staff log in to Mynaportal
		// for the person (seed 000 別紙 同意書; seed 001 第5「同意書 ※顔認証マイナンバーカード申請者のみ」).
		// Through a proxy the authority is checked with a mandate too (seed 000 代理人 (1)
		// 「委任状等により代理権等を確認」, 別紙 委任状).
		if (staffRegistration) {
			forms.add(FormId.CONSENT);
			if (party == Party.PROXY) {
				forms.add(FormId.MANDATE);
			}
		}
		// A switch through a proxy needs the person's signed mandate for the switch
		// itself (seed 001 第3 3.(2)②「本人が署名又は記名押印した委任状を提出」).
		if (procedure == Procedure.SWITCH_TO_FACE_AUTH && party == Party.PROXY) {
			forms.add(FormId.MANDATE_SWITCH);
		}
		// The leaflet goes with every face-auth card (seed 000 A/B (5), C (5)/(6)
		// 「カードと厚生労働省作成の別添リーフレットを交付」).
		if (faceAuth) {
			forms.add(FormId.LEAFLET);
		}
		// B: the check sheet of the intake day (seed 001 第5 1.(5)–(7): documents,
		// equipment, the day's running).
		if (procedure == Procedure.NEW_CARD_APPLIED_IN_PERSON) {
			forms.add(FormId.OUTREACH_SHEET);
		}
		// A new card handed to a proxy, at the counter or as 代理交付, is proxy pick-up
		// (seed 000 A 代理人 (5)「代理人にカード…を交付」; seed 001 第6 2.(4)): proof that the
		// person cannot come, the facility head's photo certificate that replaces it, and
		// the facility's record of holding the card (seed 001 第8 ②). A switch through a
		// proxy returns the person's own card on the mandate alone.
		if (procedure == Procedure.NEW_CARD_COLLECTED_AT_OFFICE && party == Party.PROXY) {
			forms.add(FormId.CANNOT_VISIT);
			forms.add(FormId.PHOTO_CERTIFICATE);
			forms.add(FormId.CUSTODY_LEDGER);
		}
		return new Selection(forms, null);
	}

	/**
	 * Why a combination is no workflow of the notice, in the clerk's words (it is printed
	 * on a packet's cover); null when it is one.
	 */
	private static String invalidReason(Procedure procedure, Party party, boolean faceAuth, boolean staffRegistration,
			Delivery delivery) {
		// C is by definition a switch to a face-auth card (seed 001 第3; seed 000 C).
		if (procedure == Procedure.SWITCH_TO_FACE_AUTH && !faceAuth) {
			return "設定切替は顔認証マイナンバーカードへの切替です";
		}
		// Staff register on Mynaportal only for face-auth cards (seed 000: 顔認証マイナンバーカード
		// 交付時・設定切替時; seed 001 第5 1.(2)「顔認証マイナンバーカード申請者が健康保険証利用登録を希望した場合」).
		if (staffRegistration && !faceAuth) {
			return "保険証利用申込代行は顔認証マイナンバーカードの場合に限ります";
		}
		if (delivery == null) {
			return "交付方法が決まっていません";
		}
		return switch (procedure) {
			// B: the card is sent by post (seed 000 B (5)「本人限定郵便等によりカード…を交付」;
			// seed 001 第5 1.(1)).
			case NEW_CARD_APPLIED_IN_PERSON ->
				delivery == Delivery.RESTRICTED_POST ? null : "申請時来庁・出張申請受付のカードは本人限定受取郵便で送付します";
			// A and C: the card is handed over at the office, to the person (本人 (5)/(6),
			// the person present at registration) or to the proxy who came (代理人 (5)):
			// for a proxy, 窓口 and 代理人 both mean the proxy receives it.
			case NEW_CARD_COLLECTED_AT_OFFICE, SWITCH_TO_FACE_AUTH -> switch (delivery) {
				case RESTRICTED_POST -> "交付時来庁・設定切替のカードは窓口で交付します（郵送はできません）";
				case COUNTER -> null;
				case PROXY_PICKUP -> party == Party.PROXY ? null : "申請者区分が本人の場合、カードは本人に交付します";
			};
		};
	}

}
