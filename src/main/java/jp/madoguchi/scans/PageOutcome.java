package jp.madoguchi.scans;

/** What a scanned page turned out to be. */
public enum PageOutcome {

	/** Its QR code named a document of this municipality and verified. */
	MATCHED,
	/** The back of a duplex scan, or a packet's blank back. */
	BLANK,
	/** A packet's cover sheet. */
	COVER,
	/** Waits for an officer: no readable, verifying code. */
	UNMATCHED,
	/** The page could not be read at all. */
	FAILED,
	/** An officer placed it on a document. */
	ASSIGNED,
	/** An officer set it aside as not a form. */
	NOT_A_FORM

}
