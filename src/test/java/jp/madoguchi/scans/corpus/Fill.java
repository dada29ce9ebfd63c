package jp.madoguchi.scans.corpus;

/** How a form was filled in before it was scanned. */
public enum Fill {

	/** Signature strokes in the signature box and a red seal in the seal box. */
	SIGNATURE_AND_SEAL(BoxMark.STROKES, BoxMark.RED_SEAL),
	/** Only the signature box is written in. */
	SIGNATURE_ONLY(BoxMark.STROKES, BoxMark.EMPTY),
	/** Only a seal (記名押印: the name is printed, the person seals). */
	SEAL_ONLY(BoxMark.EMPTY, BoxMark.RED_SEAL),
	/** Nothing: the form came back unsigned. */
	NOTHING(BoxMark.EMPTY, BoxMark.EMPTY);

	private final BoxMark signature;

	private final BoxMark seal;

	Fill(BoxMark signature, BoxMark seal) {
		this.signature = signature;
		this.seal = seal;
	}

	public BoxMark signature() {
		return signature;
	}

	public BoxMark seal() {
		return seal;
	}

}
