package jp.madoguchi.search;

/** Where a document stands, as the records officer filters it. */
public enum SearchStatus {

	/** A case whose documents have not been generated yet. */
	NOT_GENERATED,
	/** Printed, no scan received. */
	GENERATED,
	/** Scanned, every page found, the signature box judged signed. */
	SIGNED,
	/** Scanned, the signature box judged empty. */
	UNSIGNED,
	/** Scanned, the signature box could not be judged. */
	UNCLEAR,
	/** Scanned, some pages missing. */
	MISSING_PAGE

}
