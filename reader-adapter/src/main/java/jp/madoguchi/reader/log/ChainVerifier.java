package jp.madoguchi.reader.log;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Checks the hash chain of a device log (one workstation-day file of JSON Lines).
 *
 * <p>
 * The rule, shared with the service (docs/device-log.md): every line is a JSON object
 * that ends with {@code ,"prevHash":"<64 hex>","hash":"<64 hex>"}}. The <em>prefix</em>
 * is the line text up to but excluding {@code ,"hash":"};
 * {@code hash = hex(SHA-256(UTF-8(prevHash + "\n" + prefix)))}; {@code prevHash} is the
 * previous line's hash, or 64 zeros on the first line of a file.
 *
 * <p>
 * Deliberately dependency-free (plain JDK, no JSON library, no smartcardio) so the
 * service can reuse it.
 */
public final class ChainVerifier {

	/** prevHash of the first line of every workstation-day file. */
	public static final String GENESIS = "0".repeat(64);

	private static final String HASH_MEMBER = ",\"hash\":\"";

	private static final String PREV_HASH_MEMBER = ",\"prevHash\":\"";

	/**
	 * Length of {@code ,"prevHash":"<64>","hash":"<64>"}}, the fixed-width tail of every
	 * line.
	 */
	private static final int TAIL_LENGTH = PREV_HASH_MEMBER.length() + 64 + 1 + HASH_MEMBER.length() + 64 + 2;

	private ChainVerifier() {
	}

	/** What is wrong with the first bad line. */
	public enum Problem {

		/**
		 * The line's content does not match its hash, or its chain members are malformed:
		 * it was changed.
		 */
		EDITED,
		/**
		 * The line is intact but does not follow the line before it: a line was deleted
		 * or lines were reordered.
		 */
		DELETED_OR_REORDERED,
		/** The last line is incomplete (a write was interrupted). */
		TORN

	}

	/**
	 * Outcome of a verification. {@code firstBadLine} is 1-based in the numbering the
	 * caller chose (0 when intact); {@code lastHash} is the hash of the last good line
	 * (the value the next line must carry as prevHash).
	 */
	public record Result(boolean intact, int linesChecked, int firstBadLine, Problem problem, String message,
			String lastHash) {

		static Result ok(int lines, String lastHash) {
			return new Result(true, lines, 0, null, "chain intact", lastHash);
		}

		static Result bad(int lineNumber, int checked, Problem problem, String message, String lastHash) {
			return new Result(false, checked, lineNumber, problem, "line " + lineNumber + ": " + message, lastHash);
		}
	}

	/**
	 * Verifies a whole workstation-day file given as its lines (without line
	 * terminators).
	 */
	public static Result verify(List<String> lines) {
		return verify(lines, GENESIS, 1);
	}

	/**
	 * Verifies a run of consecutive lines that continues a chain, e.g. the second
	 * 5,000-line chunk of a file: the first line must carry {@code expectedPrevHash};
	 * line numbers in the result start at {@code firstLineNumber}.
	 */
	public static Result verify(List<String> lines, String expectedPrevHash, int firstLineNumber) {
		Objects.requireNonNull(lines, "lines");
		String previous = Objects.requireNonNull(expectedPrevHash, "expectedPrevHash");
		for (int i = 0; i < lines.size(); i++) {
			int lineNumber = firstLineNumber + i;
			boolean last = i == lines.size() - 1;
			Link link = Link.parse(lines.get(i));
			if (link == null) {
				if (last) {
					return Result.bad(lineNumber, i, Problem.TORN,
							"incomplete last line (interrupted write): no closing prevHash/hash members", previous);
				}
				return Result.bad(lineNumber, i, Problem.EDITED,
						"not a chain link: the line must end with ,\"prevHash\":\"<hex>\",\"hash\":\"<hex>\"}",
						previous);
			}
			if (!hash(link.prevHash, link.prefix).equals(link.hash)) {
				return Result.bad(lineNumber, i, Problem.EDITED, "content does not match its hash (line was edited)",
						previous);
			}
			if (!link.prevHash.equals(previous)) {
				return Result.bad(lineNumber, i, Problem.DELETED_OR_REORDERED,
						"prevHash does not match the previous line's hash (a line was deleted or lines reordered)",
						previous);
			}
			previous = link.hash;
		}
		return Result.ok(lines.size(), previous);
	}

	/**
	 * Verifies the raw text of a file. A last line without a terminating newline is
	 * reported as {@link Problem#TORN} even if it looks complete, because the writer
	 * always ends a line with "\n" in the same write.
	 */
	public static Result verifyText(String text) {
		List<String> lines = splitLines(text);
		boolean unterminated = !text.isEmpty() && !text.endsWith("\n");
		Result result = verify(lines);
		if (result.intact() && unterminated) {
			return Result.bad(lines.size(), lines.size() - 1, Problem.TORN,
					"last line has no terminating newline (interrupted write)", result.lastHash());
		}
		return result;
	}

	/**
	 * Lines of a file's text without their terminators; a trailing newline does not start
	 * a new line.
	 */
	public static List<String> splitLines(String text) {
		List<String> lines = new ArrayList<>();
		int start = 0;
		while (start < text.length()) {
			int end = text.indexOf('\n', start);
			if (end < 0) {
				lines.add(text.substring(start));
				break;
			}
			lines.add(text.substring(start, end));
			start = end + 1;
		}
		return lines;
	}

	/** {@code hex(SHA-256(UTF-8(prevHash + "\n" + prefix)))}. */
	public static String hash(String prevHash, String prefix) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest((prevHash + "\n" + prefix).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}

	/**
	 * Turns the members of an event into a chain link: {@code openObject} is a JSON
	 * object without its closing brace (e.g. {@code {"eventId":"…","time":"…"}); the
	 * result is the complete line text without newline.
	 */
	public static String seal(String openObject, String prevHash) {
		if (!openObject.startsWith("{")) {
			throw new IllegalArgumentException("expected a JSON object without its closing brace");
		}
		if (!isHex64(prevHash, 0)) {
			throw new IllegalArgumentException("prevHash must be 64 lowercase hex digits");
		}
		String separator = openObject.length() > 1 ? "," : "";
		String prefix = openObject + separator + "\"prevHash\":\"" + prevHash + "\"";
		return prefix + HASH_MEMBER + hash(prevHash, prefix) + "\"}";
	}

	/**
	 * The hash a complete line carries, or null if the line is not a well-formed link.
	 */
	public static String hashOf(String line) {
		Link link = Link.parse(line);
		return link == null ? null : link.hash;
	}

	/**
	 * The prevHash a complete line carries, or null if the line is not a well-formed
	 * link.
	 */
	public static String prevHashOf(String line) {
		Link link = Link.parse(line);
		return link == null ? null : link.prevHash;
	}

	/** 64 lowercase hex digits starting at {@code from}. */
	private static boolean isHex64(String text, int from) {
		if (text.length() < from + 64) {
			return false;
		}
		for (int i = from; i < from + 64; i++) {
			char c = text.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return false;
			}
		}
		return true;
	}

	private record Link(String prefix, String prevHash, String hash) {

		/**
		 * Reads the fixed-width tail {@code ,"prevHash":"<64 hex>","hash":"<64 hex>"}} at
		 * the very end of the line (equivalent to the anchored pattern in
		 * docs/device-log.md), so member names inside string values can never be mistaken
		 * for it. Plain index checks: no regex engine to load at every start of the
		 * program.
		 */
		static Link parse(String line) {
			if (line == null || !line.startsWith("{") || line.length() < TAIL_LENGTH + 1) {
				return null;
			}
			int tail = line.length() - TAIL_LENGTH;
			int prevHashAt = tail + PREV_HASH_MEMBER.length();
			int hashMemberAt = prevHashAt + 64 + 1;
			int hashAt = hashMemberAt + HASH_MEMBER.length();
			if (!line.startsWith(PREV_HASH_MEMBER, tail) || !isHex64(line, prevHashAt)
					|| line.charAt(prevHashAt + 64) != '"' || !line.startsWith(HASH_MEMBER, hashMemberAt)
					|| !isHex64(line, hashAt) || !line.startsWith("\"}", hashAt + 64)) {
				return null;
			}
			return new Link(line.substring(0, hashMemberAt), line.substring(prevHashAt, prevHashAt + 64),
					line.substring(hashAt, hashAt + 64));
		}
	}

}
