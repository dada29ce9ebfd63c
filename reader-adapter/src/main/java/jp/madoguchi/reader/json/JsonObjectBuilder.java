package jp.madoguchi.reader.json;

import java.util.Map;

/**
 * Writes one JSON object with members in insertion order. Order matters here: log lines
 * are hashed as text, so the same event must always produce the same bytes.
 */
public final class JsonObjectBuilder {

	private final StringBuilder text = new StringBuilder("{");

	private boolean empty = true;

	public JsonObjectBuilder add(String name, String value) {
		member(name);
		if (value == null) {
			text.append("null");
		}
		else {
			quote(text, value);
		}
		return this;
	}

	public JsonObjectBuilder add(String name, long value) {
		member(name);
		text.append(value);
		return this;
	}

	public JsonObjectBuilder add(String name, Integer value) {
		member(name);
		text.append(value == null ? "null" : value.toString());
		return this;
	}

	public JsonObjectBuilder add(String name, boolean value) {
		member(name);
		text.append(value);
		return this;
	}

	public JsonObjectBuilder add(String name, JsonObjectBuilder object) {
		member(name);
		text.append(object == null ? "null" : object.toJson());
		return this;
	}

	/** Adds string-valued members from a map (in the map's iteration order). */
	public JsonObjectBuilder addAll(Map<String, String> members) {
		members.forEach(this::add);
		return this;
	}

	/** The object without its closing brace, ready for {@code ChainVerifier.seal}. */
	public String toOpenJson() {
		return text.toString();
	}

	public String toJson() {
		return text + "}";
	}

	@Override
	public String toString() {
		return toJson();
	}

	private void member(String name) {
		if (!empty) {
			text.append(',');
		}
		empty = false;
		quote(text, name);
		text.append(':');
	}

	/**
	 * Appends a JSON string literal; non-ASCII (Japanese) stays as UTF-8 text, control
	 * characters are escaped.
	 */
	public static void quote(StringBuilder out, String value) {
		out.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					// U+2028/2029 are legal in JSON but break some line-oriented tools;
					// escape them with controls.
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
						String digits = Integer.toHexString(c);
						out.append("\\u").append("0000", digits.length(), 4).append(digits);
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
