package jp.madoguchi.reader.log;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The complete lines of a log file, one at a time, as {@link DailyEventLog#completeLines}
 * gives them all at once: split at {@code \n}, an unterminated last segment (a torn tail)
 * is no line, and bytes that are not UTF-8 are an error, never replaced (a replaced
 * character would change the line's hash). Memory is one line and one buffer, whatever
 * the file's size, so {@code ship} does not hold a whole day's log.
 */
public final class LogLineReader implements Closeable {

	private final InputStream in;

	private final byte[] buffer = new byte[64 * 1024];

	private int position;

	private int limit;

	private byte[] line = new byte[2048];

	private int length;

	private final CharsetDecoder strictUtf8 = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private LogLineReader(InputStream in) {
		this.in = in;
	}

	public static LogLineReader open(Path file) throws IOException {
		return new LogLineReader(Files.newInputStream(file));
	}

	/** The next complete line without its {@code \n}, or null at the end. */
	public String next() throws IOException {
		while (true) {
			if (position == limit) {
				int read = in.read(buffer);
				if (read <= 0) {
					// What is left without a newline is a torn tail, not a line.
					return null;
				}
				position = 0;
				limit = read;
			}
			int end = indexOfNewline(position, limit);
			if (end >= 0) {
				append(position, end);
				position = end + 1;
				String text = decode();
				length = 0;
				return text;
			}
			append(position, limit);
			position = limit;
		}
	}

	private int indexOfNewline(int from, int to) {
		for (int i = from; i < to; i++) {
			if (buffer[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	private void append(int from, int to) {
		int count = to - from;
		if (length + count > line.length) {
			line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
		}
		System.arraycopy(buffer, from, line, length, count);
		length += count;
	}

	private String decode() throws IOException {
		for (int i = 0; i < length; i++) {
			if (line[i] < 0) {
				return strictUtf8.reset().decode(ByteBuffer.wrap(line, 0, length)).toString();
			}
		}
		return new String(line, 0, length, StandardCharsets.US_ASCII);
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

}
