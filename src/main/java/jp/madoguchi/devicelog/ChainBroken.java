package jp.madoguchi.devicelog;

/**
 * 422 of {@code POST /api/device-events}: the chunk's hash chain does not hold and a
 * finding was recorded. {@code code} is {@code CHAIN_BROKEN}, {@code message} the
 * catalogue's Japanese text, {@code problem} the kind ({@code EDITED},
 * {@code DELETED_OR_REORDERED}, {@code TORN}, {@code MALFORMED}, …) and {@code line} the
 * 1-based line of the request body (the reader adapter resumes from it).
 */
record ChainBroken(String code, String message, String problem, int line) {

	static ChainBroken of(BrokenChainException e) {
		return new ChainBroken("CHAIN_BROKEN", e.getMessage(), e.problem(), e.line());
	}

}
