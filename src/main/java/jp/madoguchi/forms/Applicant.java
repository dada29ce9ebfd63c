package jp.madoguchi.forms;

import java.time.LocalDate;
import java.util.Set;

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
