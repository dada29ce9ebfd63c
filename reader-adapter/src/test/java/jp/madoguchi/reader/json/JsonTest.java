package jp.madoguchi.reader.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
		assertThrows(IllegalArgumentException.class, () -> JsonParser.parse("{\"a\":1"));
		assertThrows(IllegalArgumentException.class, () -> JsonParser.parse("{\"a\":1} x"));
		assertThrows(IllegalArgumentException.class, () -> JsonParser.parseObject("[1]"));
		assertThrows(IllegalArgumentException.class, () -> JsonParser.parse("{\"a\":tru}"));
	}

}
