package jp.madoguchi.scans.corpus;

import jp.madoguchi.forms.Region;

/** A signature or seal box of a scanned page and what was put into it. */
public record BoxTruth(Region region, BoxMark mark) {

	public boolean signed() {
		return mark.signed();
	}

}
