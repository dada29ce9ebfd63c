package jp.madoguchi.devicelog;

/**
 * 422 of {@code POST /api/device-events}: the chunk was refused and a finding was
 * recorded. {@code code} is {@code CHAIN_BROKEN} (the chain or the events do not hold) or
 * {@code FIELD_TOO_LONG} (a value wider than its column; {@code field} names it),
 * {@code message} the catalogue's Japanese text, {@code problem} the finding's kind
 * ({@code EDITED}, {@code DELETED_OR_REORDERED}, {@code TORN}, {@code MALFORMED},
 * {@code OTHER_WORKSTATION}, {@code CHAIN_FORKED}, {@code CHAIN_SPLICED},
 * {@code EVENT_REWRITTEN}, {@code OTHER_DAY}, {@code FIELD_TOO_LONG}) and {@code line}
 * the 1-based line of the request body (0: the request itself, e.g. its
 * {@code X-Device-Log-File} header).
 */
record ChainBroken(String code, String message, String problem, int line, String field) {

	static ChainBroken of(BrokenChainException e) {
		return new ChainBroken(e.code(), e.getMessage(), e.problem(), e.line(), e.evidence().field());
	}

}
