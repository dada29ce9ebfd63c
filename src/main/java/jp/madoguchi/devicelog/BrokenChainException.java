package jp.madoguchi.devicelog;

/**
 * A shipped chunk whose hash chain does not hold; {@code line} is 1-based within the
 * request body.
 */
class BrokenChainException extends RuntimeException {

	private final int line;

	private final String problem;

	BrokenChainException(int line, String problem, String message) {
		super(message);
		this.line = line;
		this.problem = problem;
	}

	int line() {
		return line;
	}

	String problem() {
		return problem;
	}

}
