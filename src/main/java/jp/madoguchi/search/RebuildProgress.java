package jp.madoguchi.search;

import java.time.OffsetDateTime;

/**
 * Where a rebuild of the search index stands: counts only, no personal data.
 *
 * @param state IDLE (none since the start), QUEUED, RUNNING, DONE or FAILED
 * @param cases cases replayed so far
 * @param entries index entries written so far
 */
public record RebuildProgress(State state, long cases, long entries, OffsetDateTime startedAt,
		OffsetDateTime finishedAt) {

	public enum State {

		IDLE, QUEUED, RUNNING, DONE, FAILED

	}

	static RebuildProgress idle() {
		return new RebuildProgress(State.IDLE, 0, 0, null, null);
	}

	static RebuildProgress queued(OffsetDateTime at) {
		return new RebuildProgress(State.QUEUED, 0, 0, at, null);
	}

	static RebuildProgress running(OffsetDateTime at) {
		return new RebuildProgress(State.RUNNING, 0, 0, at, null);
	}

	RebuildProgress advanced(long cases, long entries) {
		return new RebuildProgress(state, cases, entries, startedAt, finishedAt);
	}

	RebuildProgress done(OffsetDateTime at) {
		return new RebuildProgress(State.DONE, cases, entries, startedAt, at);
	}

	RebuildProgress failed(OffsetDateTime at) {
		return new RebuildProgress(State.FAILED, cases, entries, startedAt, at);
	}

	/** Queued or running. */
	public boolean running() {
		return state == State.QUEUED || state == State.RUNNING;
	}

}
