package jp.madoguchi.scans.corpus;

/** What a scanned page is, as the reader should recognise it. */
public enum PageKind {

	/** A page of a generated document: two QR codes with the document's id and page. */
	FORM,
	/** A packet's cover sheet: QR codes with the packet's id (template hash "packet"). */
	COVER,
	/** A packet's printed blank back: no text, but QR codes with the packet's id. */
	PACKET_BACK,
	/** The unprinted back of a sheet scanned in duplex: paper, noise, show-through. */
	BLANK,
	/** A page that is no form (a letter, a photocopy), possibly with foreign QR codes. */
	NOT_A_FORM;

	/** True for the pages whose QR codes name a packet rather than a document. */
	public boolean packetPage() {
		return this == COVER || this == PACKET_BACK;
	}

}
