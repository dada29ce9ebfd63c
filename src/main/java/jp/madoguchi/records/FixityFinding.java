package jp.madoguchi.records;

import java.time.OffsetDateTime;

/**
 * A record whose stored file was found altered or missing; no name, no content.
 *
 * @param recordType {@code roster-file} or {@code scan-original}
 * @param recordId the record's id, as its module names it
 * @param sha256 the SHA-256 the file was stored under
 * @param problem {@code ALTERED} or {@code MISSING}
 * @param firstFoundAt the start of the first run that found it
 * @param lastFoundAt the start of the latest run that found it
 * @param state {@code OPEN}, or {@code RESOLVED} once a later run found the file intact
 */
record FixityFinding(long id, String recordType, String recordId, String sha256, String problem,
		OffsetDateTime firstFoundAt, OffsetDateTime lastFoundAt, String state) {

	/** The record type's message key ({@code RECORD_TYPE_ROSTER_FILE}), for the page. */
	public String recordTypeKey() {
		return RecordType.of(recordType).map(t -> "RECORD_TYPE_" + t.name()).orElseThrow();
	}

}
