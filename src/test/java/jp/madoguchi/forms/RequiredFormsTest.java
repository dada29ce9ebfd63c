package jp.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import jp.madoguchi.forms.Applicant.Delivery;
import jp.madoguchi.forms.Applicant.Party;
import jp.madoguchi.forms.Applicant.Procedure;

/**
 * Every combination of (procedure, 本人/代理人, face-auth wish, staff-registration wish,
 * delivery) against a table written out by hand: A = collected at the office, B = applied
 * for in person or at outreach intake, C = switch to face authentication. For A and C a
 * proxy receives the card at the counter whether the delivery says COUNTER or
 * PROXY_PICKUP (seed 000 代理人 (5)「代理人にカード…を交付」).
 */
class RequiredFormsTest {

	private static final List<String> EXPECTED = List.of("A SELF face staff COUNTER -> pin-request consent leaflet",
			"A SELF face staff RESTRICTED_POST -> INVALID", "A SELF face staff PROXY_PICKUP -> INVALID",
			"A SELF face - COUNTER -> pin-request leaflet", "A SELF face - RESTRICTED_POST -> INVALID",
			"A SELF face - PROXY_PICKUP -> INVALID", "A SELF - staff COUNTER -> INVALID",
			"A SELF - staff RESTRICTED_POST -> INVALID", "A SELF - staff PROXY_PICKUP -> INVALID",
			"A SELF - - COUNTER -> pin-request", "A SELF - - RESTRICTED_POST -> INVALID",
			"A SELF - - PROXY_PICKUP -> INVALID",
			"A PROXY face staff COUNTER -> pin-request consent mandate leaflet cannot-visit photo-certificate custody-ledger",
			"A PROXY face staff RESTRICTED_POST -> INVALID",
			"A PROXY face staff PROXY_PICKUP -> pin-request consent mandate leaflet cannot-visit photo-certificate custody-ledger",
			"A PROXY face - COUNTER -> pin-request leaflet cannot-visit photo-certificate custody-ledger",
			"A PROXY face - RESTRICTED_POST -> INVALID",
			"A PROXY face - PROXY_PICKUP -> pin-request leaflet cannot-visit photo-certificate custody-ledger",
			"A PROXY - staff COUNTER -> INVALID", "A PROXY - staff RESTRICTED_POST -> INVALID",
			"A PROXY - staff PROXY_PICKUP -> INVALID",
			"A PROXY - - COUNTER -> pin-request cannot-visit photo-certificate custody-ledger",
			"A PROXY - - RESTRICTED_POST -> INVALID",
			"A PROXY - - PROXY_PICKUP -> pin-request cannot-visit photo-certificate custody-ledger",
			"B SELF face staff COUNTER -> INVALID",
			"B SELF face staff RESTRICTED_POST -> application pin-request consent leaflet outreach-sheet",
			"B SELF face staff PROXY_PICKUP -> INVALID", "B SELF face - COUNTER -> INVALID",
			"B SELF face - RESTRICTED_POST -> application pin-request leaflet outreach-sheet",
			"B SELF face - PROXY_PICKUP -> INVALID", "B SELF - staff COUNTER -> INVALID",
			"B SELF - staff RESTRICTED_POST -> INVALID", "B SELF - staff PROXY_PICKUP -> INVALID",
			"B SELF - - COUNTER -> INVALID", "B SELF - - RESTRICTED_POST -> application pin-request outreach-sheet",
			"B SELF - - PROXY_PICKUP -> INVALID", "B PROXY face staff COUNTER -> INVALID",
			"B PROXY face staff RESTRICTED_POST -> application pin-request consent mandate leaflet outreach-sheet",
			"B PROXY face staff PROXY_PICKUP -> INVALID", "B PROXY face - COUNTER -> INVALID",
			"B PROXY face - RESTRICTED_POST -> application pin-request leaflet outreach-sheet",
			"B PROXY face - PROXY_PICKUP -> INVALID", "B PROXY - staff COUNTER -> INVALID",
			"B PROXY - staff RESTRICTED_POST -> INVALID", "B PROXY - staff PROXY_PICKUP -> INVALID",
			"B PROXY - - COUNTER -> INVALID", "B PROXY - - RESTRICTED_POST -> application pin-request outreach-sheet",
			"B PROXY - - PROXY_PICKUP -> INVALID", "C SELF face staff COUNTER -> consent leaflet",
			"C SELF face staff RESTRICTED_POST -> INVALID", "C SELF face staff PROXY_PICKUP -> INVALID",
			"C SELF face - COUNTER -> leaflet", "C SELF face - RESTRICTED_POST -> INVALID",
			"C SELF face - PROXY_PICKUP -> INVALID", "C SELF - staff COUNTER -> INVALID",
			"C SELF - staff RESTRICTED_POST -> INVALID", "C SELF - staff PROXY_PICKUP -> INVALID",
			"C SELF - - COUNTER -> INVALID", "C SELF - - RESTRICTED_POST -> INVALID",
			"C SELF - - PROXY_PICKUP -> INVALID",
			"C PROXY face staff COUNTER -> consent mandate mandate-switch leaflet",
			"C PROXY face staff RESTRICTED_POST -> INVALID",
			"C PROXY face staff PROXY_PICKUP -> consent mandate mandate-switch leaflet",
			"C PROXY face - COUNTER -> mandate-switch leaflet", "C PROXY face - RESTRICTED_POST -> INVALID",
			"C PROXY face - PROXY_PICKUP -> mandate-switch leaflet", "C PROXY - staff COUNTER -> INVALID",
			"C PROXY - staff RESTRICTED_POST -> INVALID", "C PROXY - staff PROXY_PICKUP -> INVALID",
			"C PROXY - - COUNTER -> INVALID", "C PROXY - - RESTRICTED_POST -> INVALID",
			"C PROXY - - PROXY_PICKUP -> INVALID");

