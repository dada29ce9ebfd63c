package jp.madoguchi.reader.ship;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import jp.madoguchi.reader.json.JsonParseException;
import jp.madoguchi.reader.json.JsonParser;
import jp.madoguchi.reader.ship.LogShipper.FailureKind;
import jp.madoguchi.reader.ship.LogShipper.ShipException;

/**
 * Turns a refusal of {@code POST /api/device-events} (any 4xx but 413, or 413 for a
 * single line) into a {@link ShipException} with one line of Japanese and one of English
 * that name the code, the file and the line. The answer is read robustly: a JSON object
 * with {@code code}, {@code message} and optionally {@code problem}, {@code line}
 * (1-based in the request body) and {@code field}; anything else (an unreadable or
 * oversized body, unknown codes) still gives a refusal of the class its HTTP status says,
 * never a crash. Text from the service is reduced to one line and bounded before it is
 * shown.
 */
final class Refusals {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

	private static final int MAX_SERVICE_MESSAGE = 200;

	/** Japanese and English description of a tampering kind (422). */
	private record Text(String japanese, String english) {
	}

	private static final Map<String, Text> TAMPERING = Map.ofEntries(
			Map.entry("EDITED", new Text("行の内容が書き換えられています", "a line was edited")),
			Map.entry("DELETED_OR_REORDERED",
					new Text("行が削除されたか、順序が入れ替わっています", "a line was deleted or lines were reordered")),
			Map.entry("UNKNOWN_PREDECESSOR",
					new Text("受信済みのどの行にも続いていません", "the line continues no line the service holds")),
			Map.entry("TORN", new Text("最後の行が途中で切れています", "the last line is incomplete")),
			Map.entry("MALFORMED", new Text("行の形式が正しくありません", "a line is malformed")),
			Map.entry("CHAIN_BROKEN", new Text("ハッシュチェーンが途切れています", "the hash chain is broken")),
			Map.entry("CHAIN_FORKED",
					new Text("受信済みの同じ端末・同じ日のチェーンと分岐しています（2本目のチェーン）",
							"a second chain for a workstation-day the service already holds")),
			Map.entry("CHAIN_SPLICED",
					new Text("別の端末の行がこのチェーンに続けられています", "another workstation's lines continue this chain")),
			Map.entry("CHAIN_SPLICED_IN_CHUNK",
					new Text("別の端末の行がこのチェーンに続けられています", "another workstation's lines continue this chain")),
			Map.entry("EVENT_REWRITTEN",
					new Text("受信済みのイベントが内容を変えて再送されました", "an event the service holds came again with other content")),
			Map.entry("WORKSTATION_MISMATCH",
					new Text("行の端末名がこの送信（端末キー）の端末と一致しません", "a line's workstation is not the one of this chunk or key")),
			Map.entry("OTHER_WORKSTATION",
					new Text("行の端末名がこの送信（端末キー）の端末と一致しません", "a line's workstation is not the one of this chunk or key")),
			Map.entry("MIXED_WORKSTATIONS",
					new Text("1回の送信に複数の端末の行が混ざっています", "lines of several workstations in one chunk")),
			Map.entry("OTHER_DAY", new Text("別の日の行が続けられています", "a line of another day continues the chain")));

	private Refusals() {
	}

