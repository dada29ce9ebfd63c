package jp.madoguchi.forms;

import java.util.Arrays;

/**
 * The forms the engine can print; {@link #id()} is the template folder and the API's
 * {@code form=} value.
 */
public enum FormId {

	CONSENT("consent"), MANDATE("mandate"), MANDATE_SWITCH("mandate-switch"), LEAFLET("leaflet"),
	LEAFLET_LARGE("leaflet-large"), APPLICATION("application"), PIN_REQUEST("pin-request"),
	PHOTO_CERTIFICATE("photo-certificate"), CANNOT_VISIT("cannot-visit"), OUTREACH_SHEET("outreach-sheet"),
	CUSTODY_LEDGER("custody-ledger");

	private final String id;

	FormId(String id) {
		this.id = id;
	}

	public String id() {
		return id;
	}

	public static FormId fromId(String id) {
		return Arrays.stream(values())
			.filter(f -> f.id.equals(id))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown form id: " + id));
	}

}
