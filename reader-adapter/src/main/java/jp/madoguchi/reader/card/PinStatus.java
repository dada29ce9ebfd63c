package jp.madoguchi.reader.card;

/**
 * One PIN's state: remaining tries when the card said so ({@code 63Cx}), the state, and
 * the raw status word (4 upper-case hex digits) the decision was made from, so the log
 * shows exactly what the card answered.
 */
public record PinStatus(Integer triesLeft, PinState state, String sw) {

	static PinStatus fromVerifyStatusWord(int sw) {
		if ((sw & 0xFFF0) == 0x63C0) {
			int tries = sw & 0x000F;
			return new PinStatus(tries, tries == 0 ? PinState.BLOCKED : PinState.OK, hex(sw));
		}
		// 6984 (reference data not usable) and 6983 (authentication method blocked) both
		// mean blocked.
		if (sw == 0x6984 || sw == 0x6983) {
			return new PinStatus(0, PinState.BLOCKED, hex(sw));
		}
		return unknown(sw);
	}

	static PinStatus unknown(int sw) {
		return new PinStatus(null, PinState.UNKNOWN, hex(sw));
	}

	static String hex(int sw) {
		String digits = Integer.toHexString(sw & 0xFFFF).toUpperCase();
		return "0000".substring(digits.length()) + digits;
	}
}
