package jp.madoguchi.reader.card;

import java.util.HexFormat;

/** Application identifiers of the My Number card's APs. */
public final class Aids {

	public static final byte[] JPKI = hex("D392F000260100000001");

	public static final byte[] CARD_INFO_INPUT = hex("D3921000310001010408");

	public static final byte[] RESIDENT_REGISTRY = hex("D3921000310001010401");

	public static final byte[] COMMON = hex("D3921000310001010100");

	private Aids() {
	}

	private static byte[] hex(String text) {
		return HexFormat.of().parseHex(text);
	}

}
