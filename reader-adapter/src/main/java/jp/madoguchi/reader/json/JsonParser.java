package jp.madoguchi.reader.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON parser: objects become {@code LinkedHashMap<String,Object>}, arrays
 * {@code List<Object>}, numbers {@code Long} or {@code BigDecimal}, plus String, Boolean
 * and null. Enough to read our own log lines and the service's replies without a library
 * on the counter PC.
 */
public final class JsonParser {

	private final String text;

	private int pos;

	private JsonParser(String text) {
		this.text = text;
	}

	public static Object parse(String text) {
		JsonParser parser = new JsonParser(text);
		parser.skipWhitespace();
		Object value = parser.value();
		parser.skipWhitespace();
		if (parser.pos != text.length()) {
			throw parser.error("unexpected text after the value");
		}
		return value;
	}

	/** Parses an object; fails if the text is another kind of value. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> parseObject(String text) {
		Object value = parse(text);
		if (!(value instanceof Map)) {
			throw new IllegalArgumentException("expected a JSON object");
		}
		return (Map<String, Object>) value;
	}

	private Object value() {
		if (pos >= text.length()) {
			throw error("unexpected end");
		}
		char c = text.charAt(pos);
		return switch (c) {
			case '{' -> object();
			case '[' -> array();
			case '"' -> string();
			case 't' -> literal("true", Boolean.TRUE);
			case 'f' -> literal("false", Boolean.FALSE);
			case 'n' -> literal("null", null);
			default -> number();
		};
	}

	private Map<String, Object> object() {
		Map<String, Object> members = new LinkedHashMap<>();
		pos++;
		skipWhitespace();
		if (peek() == '}') {
			pos++;
			return members;
		}
		while (true) {
			skipWhitespace();
			if (peek() != '"') {
				throw error("expected a member name");
			}
			String name = string();
			skipWhitespace();
			expect(':');
			skipWhitespace();
			members.put(name, value());
			skipWhitespace();
			char c = next();
			if (c == '}') {
				return members;
			}
			if (c != ',') {
				throw error("expected , or }");
			}
		}
	}

	private List<Object> array() {
		List<Object> items = new ArrayList<>();
		pos++;
		skipWhitespace();
		if (peek() == ']') {
			pos++;
			return items;
		}
		while (true) {
			skipWhitespace();
			items.add(value());
			skipWhitespace();
			char c = next();
			if (c == ']') {
				return items;
			}
			if (c != ',') {
				throw error("expected , or ]");
			}
		}
	}

	private String string() {
		expect('"');
		StringBuilder out = new StringBuilder();
		while (true) {
			char c = next();
			if (c == '"') {
				return out.toString();
			}
			if (c < 0x20) {
				throw error("control character in string");
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			char escaped = next();
			switch (escaped) {
				case '"', '\\', '/' -> out.append(escaped);
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'u' -> {
					if (pos + 4 > text.length()) {
						throw error("bad \\u escape");
					}
					out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
					pos += 4;
				}
				default -> throw error("bad escape");
			}
		}
	}

	private Object number() {
		int start = pos;
		while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
			pos++;
		}
		String digits = text.substring(start, pos);
		if (digits.isEmpty()) {
			throw error("unexpected character");
		}
		try {
			if (digits.matches("-?\\d{1,18}")) {
				return Long.parseLong(digits);
			}
			return new BigDecimal(digits);
		}
		catch (NumberFormatException e) {
			throw error("bad number");
		}
	}

	private Object literal(String word, Object value) {
		if (!text.startsWith(word, pos)) {
			throw error("unexpected literal");
		}
		pos += word.length();
		return value;
	}

	private void skipWhitespace() {
		while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
			pos++;
		}
	}

	private char peek() {
		return pos < text.length() ? text.charAt(pos) : '\0';
	}

	private char next() {
		if (pos >= text.length()) {
			throw error("unexpected end");
		}
		return text.charAt(pos++);
	}

	private void expect(char c) {
		if (next() != c) {
			throw error("expected " + c);
		}
	}

	private IllegalArgumentException error(String what) {
		return new IllegalArgumentException("JSON: " + what + " at offset " + pos);
	}

}
