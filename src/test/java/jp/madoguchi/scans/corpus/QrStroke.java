package jp.madoguchi.scans.corpus;

/** A pen stroke drawn across one of the page's two QR codes (by index in its regions). */
public enum QrStroke {

	NONE, FIRST, SECOND

}
