package jp.madoguchi.reader.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogLineReaderTest {

	@TempDir
	Path dir;

	@Test
	void givesTheSameLinesAsReadingTheWholeFile() throws IOException {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 3000; i++) {
			// Lines longer than the read buffer, non-ASCII text, and empty lines.
			text.append(i % 500 == 0 ? "{\"note\":\"" + "顔認証".repeat(30_000) + "\"}"
					: i % 7 == 0 ? "" : "{\"n\":" + i + "}")
				.append('\n');
		}
		text.append("{\"torn\":");
		Path file = write(text.toString().getBytes(StandardCharsets.UTF_8));
		assertEquals(DailyEventLog.completeLines(file), readAll(file));
	}

	@Test
	void aTornTailIsNoLineAndAnEmptyFileHasNone() throws IOException {
		assertEquals(List.of("a", "b"), readAll(write("a\nb\nc".getBytes(StandardCharsets.UTF_8))));
		assertEquals(List.of(), readAll(write(new byte[0])));
		assertEquals(List.of(), readAll(write("only a torn tail".getBytes(StandardCharsets.UTF_8))));
	}

	@Test
	void bytesThatAreNotUtf8AreAnErrorNotAReplacement() throws IOException {
		Path file = write(new byte[] { 'o', 'k', '\n', (byte) 0xE9, 'x', '\n' });
		try (LogLineReader reader = LogLineReader.open(file)) {
			assertEquals("ok", reader.next());
			assertThrows(CharacterCodingException.class, reader::next);
		}
	}

	private Path write(byte[] bytes) throws IOException {
		Path file = Files.createTempFile(dir, "log", ".jsonl");
		Files.write(file, bytes);
		return file;
	}

	private static List<String> readAll(Path file) throws IOException {
		List<String> lines = new ArrayList<>();
		try (LogLineReader reader = LogLineReader.open(file)) {
			for (String line = reader.next(); line != null; line = reader.next()) {
				lines.add(line);
			}
		}
		return lines;
	}

}
