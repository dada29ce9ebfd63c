package jp.madoguchi.scans.reading;

/** Whether a signature or seal box was filled in. */
public enum Verdict {

	SIGNED, UNSIGNED, UNCLEAR

}
