package jp.madoguchi.forms.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import jp.madoguchi.cases.ApplicantType;
import jp.madoguchi.cases.CaseDetail;
import jp.madoguchi.cases.CaseRegistry;
import jp.madoguchi.cases.DeliveryMethod;
import jp.madoguchi.roster.RosterImporter;
import jp.madoguchi.roster.RosterSummary;
import jp.madoguchi.tenant.StaffUser;
import jp.madoguchi.forms.Applicant;
import jp.madoguchi.forms.Applicant.Delivery;
import jp.madoguchi.forms.Applicant.Party;
import jp.madoguchi.forms.Applicant.Procedure;

/**
 * A case's applicant as the forms need it, read through the cases and roster modules'
 * APIs.
 */
@Component
class CaseApplicants {

	private final CaseRegistry cases;

	private final RosterImporter rosters;

	CaseApplicants(CaseRegistry cases, RosterImporter rosters) {
		this.cases = cases;
		this.rosters = rosters;
	}

	Optional<String> rosterTitle(StaffUser user, long rosterId) {
		return rosters.find(user, rosterId).map(RosterSummary::fileName);
	}

	List<Applicant> ofRoster(long municipalityId, long rosterId) {
		return cases.detailsOfRoster(municipalityId, rosterId).stream().map(CaseApplicants::applicant).toList();
	}

	Optional<Applicant> find(long municipalityId, long caseId) {
		return cases.find(municipalityId, caseId).map(CaseApplicants::applicant);
	}

	private static Applicant applicant(CaseDetail c) {
		jp.madoguchi.cases.Applicant a = c.applicant();
		Procedure procedure = switch (a.procedureKind().procedure()) {
			case NEW_CARD_AT_PICKUP -> Procedure.NEW_CARD_COLLECTED_AT_OFFICE;
			case NEW_CARD_AT_APPLICATION -> Procedure.NEW_CARD_APPLIED_IN_PERSON;
			case SWITCH_TO_FACE_AUTH -> Procedure.SWITCH_TO_FACE_AUTH;
		};
		Party party = a.applicantType() == ApplicantType.SELF ? Party.SELF : Party.PROXY;
		String facility = a.facility();
		return new Applicant(Long.toString(c.id()), a.name(), a.reading(), a.birthDate(), sex(a.sex()),
				postalCode(a.postalCode()), a.address(), facility, a.room(), procedure, party, a.proxyName(),
				a.proxyRelationship(), Boolean.TRUE.equals(a.wantsFaceAuth()),
				Boolean.TRUE.equals(a.wantsStaffRegistration()),
				delivery(a.deliveryMethod() == null ? null : a.deliveryMethod().name(), procedure, party),
				Boolean.TRUE.equals(a.writtenByOther()),
				// A roster names the facility a person lives in: that is the 施設入所者
				// category.
				facility == null || facility.isBlank() ? Set.of() : Set.of(Applicant.Hardship.FACILITY_RESIDENT), false,
				a.remarks());
	}

	private static Applicant.Sex sex(String sex) {
		if (sex == null) {
			return null;
		}
		return sex.startsWith("男") ? Applicant.Sex.MALE : sex.startsWith("女") ? Applicant.Sex.FEMALE : null;
	}

	private static String postalCode(String digits) {
		return digits != null && digits.length() == 7 ? digits.substring(0, 3) + "-" + digits.substring(3) : digits;
	}

	/** A roster may leave 交付方法 blank: then the workflow's own hand-over decides. */
	private static Delivery delivery(String stored, Procedure procedure, Party party) {
		if (stored != null) {
			return switch (DeliveryMethod.valueOf(stored)) {
				case COUNTER -> Delivery.COUNTER;
				case RESTRICTED_POST -> Delivery.RESTRICTED_POST;
				case PROXY -> Delivery.PROXY_PICKUP;
			};
		}
		if (procedure == Procedure.NEW_CARD_APPLIED_IN_PERSON) {
			return Delivery.RESTRICTED_POST;
		}
		return party == Party.SELF ? Delivery.COUNTER : Delivery.PROXY_PICKUP;
	}

}
