package jp.madoguchi.forms;

import java.time.LocalDate;
import java.util.Set;

import jp.madoguchi.cases.ApplicantType;
import jp.madoguchi.cases.CaseDetail;
import jp.madoguchi.cases.DeliveryMethod;

/**
 * The person a document is made for, as the forms need it. Filled from a case later; a
 * plain record so that a walk-in typed at the counter works the same way.
 *
 * @param id stable key of the person or case, printed nowhere, used in audit records
 * @param name full name as registered, may contain variation sequences (葛󠄀) and non-BMP
 * characters
 * @param nameReading reading in katakana or hiragana
 * @param facilityRoom room in the facility, used for sorting packets
 * @param proxyName the proxy's name when {@code party} is {@link Party#PROXY} or the card
 * is collected by a proxy
 * @param writtenByProxy 代筆: someone else writes the name and the person seals
 * @param hardships reasons the person cannot come to the office (来庁困難), 75+ is derived,
 * not stored
 * @param prefersLargePrint give the large-print leaflet instead of the standard one
 */
public record Applicant(String id, String name, String nameReading, LocalDate birthDate, Sex sex, String postalCode,
		String address, String facility, String facilityRoom, Procedure procedure, Party party, String proxyName,
		String proxyRelationship, boolean wantsFaceAuthCard, boolean wantsStaffRegistration, Delivery delivery,
		boolean writtenByProxy, Set<Hardship> hardships, boolean prefersLargePrint, String remarks) {

	public Applicant {
		hardships = hardships == null ? Set.of() : Set.copyOf(hardships);
	}

	/**
	 * A case's applicant as its roster row described them. Blank wishes count as no,
	 * except the face-auth wish of a switch (設定切替 is a switch to a face-auth card); a
	 * blank 交付方法 is the workflow's own hand-over. A roster names the facility a person
	 * lives in: that is the 施設入所者 category.
	 */
	public static Applicant fromCase(CaseDetail detail) {
		var a = detail.applicant();
		Procedure procedure = switch (a.procedureKind().procedure()) {
			case NEW_CARD_AT_PICKUP -> Procedure.NEW_CARD_COLLECTED_AT_OFFICE;
			case NEW_CARD_AT_APPLICATION -> Procedure.NEW_CARD_APPLIED_IN_PERSON;
			case SWITCH_TO_FACE_AUTH -> Procedure.SWITCH_TO_FACE_AUTH;
		};
		Party party = a.applicantType() == ApplicantType.SELF ? Party.SELF : Party.PROXY;
		boolean faceAuth = procedure == Procedure.SWITCH_TO_FACE_AUTH ? !Boolean.FALSE.equals(a.wantsFaceAuth())
				: Boolean.TRUE.equals(a.wantsFaceAuth());
		String facility = a.facility();
		return new Applicant(Long.toString(detail.id()), a.name(), a.reading(), a.birthDate(), sex(a.sex()),
				postalCode(a.postalCode()), a.address(), facility, a.room(), procedure, party, a.proxyName(),
				a.proxyRelationship(), faceAuth, Boolean.TRUE.equals(a.wantsStaffRegistration()),
				delivery(a.deliveryMethod(), procedure, party), Boolean.TRUE.equals(a.writtenByOther()),
				facility == null || facility.isBlank() ? Set.of() : Set.of(Hardship.FACILITY_RESIDENT), false,
				a.remarks());
	}

	private static Sex sex(String sex) {
		if (sex == null) {
			return null;
		}
		return sex.startsWith("男") ? Sex.MALE : sex.startsWith("女") ? Sex.FEMALE : null;
	}

	private static String postalCode(String digits) {
		return digits != null && digits.length() == 7 ? digits.substring(0, 3) + "-" + digits.substring(3) : digits;
	}

	/** A roster may leave 交付方法 blank: then the workflow's own hand-over decides. */
	private static Delivery delivery(DeliveryMethod stored, Procedure procedure, Party party) {
		if (stored != null) {
			return switch (stored) {
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

	public enum Sex {

		MALE, FEMALE

	}

	/** The three office procedures of the 2024-12-06 notice. */
	public enum Procedure {

		/**
		 * A: new card collected at the office (交付時来庁方式), or certificate issued/renewed.
		 */
		NEW_CARD_COLLECTED_AT_OFFICE,
		/**
		 * B: new card applied for at the office or at outreach intake (申請時来庁方式・出張申請受付).
		 */
		NEW_CARD_APPLIED_IN_PERSON,
		/** C: switch an existing card to face authentication (設定切替). */
		SWITCH_TO_FACE_AUTH

	}

	/** Who does the procedure at the counter: the person (本人) or a proxy (代理人). */
	public enum Party {

		SELF, PROXY

	}

	/** How the card reaches the person. */
	public enum Delivery {

		/** handed over at the counter (窓口). */
		COUNTER,
		/** 本人限定受取郵便. */
		RESTRICTED_POST,
		/** collected by a proxy (代理交付). */
		PROXY_PICKUP

	}

	/** Categories of seed 001 第6 2.(2) for people who cannot come to the office. */
	public enum Hardship {

		FACILITY_RESIDENT, CARE_NEED_CERTIFIED, DISABILITY, LONG_TERM_INPATIENT, ADULT_WARD, WITHDRAWN_AT_HOME,
		SCHOOL_CHILD, HIGH_SCHOOL_STUDENT, PREGNANT, LONG_ABSENCE

	}
}
