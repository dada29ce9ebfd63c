package jp.madoguchi.changes;

/** What a change log row's record id names. */
public enum ChangeKind {

	/**
	 * A roster whose cases appeared together (its import completed) or disappeared (an
	 * import discarded): one row for the whole roster, so a 100,000-row import writes
	 * one.
	 */
	ROSTER,
	/**
	 * A case whose documents changed: a document generated, scanned (pages found or
	 * missing, an officer's assignment), or its signature heard of.
	 */
	CASE

}
