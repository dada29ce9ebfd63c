package jp.madoguchi.reader.card;

/** The card in the reader does not have the JPKI AP, so it is not a My Number card. */
public final class NotMyNumberCardException extends Exception {

	private final String sw;

	NotMyNumberCardException(int sw) {
		super("JPKI AP not found (SW " + PinStatus.hex(sw) + ")");
		this.sw = PinStatus.hex(sw);
	}

	/** Status word of the failed SELECT. */
	public String sw() {
		return sw;
	}

}
