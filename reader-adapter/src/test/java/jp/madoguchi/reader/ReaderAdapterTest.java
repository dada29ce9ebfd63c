package jp.madoguchi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReaderAdapterTest {

	@Test
	void versionPrintsNameAndExitsZero() {
		var out = new ByteArrayOutputStream();
		var err = new ByteArrayOutputStream();
		int code = ReaderAdapter.run(new String[] { "--version" }, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertEquals(0, code);
		assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("madoguchi reader-adapter "));
	}

	@Test
	void unknownCommandExitsNonZeroWithUsage() {
		var out = new ByteArrayOutputStream();
		var err = new ByteArrayOutputStream();
		int code = ReaderAdapter.run(new String[] { "nonsense" }, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertEquals(2, code);
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage"));
	}

}
