package jp.madoguchi.forms;

import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.forms.Applicant.Delivery;
import jp.madoguchi.forms.Applicant.Party;
import jp.madoguchi.forms.Applicant.Procedure;

/**
 * The one rule table that decides which documents a case needs, from its procedure, who
 * does it (本人/代理人), the face-auth wish, the staff-registration wish and the delivery
 * method (seed 000 workflows A–C, seed 001 第5 and 第6-2).
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
		// The application form is written when the card is applied for in person (B); for
		// A the
		// application already reached J-LIS, for C the card exists.
		if (procedure == Procedure.NEW_CARD_APPLIED_IN_PERSON) {
			forms.add(FormId.APPLICATION);
		}
		// The PIN-setting request goes with every new card: ticked 「いずれの暗証番号も設定しない」 for
		// face-auth.
		if (procedure != Procedure.SWITCH_TO_FACE_AUTH) {
			forms.add(FormId.PIN_REQUEST);
		}
		// Written consent before staff log in to Mynaportal on the person's behalf (step
		// (1) of every workflow).
		if (staffRegistration) {
			forms.add(FormId.CONSENT);
			if (party == Party.PROXY) {
				forms.add(FormId.MANDATE);
			}
		}
		// Switching through a proxy needs a mandate signed by the person (seed 001 第3
		// 3.(2)②).
		if (procedure == Procedure.SWITCH_TO_FACE_AUTH && party == Party.PROXY) {
			forms.add(FormId.MANDATE_SWITCH);
		}
		// The leaflet goes with every face-auth card (step (5)/(6)).
		if (faceAuth) {
			forms.add(FormId.LEAFLET);
		}
		if (procedure == Procedure.NEW_CARD_APPLIED_IN_PERSON) {
			forms.add(FormId.OUTREACH_SHEET);
		}
		// Proxy pick-up of a new card (代理交付, seed 001 第6 2.): proof that the person
		// cannot come,
		// the facility head's photo certificate, and the facility's record of holding the
		// card.
		// A switch through a proxy returns the person's own card on the mandate alone.
		if (delivery == Delivery.PROXY_PICKUP && procedure == Procedure.NEW_CARD_COLLECTED_AT_OFFICE) {
			forms.add(FormId.CANNOT_VISIT);
			forms.add(FormId.PHOTO_CERTIFICATE);
			forms.add(FormId.CUSTODY_LEDGER);
		}
		return new Selection(forms, null);
	}

	private static String invalidReason(Procedure procedure, Party party, boolean faceAuth, boolean staffRegistration,
			Delivery delivery) {
		if (staffRegistration && !faceAuth) {
			return "staff registration on Mynaportal is offered only with a face-auth card";
		}
		if (procedure == Procedure.SWITCH_TO_FACE_AUTH && !faceAuth) {
			return "a switch to face authentication implies the face-auth wish";
		}
		return switch (procedure) {
			case NEW_CARD_APPLIED_IN_PERSON -> delivery == Delivery.RESTRICTED_POST ? null
					: "a card applied for in person or at outreach intake is sent by 本人限定受取郵便";
			case NEW_CARD_COLLECTED_AT_OFFICE, SWITCH_TO_FACE_AUTH -> switch (delivery) {
				case RESTRICTED_POST -> "this procedure hands the card over at the office, not by post";
				case COUNTER -> party == Party.SELF ? null
						: "a proxy at the counter means the card goes to the proxy (PROXY_PICKUP)";
				case PROXY_PICKUP ->
					party == Party.PROXY ? null : "the card is handed to the person who came (COUNTER)";
			};
		};
	}

}
