package jp.madoguchi.reader.card;

/**
 * The PINs of a My Number card whose remaining tries the adapter reads. AIDs and EF ids
 * are the public values used by open implementations (OpenSC's JPKI driver, jpki/myna).
 */
public enum Pin {

	JPKI_AUTH("jpkiAuth", Aids.JPKI, 0x0018, true),
	CARD_INFO_INPUT("cardInfoInput", Aids.CARD_INFO_INPUT, 0x0011, true),
	RESIDENT_REGISTRY("residentRegistry", Aids.RESIDENT_REGISTRY, 0x001C, true),
	COMMON_AP("commonAp", Aids.COMMON, 0x001C, true),
	/**
	 * The signature password (6–16 characters, 5 tries): reported, but not one of the
	 * 4-digit PINs to lock.
	 */
	JPKI_SIGN("jpkiSign", Aids.JPKI, 0x001B, false);

	private final String jsonName;

	private final byte[] aid;

	private final int efId;

	private final boolean fourDigit;

	Pin(String jsonName, byte[] aid, int efId, boolean fourDigit) {
		this.jsonName = jsonName;
		this.aid = aid;
		this.efId = efId;
		this.fourDigit = fourDigit;
	}

	/** Member name in the event's {@code pins} object. */
	public String jsonName() {
		return jsonName;
	}

	byte[] aid() {
		return aid.clone();
	}

	int efId() {
		return efId;
	}

	/** True for the 4-digit PINs that a face-authentication card must have blocked. */
	public boolean fourDigit() {
		return fourDigit;
	}

}