	@Test
	void everyCombinationMatchesTheTable() {
		Map<String, String> expected = new HashMap<>();
		for (String row : EXPECTED) {
			String[] parts = row.split(" -> ");
			expected.put(parts[0], parts[1]);
		}
		int combinations = 0;
		for (Procedure procedure : Procedure.values()) {
			for (Party party : Party.values()) {
				for (boolean faceAuth : new boolean[] { true, false }) {
					for (boolean staff : new boolean[] { true, false }) {
						for (Delivery delivery : Delivery.values()) {
							String key = code(procedure) + " " + party + " " + (faceAuth ? "face" : "-") + " "
									+ (staff ? "staff" : "-") + " " + delivery;
							RequiredForms.Selection selection = RequiredForms.decide(procedure, party, faceAuth, staff,
									delivery);
							String actual = selection.valid()
									? selection.forms().stream().map(FormId::id).collect(Collectors.joining(" "))
									: "INVALID";
							assertThat(actual).as(key).isEqualTo(expected.get(key));
							if (!selection.valid()) {
								assertThat(selection.invalidReason()).as(key)
									.isNotBlank()
									.doesNotContainPattern("[A-Za-z]");
								assertThat(selection.forms()).isEmpty();
							}
							combinations++;
						}
					}
				}
			}
		}
		assertThat(combinations).isEqualTo(72).isEqualTo(EXPECTED.size());
	}

	@Test
	void largePrintSwapsTheLeaflet() {
		Applicant base = TestForms.applicant("x", "山田", "ヤマダ", "1");
		Applicant large = new Applicant("x", "山田", "ヤマダ", base.birthDate(), base.sex(), null, "住所", null, null,
				Procedure.NEW_CARD_APPLIED_IN_PERSON, Party.SELF, null, null, true, true, Delivery.RESTRICTED_POST,
				false, Set.of(), true, null);
		assertThat(RequiredForms.forApplicant(large).forms()).contains(FormId.LEAFLET_LARGE)
			.doesNotContain(FormId.LEAFLET);
		assertThat(RequiredForms.forApplicant(base).forms()).contains(FormId.LEAFLET)
			.doesNotContain(FormId.LEAFLET_LARGE);
	}

	private static String code(Procedure procedure) {
		return switch (procedure) {
			case NEW_CARD_COLLECTED_AT_OFFICE -> "A";
			case NEW_CARD_APPLIED_IN_PERSON -> "B";
			case SWITCH_TO_FACE_AUTH -> "C";
		};
	}

}
