package jp.madoguchi.devicelog;

/**
 * A shipped chunk the service refuses, with the evidence its finding keeps. {@code line}
 * is 1-based within the request body (0 when the refusal is about the request, not a
 * line); {@code problem} is the finding's kind (EDITED, CHAIN_FORKED, FIELD_TOO_LONG, …).
 */
class BrokenChainException extends RuntimeException {

	private final int line;

	private final String problem;

	private final Evidence evidence;

	BrokenChainException(int line, String problem, Evidence evidence, String message) {
		super(message, null, false, false);
		this.line = line;
		this.problem = problem;
		this.evidence = evidence;
	}

	int line() {
		return line;
	}

	String problem() {
		return problem;
	}

	Evidence evidence() {
		return evidence;
	}

	/** The code of the answer: FIELD_TOO_LONG for a too-long value, else CHAIN_BROKEN. */
	String code() {
		return "FIELD_TOO_LONG".equals(problem) ? "FIELD_TOO_LONG" : "CHAIN_BROKEN";
	}

	/**
	 * What a finding keeps beyond its kind and line; any of it may be null.
	 * {@code messageArgs} follow the line number in the catalogue text
	 * {@code CHAIN_BROKEN_<messageKey>}.
	 */
	record Evidence(String messageKey, String workstation, String expectedHash, String receivedHash, String eventId,
			String caseRef, String field, Object... messageArgs) {

		static Evidence of(String messageKey) {
			return new Evidence(messageKey, null, null, null, null, null, null);
		}

	}

}
