package jp.madoguchi.support;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.reader.log.ChainVerifier;

/**
 * Device-log lines as the reader adapter writes them, sealed into a hash chain with the
 * adapter's own rule.
 */
public final class DeviceLogs {

	private DeviceLogs() {
	}

	/**
	 * {@code outcomes} one per event, e.g. NOT_LOCKED then LOCKED for a card locked at
	 * the counter.
	 */
	public static List<String> chain(String workstation, String caseId, String... outcomes) {
		return chainAt(workstation, caseId, OffsetDateTime.parse("2026-11-21T10:00:00+09:00"), outcomes);
	}

	/** As {@link #chain}, the events one second apart from {@code start}. */
	public static List<String> chainAt(String workstation, String caseId, OffsetDateTime start, String... outcomes) {
		List<String> lines = new ArrayList<>();
		String prev = ChainVerifier.GENESIS;
		int second = 0;
		for (String outcome : outcomes) {
			String state = outcome.equals("LOCKED") ? "BLOCKED" : "OK";
			String sw = outcome.equals("LOCKED") ? "63C0" : "63C3";
			String pin = "{\"triesLeft\":" + (state.equals("BLOCKED") ? 0 : 3) + ",\"state\":\"" + state
					+ "\",\"sw\":\"" + sw + "\"}";
			String time = TIME.format(start.plusSeconds(second++));
			String open = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"time\":\"" + time + "\",\"workstation\":\""
					+ workstation + "\",\"reader\":\"Virtual PCD 00 00\"," + "\"operator\":\"staff-1\",\"caseId\":\""
					+ caseId + "\",\"command\":\"verify-lock\",\"outcome\":\"" + outcome
					+ "\",\"card\":{\"fingerprint\":\"" + "ab".repeat(32) + "\",\"certSerial\":\"1A2B\","
					+ "\"notAfter\":\"2036-11-18T10:59:10Z\",\"cardSerialHash\":null},\"pins\":{\"jpkiAuth\":" + pin
					+ ",\"cardInfoInput\":" + pin + ",\"residentRegistry\":" + pin + ",\"commonAp\":" + pin
					+ ",\"jpkiSign\":{\"triesLeft\":5,\"state\":\"OK\",\"sw\":\"63C5\"}}";
			String line = ChainVerifier.seal(open, prev);
			lines.add(line);
			prev = ChainVerifier.hashOf(line);
		}
		return lines;
	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

	public static String body(List<String> lines) {
		return String.join("\n", lines) + "\n";
	}

}
