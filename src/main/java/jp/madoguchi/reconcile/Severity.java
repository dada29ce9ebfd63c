package jp.madoguchi.reconcile;

/** How bad a finding is; CRITICAL means the card may have left with a usable PIN. */
public enum Severity {

	CRITICAL, MAJOR, MINOR

}
