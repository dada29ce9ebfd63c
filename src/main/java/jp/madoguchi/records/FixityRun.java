package jp.madoguchi.records;

import java.time.OffsetDateTime;

/**
 * A run of the fixity job.
 *
 * @param id the run (the job instance's {@code run} parameter)
 * @param status {@code STARTED} (under way, or killed: the next start finishes it),
 * {@code COMPLETED} or {@code FAILED}
 * @param startedBy the operator, {@code weekly} or {@code fixity-command}
 * @param checked the files read again so far (committed chunks)
 * @param mismatches the files the run found altered or missing (known when it ends)
 */
record FixityRun(long id, String status, String startedBy, OffsetDateTime startedAt, OffsetDateTime finishedAt,
		long checked, long mismatches) {

	boolean completed() {
		return "COMPLETED".equals(status);
	}

}
