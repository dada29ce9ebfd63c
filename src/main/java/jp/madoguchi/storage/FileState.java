package jp.madoguchi.storage;

/** What a fixity check found of a stored file. */
public enum FileState {

	/** Its content still hashes to its name. */
	INTACT,
	/** Its content no longer hashes to its name. */
	ALTERED,
	/** It is not in the store. */
	MISSING

}
