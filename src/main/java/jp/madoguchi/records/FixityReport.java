package jp.madoguchi.records;

import java.util.List;

/**
 * A fixity check's result.
 *
 * @param checked the files read again
 * @param mismatches the files that no longer hold what was stored: {@code problem} is
 * {@code ALTERED} (the content no longer hashes to {@code sha256}) or {@code MISSING}
 */
record FixityReport(long checked, List<Mismatch> mismatches) {

	record Mismatch(String recordType, String recordId, String sha256, String problem) {
	}

}
