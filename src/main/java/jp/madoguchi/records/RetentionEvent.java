package jp.madoguchi.records;

/** What a retention period is counted from. */
enum RetentionEvent {

	/** The record was stored. */
	CREATED,
	/** The record's case was closed (card handed over, or consent refused). */
	CASE_CLOSED,
	/** The signed paper was received. */
	SIGNED

}
