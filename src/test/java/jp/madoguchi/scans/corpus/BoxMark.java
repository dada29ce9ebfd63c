package jp.madoguchi.scans.corpus;

/** What was put into a signature or seal box before scanning. */
public enum BoxMark {

	/** Left as printed. */
	EMPTY,
	/** Handwriting-like pen strokes (a name written by hand). */
	STROKES,
	/** A red seal: a ring with a character inside, patchy as real seal ink is. */
	RED_SEAL;

	public boolean signed() {
		return this != EMPTY;
	}

}
