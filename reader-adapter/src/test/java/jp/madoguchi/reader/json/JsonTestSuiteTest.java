package jp.madoguchi.reader.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The parsing tests of JSONTestSuite (Nicolas Seriot, MIT; copied with their licence
 * under src/test/resources/jsontestsuite, see the README there): {@code y_} files must be
 * accepted, {@code n_} files refused, {@code i_} files get the decision recorded here.
 */
class JsonTestSuiteTest {

	/**
	 * {@code y_} files the adapter refuses on purpose: duplicate member names (RFC 8259:
	 * names SHOULD be unique; we require it).
	 */
	private static final Set<String> REFUSED_Y = Set.of("y_object_duplicated_key.json",
			"y_object_duplicated_key_and_value.json");

	/**
	 * The {@code i_} files the adapter accepts: numbers beyond long/double whose exponent
	 * stays within ±9999 (as BigDecimal). Every other {@code i_} file is refused:
	 * exponents beyond ±9999, lone or inverted surrogates, bytes that are not UTF-8,
	 * UTF-16, a byte order mark, and 500 nested arrays (depth limit).
	 */
	private static final Set<String> ACCEPTED_I = Set.of("i_number_double_huge_neg_exp.json",
			"i_number_neg_int_huge_exp.json", "i_number_pos_double_huge_exp.json", "i_number_too_big_neg_int.json",
			"i_number_too_big_pos_int.json", "i_number_very_big_negative_int.json");

	@TestFactory
	Stream<DynamicTest> everyYFileIsAccepted() throws IOException {
		return files("y_").map(file -> DynamicTest.dynamicTest(name(file), () -> {
			byte[] bytes = Files.readAllBytes(file);
			if (REFUSED_Y.contains(name(file))) {
				JsonParseException refused = assertThrows(JsonParseException.class, () -> JsonParser.parse(bytes));
				assertEquals("duplicate member name", refused.reason());
			}
			else {
				accepted(bytes);
			}
		}));
	}

	@TestFactory
	Stream<DynamicTest> everyNFileIsRefusedByTheParserItself() throws IOException {
		return files("n_").map(file -> DynamicTest.dynamicTest(name(file), () -> refused(Files.readAllBytes(file))));
	}

	@TestFactory
	Stream<DynamicTest> everyIFileGetsTheDocumentedDecision() throws IOException {
		return files("i_").map(file -> DynamicTest.dynamicTest(name(file), () -> {
			byte[] bytes = Files.readAllBytes(file);
			if (ACCEPTED_I.contains(name(file))) {
				accepted(bytes);
			}
			else {
				refused(bytes);
			}
		}));
	}

	@Test
	void theWholeSuiteIsHere() throws IOException {
		assertEquals(95, files("y_").count());
		assertEquals(188, files("n_").count());
		assertEquals(35, files("i_").count());
		Set<String> all = Set.copyOf(files("").map(JsonTestSuiteTest::name).toList());
		assertTrue(all.containsAll(REFUSED_Y) && all.containsAll(ACCEPTED_I), "listed files exist");
	}

	private static void accepted(byte[] bytes) {
		try {
			JsonParser.parse(bytes);
		}
		catch (JsonParseException e) {
			fail("refused: " + e.getMessage());
		}
	}

	/**
	 * Refused with the parser's own exception; anything else (StackOverflowError,
	 * NumberFormatException, …) fails the test.
	 */
	private static void refused(byte[] bytes) {
		JsonParseException refused = assertThrows(JsonParseException.class, () -> JsonParser.parse(bytes));
		assertTrue(refused.offset() >= 0 && refused.offset() <= bytes.length, "offset within the text");
	}

	private static Stream<Path> files(String prefix) throws IOException {
		URL directory = JsonTestSuiteTest.class.getResource("/jsontestsuite/test_parsing");
		try (Stream<Path> entries = Files.list(Path.of(directory.toURI()))) {
			List<Path> matching = entries.filter(p -> name(p).startsWith(prefix) && name(p).endsWith(".json"))
				.sorted()
				.toList();
			return matching.stream();
		}
		catch (URISyntaxException e) {
			throw new IOException(e);
		}
	}

	private static String name(Path file) {
		return file.getFileName().toString();
	}

}
