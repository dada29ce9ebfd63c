package jp.madoguchi.retention;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A module that keeps records of one type: lists them with the dates their retention may
 * be counted from, and deletes their content on an approved disposal. Implemented by the
 * module that owns the records' tables; found by the records module as beans.
 */
public interface RecordKeeper {

	/** The record type, e.g. {@code roster-file}. */
	String recordType();

	/**
	 * The municipality's records not disposed, with a position above {@code after}, in
	 * position order, at most {@code limit}.
	 */
	List<KeptRecord> records(long municipalityId, long after, int limit);

	/** Whether the municipality has this record (disposed or not). */
	boolean exists(long municipalityId, String recordId);

	/**
	 * Deletes the content of these records (ids from {@link #records}) in the caller's
	 * transaction, leaving each marked as disposed. Records already disposed are left
	 * alone.
	 * @return the stored files (SHA-256) the disposed records referenced: the caller
	 * deletes each once no record references it any more
	 */
	Set<String> dispose(long municipalityId, Collection<String> recordIds);

	/** Whether its records have stored files (the content store's). */
	boolean keepsFiles();

	/**
	 * Whether a record not disposed (of any municipality) still references this stored
	 * file: a file is stored once for every record that has the same content.
	 */
	boolean references(String sha256);

}
