package jp.madoguchi.reader.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

	@Test
	void writtenObjectsParseBackWithOrderAndEscapesKept() {
		String json = new JsonObjectBuilder().add("text", "顔認証 \"q\" \\ \n\t\u0001\u2028")
			.add("n", 42L)
			.add("none", (String) null)
			.add("yes", true)
			.add("inner", new JsonObjectBuilder().add("k", (Integer) null))
			.toJson();
		assertEquals("{\"text\":\"顔認証 \\\"q\\\" \\\\ \\n\\t\\u0001\\u2028\",\"n\":42,\"none\":null,\"yes\":true,"
				+ "\"inner\":{\"k\":null}}", json);
		Map<String, Object> parsed = JsonParser.parseObject(json);
		assertEquals(List.of("text", "n", "none", "yes", "inner"), List.copyOf(parsed.keySet()));
		assertEquals("顔認証 \"q\" \\ \n\t\u0001\u2028", parsed.get("text"));
		assertEquals(42L, parsed.get("n"));
	}

	@Test
	void parsesArraysNumbersAndWhitespace() {
		Object value = JsonParser.parse(" [1, -2.5e3, \"\\u0041\", [], {}, false] ");
		assertEquals(Arrays.asList(1L, new BigDecimal("-2.5e3"), "A", List.of(), Map.of(), false), value);
	}

	@Test
	void rejectsMalformedText() {
		assertThrows(JsonParseException.class, () -> JsonParser.parse("{\"a\":1"));
		assertThrows(JsonParseException.class, () -> JsonParser.parse("{\"a\":1} x"));
		assertThrows(JsonParseException.class, () -> JsonParser.parseObject("[1]"));
		assertThrows(JsonParseException.class, () -> JsonParser.parse("{\"a\":tru}"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			[+1]             | 1  | unexpected character
			[01]             | 1  | leading zero in a number
			[-01]            | 2  | leading zero in a number
			[.5]             | 1  | unexpected character
			[5.]             | 3  | expected a digit after the decimal point
			[1e]             | 3  | expected a digit in the exponent
			[1e+]            | 4  | expected a digit in the exponent
			[-]              | 2  | expected a digit
			[0x10]           | 2  | expected , or ]
			[Infinity]       | 1  | unexpected character
			[NaN]            | 1  | unexpected character
			`["\\u-041"]`    | 2  | \\u not followed by four hex digits
			`["\\u004"]`     | 2  | \\u not followed by four hex digits
			`["\\x41"]`      | 2  | invalid escape
			`["\\'"]`        | 2  | invalid escape
			`["\\uD800"]`    | 2  | high surrogate without a low surrogate
			`["\\uD800\\u0041"]` | 2 | high surrogate without a low surrogate
			`["\\uDC00\\uD800"]` | 2 | low surrogate without a high surrogate
			`[1,]`           | 3  | unexpected character
			`{"a":1,}`       | 7  | expected a member name
			`[1 2]`          | 3  | expected , or ]
			`{"a" 1}`        | 5  | expected :
			[True]           | 1  | unexpected character
			[nul]            | 1  | unexpected literal
			`[] []`          | 3  | unexpected text after the value
			`{"a":1,"a":1}`  | 7  | duplicate member name
			`{"a":1,"\\u0061":2}` | 7 | duplicate member name
			`{"x":{"a":[],"b":{},"a":null}}` | 20 | duplicate member name
			`[1] // note`    | 4  | unexpected text after the value
			``               | 0  | unexpected end
			`[`              | 1  | unexpected end
			""")
	void refusesWhatRfc8259DoesNotAllowWithReasonAndOffset(String text, int offset, String reason) {
		JsonParseException refused = assertThrows(JsonParseException.class, () -> JsonParser.parse(text));
		assertEquals(reason, refused.reason(), text);
		assertEquals(offset, refused.offset(), text);
		assertEquals("invalid JSON: " + reason + " at offset " + offset, refused.getMessage());
	}

	@Test
	void refusesRawControlCharactersAndAByteOrderMark() {
		assertEquals("control character in a string",
				assertThrows(JsonParseException.class, () -> JsonParser.parse("[\"a\tb\"]")).reason());
		assertEquals("control character in a string",
				assertThrows(JsonParseException.class, () -> JsonParser.parse("[\"a\u0000\"]")).reason());
		assertEquals(0, assertThrows(JsonParseException.class, () -> JsonParser.parse("\uFEFF{}")).offset());
		assertEquals(0, assertThrows(JsonParseException.class, () -> JsonParser.parse("\u00A0[]")).offset());
		assertThrows(JsonParseException.class, () -> JsonParser.parse("[\"\uD800\"]"), "raw lone surrogate");
	}

	@Test
	void acceptsTheWholeGrammar() {
		assertEquals(Arrays.asList(0L, -0L, 10L, -1L, new BigDecimal("0.5"), new BigDecimal("1E+400"),
				new BigDecimal("-1.5e-9999"), Long.MAX_VALUE, Long.MIN_VALUE, new BigDecimal("9223372036854775808")),
				JsonParser.parse("[0,-0,10,-1,0.5,1E+0400,-1.5e-9999,9223372036854775807,-9223372036854775808,"
						+ "9223372036854775808]"));
		assertEquals(List.of("\"\\/\b\f\n\r\t\u00e9\uD834\uDD1E\uD834\uDD1E\u007f"),
				JsonParser.parse(" \t\r\n[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00E9\\ud834\\udd1e\uD834\uDD1E\u007f\"] \n"));
		assertEquals(Arrays.asList(true, false, null, Map.of(), List.of()),
				JsonParser.parse("[true,false,null,{},[]]"));
	}

	@Test
	void refusesNumbersThatNoCallerCouldUseCheaply() {
		assertEquals("exponent beyond 9999",
				assertThrows(JsonParseException.class, () -> JsonParser.parse("[1e10000]")).reason());
		assertEquals("exponent beyond 9999",
				assertThrows(JsonParseException.class, () -> JsonParser.parse("{\"accepted\":1e999999999}")).reason());
		assertEquals(new BigDecimal("1e9999"), JsonParser.parse("1e00009999"));
		String longest = "1" + "0".repeat(JsonParser.MAX_NUMBER_LENGTH - 1);
		assertEquals(new BigDecimal(longest), JsonParser.parse(longest));
		assertEquals("number longer than 256 characters",
				assertThrows(JsonParseException.class, () -> JsonParser.parse(longest + "0")).reason());
	}

	@Test
	void aHundredThousandOpeningBracketsAreRefusedByTheDepthLimitNotTheStack() {
		JsonParseException arrays = assertThrows(JsonParseException.class, () -> JsonParser.parse("[".repeat(100_000)));
		assertEquals("nested deeper than 64 arrays/objects", arrays.reason());
		assertEquals(64, arrays.offset());
		JsonParseException objects = assertThrows(JsonParseException.class,
				() -> JsonParser.parse("{\"a\":".repeat(100_000)));
		assertEquals("nested deeper than 64 arrays/objects", objects.reason());
		String deepest = "[".repeat(JsonParser.MAX_DEPTH) + "]".repeat(JsonParser.MAX_DEPTH);
		assertEquals(List.of(), flatten(JsonParser.parse(deepest)));
		assertThrows(JsonParseException.class, () -> JsonParser.parse("[" + deepest + "]"));
	}

	@Test
	void refusesInputBeyondTheSizeLimit() {
		String largest = "\"" + "a".repeat(JsonParser.MAX_INPUT - 2) + "\"";
		assertEquals(JsonParser.MAX_INPUT - 2, ((String) JsonParser.parse(largest)).length());
		JsonParseException tooLong = assertThrows(JsonParseException.class, () -> JsonParser.parse(largest + " "));
		assertEquals(JsonParser.MAX_INPUT, tooLong.offset());
		assertThrows(JsonParseException.class,
				() -> JsonParser.parse((largest + " ").getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void bytesMustBeUtf8() {
		assertEquals(Map.of("名", "窓口"), JsonParser.parseObject("{\"名\":\"窓口\"}".getBytes(StandardCharsets.UTF_8)));
		JsonParseException latin1 = assertThrows(JsonParseException.class,
				() -> JsonParser.parse(new byte[] { '[', '"', (byte) 0xE9, '"', ']' }));
		assertEquals("not UTF-8", latin1.reason());
		assertEquals(2, latin1.offset());
		assertThrows(JsonParseException.class,
				() -> JsonParser.parse(new byte[] { '[', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ']' }),
				"an encoded surrogate");
		assertThrows(JsonParseException.class,
				() -> JsonParser.parse(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}' }),
				"a byte order mark");
		assertThrows(JsonParseException.class, () -> JsonParser.parse((byte[]) null));
		assertThrows(JsonParseException.class, () -> JsonParser.parse((String) null));
	}

	/** Unwraps single-element lists down to the innermost value. */
	private static Object flatten(Object value) {
		while (value instanceof List<?> list && list.size() == 1) {
			value = list.get(0);
		}
		return value;
	}

}
