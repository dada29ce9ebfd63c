package jp.madoguchi.cases;

/** How a step came to be recorded. */
public enum StepKind {

	/** In the workflow's order, with what the step needs. */
	NORMAL,
	/** Out of the workflow's order, as a supervisor's exception with a comment. */
	OUT_OF_ORDER,
	/**
	 * {@code LOCK_ALL_PINS} without the card's confirmation, recorded by a supervisor
	 * with a reason: always reported as CRITICAL.
	 */
	LOCK_OVERRIDE

}