	/**
	 * The service's answer to a refused chunk.
	 * @param status the HTTP status (4xx)
	 * @param body the answer, or {@code null} when it was over the size bound
	 * @param file the log file
	 * @param firstLine the file's 1-based line number of the chunk's first line
	 * @param chunkLines the number of lines in the chunk
	 */
	static ShipException of(int status, byte[] body, Path file, int firstLine, int chunkLines) {
		Answer answer = Answer.read(body);
		long lineInBody = answer.line > 0 && answer.line <= chunkLines ? answer.line : 0;
		long absolute = lineInBody > 0 ? firstLine + lineInBody - 1 : 0;
		String code = answer.code;
		String problem = answer.problem;
		if (status == 401 || status == 403) {
			return refusal(FailureKind.UNAUTHORIZED, code, file, 0, firstLine, answer, "HTTP " + status + " の応答です",
					"HTTP " + status);
		}
		if (status == 413) {
			return refusal(FailureKind.TOO_LARGE, code, file, firstLine, firstLine, answer, "1行だけでもサービスの上限を超えています",
					"a single line is over the service's size limit");
		}
		if (status == 422 && (tooLong(code) || tooLong(problem))) {
			String field = answer.field;
			return refusal(FailureKind.TOO_LARGE, tooLong(code) ? code : problem, file, absolute, firstLine, answer,
					field == null ? "値が長すぎる項目があります" : "項目「" + field + "」の値が長すぎます",
					field == null ? "a value is too long" : "the value of " + field + " is too long");
		}
		if (status == 422) {
			Text text = problem != null && TAMPERING.containsKey(problem) ? TAMPERING.get(problem)
					: code != null ? TAMPERING.get(code) : null;
			String shownCode = code == null ? "?"
					: problem != null && !problem.equals(code) ? code + "/" + problem : code;
			if (text == null) {
				text = new Text("この adapter の知らない理由です", "a reason this adapter does not know");
			}
			return refusal(FailureKind.CHAIN_REJECTED, shownCode, file, absolute, firstLine, answer, text.japanese(),
					text.english());
		}
		if ("BAD_DEVICE_LOG_EMPTY".equals(code)) {
			return refusal(FailureKind.BAD_REQUEST, code, file, 0, firstLine, answer, "送信内容が空とされました",
					"the service found the body empty");
		}
		if ("BAD_DEVICE_LOG_TOO_MANY".equals(code)) {
			return refusal(FailureKind.BAD_REQUEST, code, file, 0, firstLine, answer, "1回の送信の行数が多すぎるとされました",
					"too many lines in one request for the service");
		}
		return refusal(FailureKind.BAD_REQUEST, code, file, absolute, firstLine, answer,
				"HTTP " + status + " の応答です（この adapter の知らない拒否）",
				"HTTP " + status + ", a refusal this adapter does not know");
	}

	private static boolean tooLong(String code) {
		return code != null && code.endsWith("_TOO_LONG");
	}

	private static ShipException refusal(FailureKind kind, String code, Path file, long line, int firstLine,
			Answer answer, String japanese, String english) {
		String name = file.getFileName().toString();
		String shownCode = code == null ? "?" : code;
		String where = line > 0 ? name + " " + line + "行目" : name;
		String whereEnglish = line > 0 ? name + " line " + line : name;
		String kept = kind == FailureKind.UNAUTHORIZED ? ""
				: "。" + firstLine + "行目以降は未送信です（次回の ship で" + firstLine + "行目から送ります）";
		String keptEnglish = kind == FailureKind.UNAUTHORIZED ? ""
				: "; nothing from line " + firstLine + " on was sent, the next ship starts there";
		String service = answer.message == null ? "" : "。サービスの説明: " + answer.message;
		String unreadable = answer.unreadable == null ? "" : "; answer unreadable: " + answer.unreadable;
		return new ShipException(kind, file, line, shownCode,
				japanese + " [" + shownCode + ", " + where + "]" + kept + service,
				english + " [" + shownCode + ", " + whereEnglish + "]" + keptEnglish + unreadable);
	}

	/** What could be read from an answer body; every member may be null or 0. */
	private record Answer(String code, String problem, String message, String field, long line, String unreadable) {

		static Answer read(byte[] body) {
			if (body == null) {
				return new Answer(null, null, null, null, 0,
						"over " + LogShipper.MAX_ANSWER_BYTES + " bytes, not read");
			}
			if (body.length == 0) {
				return new Answer(null, null, null, null, 0, null);
			}
			Map<String, Object> json;
			try {
				json = JsonParser.parseObject(body);
			}
			catch (JsonParseException e) {
				return new Answer(null, null, null, null, 0, e.getMessage());
			}
			return new Answer(code(json.get("code")), code(json.get("problem")), oneLine(json.get("message")),
					fieldName(json.get("field")), line(json.get("line")), null);
		}

		private static String code(Object value) {
			return value instanceof String s && CODE.matcher(s).matches() ? s : null;
		}

		private static String fieldName(Object value) {
			return value instanceof String s && s.matches("[A-Za-z0-9._-]{1,64}") ? s : null;
		}

		private static long line(Object value) {
			if (value instanceof Number n) {
				return n.longValue();
			}
			if (value instanceof String s && s.matches("[0-9]{1,9}")) {
				return Long.parseLong(s);
			}
			return 0;
		}

		/**
		 * The service's text on one line: control characters become spaces, at most
		 * {@value #MAX_SERVICE_MESSAGE} characters.
		 */
		private static String oneLine(Object value) {
			if (!(value instanceof String s)) {
				return null;
			}
			String flat = s.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+", " ").strip();
			if (flat.isEmpty()) {
				return null;
			}
			return flat.length() > MAX_SERVICE_MESSAGE ? flat.substring(0, MAX_SERVICE_MESSAGE) + "…" : flat;
		}

	}

}
