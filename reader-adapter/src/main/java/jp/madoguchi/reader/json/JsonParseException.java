package jp.madoguchi.reader.json;

/**
 * Text refused by {@link JsonParser}: what was wrong and where. The message is English,
 * for IT support, and never repeats the text itself (a log line or a reply may carry
 * personal data), only the reason and the offset.
 */
public final class JsonParseException extends RuntimeException {

	private final String reason;

	private final int offset;

	JsonParseException(String reason, int offset) {
		super("invalid JSON: " + reason + " at offset " + offset);
		this.reason = reason;
		this.offset = offset;
	}

	/** What was wrong, e.g. {@code "leading zero in a number"}. */
	public String reason() {
		return reason;
	}

	/**
	 * Where: the index of the offending character in the text (UTF-16 units); for input
	 * given as bytes that are not valid UTF-8, the index of the offending byte.
	 */
	public int offset() {
		return offset;
	}

}
