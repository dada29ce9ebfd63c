package jp.madoguchi.reader.ship;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.IntUnaryOperator;
import jp.madoguchi.reader.log.ChainVerifier;

/**
 * Writes a large, valid workstation-day file quickly (no fsync per line) for ship tests
 * and the benchmark; lines look like real read events and are sealed with the same rule
 * as the adapter's log.
 */
public final class SyntheticLog {

	private SyntheticLog() {
	}

	public static Path write(Path directory, String workstation, String day, int events) throws IOException {
		return write(directory, workstation, day, events, line -> 0);
	}

	/**
	 * As {@link #write(Path, String, String, int)}; line {@code n} (1-based) gets a
	 * {@code detail} member of {@code detailLength.applyAsInt(n)} characters when that is
	 * positive (a line of any size).
	 */
	public static Path write(Path directory, String workstation, String day, int events, IntUnaryOperator detailLength)
			throws IOException {
		Files.createDirectories(directory);
		Path file = directory.resolve(workstation + "_" + day + ".jsonl");
		String prev = ChainVerifier.GENESIS;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int i = 0; i < events; i++) {
				String open = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"time\":\"" + day + "T10:00:00.000+09:00\","
						+ "\"workstation\":\"" + workstation + "\",\"reader\":\"Virtual PCD 00 00\","
						+ "\"operator\":\"clerk-7\",\"caseId\":\"C-" + i
						+ "\",\"command\":\"read\",\"outcome\":\"READ\"," + "\"card\":{\"fingerprint\":\""
						+ "ab".repeat(32) + "\",\"certSerial\":\"1A2B3C4D\","
						+ "\"notAfter\":\"2036-11-18T10:59:10Z\",\"cardSerialHash\":null},\"pins\":{"
						+ "\"jpkiAuth\":{\"triesLeft\":0,\"state\":\"BLOCKED\",\"sw\":\"63C0\"},"
						+ "\"cardInfoInput\":{\"triesLeft\":0,\"state\":\"BLOCKED\",\"sw\":\"63C0\"},"
						+ "\"residentRegistry\":{\"triesLeft\":0,\"state\":\"BLOCKED\",\"sw\":\"63C0\"},"
						+ "\"commonAp\":{\"triesLeft\":0,\"state\":\"BLOCKED\",\"sw\":\"63C0\"},"
						+ "\"jpkiSign\":{\"triesLeft\":5,\"state\":\"OK\",\"sw\":\"63C5\"}}";
				int detail = detailLength.applyAsInt(i + 1);
				if (detail > 0) {
					open += ",\"detail\":\"" + "x".repeat(detail) + "\"";
				}
				String line = ChainVerifier.seal(open, prev);
				out.write(line);
				out.write('\n');
				prev = ChainVerifier.hashOf(line);
			}
		}
		return file;
	}

}
