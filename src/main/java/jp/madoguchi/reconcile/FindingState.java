package jp.madoguchi.reconcile;

/** Where a finding stands: found, seen by someone (with a comment), or dealt with. */
public enum FindingState {

	OPEN, ACKNOWLEDGED, RESOLVED

}
