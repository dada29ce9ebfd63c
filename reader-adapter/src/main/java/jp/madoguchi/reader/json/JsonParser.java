package jp.madoguchi.reader.json;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON parser (RFC 8259): objects become
 * {@code LinkedHashMap<String,Object>}, arrays {@code List<Object>}, numbers {@code Long}
 * or {@code BigDecimal}, plus String, Boolean and null. It reads the adapter's own log
 * (which decides the card {@code lock} may touch) and the service's replies, so it
 * accepts exactly the RFC 8259 grammar and nothing else, and refuses what would let two
 * readers see different values in the same text:
 * <ul>
 * <li>numbers only as {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?} (no
 * {@code +1}, {@code 01}, {@code .5}, {@code 1.}, hex, NaN or Infinity);</li>
 * <li>strings with the escapes of RFC 8259 only, {@code \}{@code u} followed by exactly
 * four hex digits, no raw control character below U+0020, and well-formed UTF-16: a
 * surrogate (escaped or not) must be a high one followed by a low one, a lone surrogate
 * is refused;</li>
 * <li>the literals {@code true}, {@code false}, {@code null} in lower case; no trailing
 * comma, no comment, no byte order mark; whitespace is space, tab, CR and LF only;
 * nothing but whitespace after the value;</li>
 * <li>duplicate member names in one object are refused (compared after unescaping), where
 * RFC 8259 only says they SHOULD be unique.</li>
 * </ul>
 * Limits (RFC 8259 section 9 lets a parser set them): at most {@value #MAX_DEPTH} nested
 * arrays/objects (checked before descending, so deep input is refused, never a stack
 * overflow), at most {@value #MAX_INPUT} characters (bytes for {@link #parse(byte[])}),
 * numbers of at most {@value #MAX_NUMBER_LENGTH} characters with an exponent of at most
 * {@value #MAX_EXPONENT} in magnitude (so that no caller's {@code longValue()} can be
 * made to compute a number with billions of digits).
 * <p>
 * Every refusal is a {@link JsonParseException} with the reason and the offset; no other
 * exception leaves the parser for any input.
 */
public final class JsonParser {

	/** Deepest nesting of arrays and objects accepted; our lines and replies use 2. */
	public static final int MAX_DEPTH = 64;

	/** Longest input accepted: characters for a String, bytes for UTF-8 input. */
	public static final int MAX_INPUT = 1 << 20;

	/** Longest number accepted, in characters. */
	public static final int MAX_NUMBER_LENGTH = 256;

	/**
	 * Largest exponent magnitude accepted ({@code 1e9999} is, {@code 1e10000} is not).
	 */
	public static final int MAX_EXPONENT = 9999;

	private final String text;

	private int pos;

	private int depth;

	private JsonParser(String text) {
		this.text = text;
	}

	/**
	 * Parses one JSON value that makes up the whole text (whitespace around it aside).
	 */
	public static Object parse(String text) {
		if (text == null) {
			throw new JsonParseException("no text", 0);
		}
		if (text.length() > MAX_INPUT) {
			throw new JsonParseException("text longer than " + MAX_INPUT + " characters", MAX_INPUT);
		}
		JsonParser parser = new JsonParser(text);
		parser.skipWhitespace();
		Object value = parser.value();
		parser.skipWhitespace();
		if (parser.pos != text.length()) {
			throw parser.error("unexpected text after the value");
		}
		return value;
	}

	/**
	 * Parses UTF-8 bytes; bytes that are not well-formed UTF-8 (including overlong forms
	 * and encoded surrogates) are refused, as is a byte order mark.
	 */
	public static Object parse(byte[] utf8) {
		if (utf8 == null) {
			throw new JsonParseException("no text", 0);
		}
		if (utf8.length > MAX_INPUT) {
			throw new JsonParseException("text longer than " + MAX_INPUT + " bytes", MAX_INPUT);
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(utf8);
		CharBuffer out = CharBuffer.allocate(utf8.length);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			throw new JsonParseException("not UTF-8", in.position());
		}
		return parse(out.flip().toString());
	}

	/** Parses an object; refuses the text if it is another kind of value. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> parseObject(String text) {
		Object value = parse(text);
		if (!(value instanceof Map)) {
			throw new JsonParseException("expected a JSON object", firstNonWhitespace(text));
		}
		return (Map<String, Object>) value;
	}

	/** Parses UTF-8 bytes holding an object, as {@link #parse(byte[])}. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> parseObject(byte[] utf8) {
		Object value = parse(utf8);
		if (!(value instanceof Map)) {
			throw new JsonParseException("expected a JSON object", 0);
		}
		return (Map<String, Object>) value;
	}

	private static int firstNonWhitespace(String text) {
		int i = 0;
		while (i < text.length() && isWhitespace(text.charAt(i))) {
			i++;
		}
		return i;
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
			case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> number();
			default -> throw error("unexpected character");
		};
	}

	private Map<String, Object> object() {
		descend();
		Map<String, Object> members = new LinkedHashMap<>();
		pos++;
		skipWhitespace();
		if (peek() == '}') {
			pos++;
			depth--;
			return members;
		}
		while (true) {
			skipWhitespace();
			if (peek() != '"') {
				throw error(pos >= text.length() ? "unexpected end" : "expected a member name");
			}
			int nameAt = pos;
			String name = string();
			if (members.containsKey(name)) {
				pos = nameAt;
				throw error("duplicate member name");
			}
			skipWhitespace();
			expect(':');
			skipWhitespace();
			members.put(name, value());
			skipWhitespace();
			char c = next();
			if (c == '}') {
				depth--;
				return members;
			}
			if (c != ',') {
				pos--;
				throw error("expected , or }");
			}
		}
	}

	private List<Object> array() {
		descend();
		List<Object> items = new ArrayList<>();
		pos++;
		skipWhitespace();
		if (peek() == ']') {
			pos++;
			depth--;
			return items;
		}
		while (true) {
			skipWhitespace();
			items.add(value());
			skipWhitespace();
			char c = next();
			if (c == ']') {
				depth--;
				return items;
			}
			if (c != ',') {
				pos--;
				throw error("expected , or ]");
			}
		}
	}

	private void descend() {
		if (++depth > MAX_DEPTH) {
			throw error("nested deeper than " + MAX_DEPTH + " arrays/objects");
		}
	}

	private String string() {
		pos++; // the opening quote
		StringBuilder out = new StringBuilder();
		int highSurrogateAt = -1; // where an unpaired high surrogate was, or -1
		while (true) {
			int at = pos;
			char c = next();
			if (c == '"') {
				if (highSurrogateAt >= 0) {
					pos = highSurrogateAt;
					throw error("high surrogate without a low surrogate");
				}
				return out.toString();
			}
			if (c < 0x20) {
				pos = at;
				throw error("control character in a string");
			}
			if (c == '\\') {
				c = escaped(at);
			}
			if (highSurrogateAt >= 0 && !Character.isLowSurrogate(c)) {
				pos = highSurrogateAt;
				throw error("high surrogate without a low surrogate");
			}
			if (highSurrogateAt < 0 && Character.isLowSurrogate(c)) {
				pos = at;
				throw error("low surrogate without a high surrogate");
			}
			highSurrogateAt = Character.isHighSurrogate(c) ? at : -1;
			out.append(c);
		}
	}

	/** The character an escape stands for; {@code pos} is just after the backslash. */
	private char escaped(int at) {
		char c = next();
		switch (c) {
			case '"', '\\', '/':
				return c;
			case 'b':
				return '\b';
			case 'f':
				return '\f';
			case 'n':
				return '\n';
			case 'r':
				return '\r';
			case 't':
				return '\t';
			case 'u':
				int value = 0;
				for (int i = 0; i < 4; i++) {
					int digit = hexValue(peek());
					if (digit < 0) {
						pos = at;
						throw error("\\u not followed by four hex digits");
					}
					value = value * 16 + digit;
					pos++;
				}
				return (char) value;
			default:
				pos = at;
				throw error("invalid escape");
		}
	}

	private static int hexValue(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'a' && c <= 'f') {
			return c - 'a' + 10;
		}
		if (c >= 'A' && c <= 'F') {
			return c - 'A' + 10;
		}
		return -1;
	}

	private Object number() {
		int start = pos;
		boolean integer = true;
		if (peek() == '-') {
			pos++;
		}
		if (peek() == '0') {
			if (pos + 1 < text.length() && isDigit(text.charAt(pos + 1))) {
				throw error("leading zero in a number");
			}
			pos++;
		}
		else if (isDigit(peek())) {
			skipDigits();
		}
		else {
			throw error("expected a digit");
		}
		if (peek() == '.') {
			integer = false;
			pos++;
			if (!isDigit(peek())) {
				throw error("expected a digit after the decimal point");
			}
			skipDigits();
		}
		if (peek() == 'e' || peek() == 'E') {
			integer = false;
			pos++;
			if (peek() == '+' || peek() == '-') {
				pos++;
			}
			if (!isDigit(peek())) {
				throw error("expected a digit in the exponent");
			}
			int exponentAt = pos;
			while (peek() == '0') {
				pos++;
			}
			int significant = pos;
			skipDigits();
			if (pos - significant > 4
					|| (pos > significant && Integer.parseInt(text, significant, pos, 10) > MAX_EXPONENT)) {
				pos = exponentAt;
				throw error("exponent beyond " + MAX_EXPONENT);
			}
		}
		if (pos - start > MAX_NUMBER_LENGTH) {
			pos = start;
			throw error("number longer than " + MAX_NUMBER_LENGTH + " characters");
		}
		String digits = text.substring(start, pos);
		if (integer && digits.length() <= 20) {
			try {
				return Long.parseLong(digits);
			}
			catch (NumberFormatException beyondLong) {
				// beyond the range of long: a BigDecimal below
			}
		}
		return new BigDecimal(digits);
	}

	private void skipDigits() {
		while (isDigit(peek())) {
			pos++;
		}
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private Object literal(String word, Object value) {
		if (!text.startsWith(word, pos)) {
			throw error("unexpected literal");
		}
		pos += word.length();
		return value;
	}

	private void skipWhitespace() {
		while (pos < text.length() && isWhitespace(text.charAt(pos))) {
			pos++;
		}
	}

	private static boolean isWhitespace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r';
	}

	/** The next character, or U+0000 at the end (never valid where peek is used). */
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
		if (pos >= text.length()) {
			throw error("unexpected end");
		}
		if (text.charAt(pos) != c) {
			throw error("expected " + c);
		}
		pos++;
	}

	private JsonParseException error(String reason) {
		return new JsonParseException(reason, pos);
	}

}
