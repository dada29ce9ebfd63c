package jp.madoguchi.reader.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import jp.madoguchi.reader.log.ChainVerifier.Problem;
import jp.madoguchi.reader.log.ChainVerifier.Result;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

	/** Five sealed lines chained from GENESIS, as the writer produces them. */
	static List<String> chain(int count) {
		List<String> lines = new ArrayList<>();
		String prev = ChainVerifier.GENESIS;
		for (int i = 1; i <= count; i++) {
			String line = ChainVerifier.seal("{\"eventId\":\"e" + i + "\",\"caseId\":\"C-" + i + "\",\"note\":\"顔認証\"",
					prev);
			lines.add(line);
			prev = ChainVerifier.hashOf(line);
		}
		return lines;
	}

	@Test
	void hashFollowsTheDocumentedRuleExactly() throws Exception {
		String line = ChainVerifier.seal("{\"eventId\":\"x\"", ChainVerifier.GENESIS);
		String prefix = "{\"eventId\":\"x\",\"prevHash\":\"" + ChainVerifier.GENESIS + "\"";
		String expected = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256")
				.digest((ChainVerifier.GENESIS + "\n" + prefix).getBytes(StandardCharsets.UTF_8)));
		assertEquals(prefix + ",\"hash\":\"" + expected + "\"}", line);
	}

	@Test
	void intactChainVerifiesAndReportsLastHash() {
		List<String> lines = chain(5);
		Result result = ChainVerifier.verify(lines);
		assertTrue(result.intact(), result.message());
		assertEquals(5, result.linesChecked());
		assertEquals(ChainVerifier.hashOf(lines.get(4)), result.lastHash());
	}

	@Test
	void editedLineIsNamed() {
		List<String> lines = chain(5);
		lines.set(2, lines.get(2).replace("C-3", "C-9"));
		Result result = ChainVerifier.verify(lines);
		assertFalse(result.intact());
		assertEquals(3, result.firstBadLine());
		assertEquals(Problem.EDITED, result.problem());
	}

	@Test
	void editedLineWithRecomputedHashStillBreaksTheNextLink() {
		List<String> lines = chain(5);
		String forged = ChainVerifier.seal("{\"eventId\":\"e3\",\"caseId\":\"C-9\",\"note\":\"顔認証\"",
				ChainVerifier.hashOf(lines.get(1)));
		lines.set(2, forged);
		Result result = ChainVerifier.verify(lines);
		assertEquals(4, result.firstBadLine());
		assertEquals(Problem.DELETED_OR_REORDERED, result.problem());
	}

	@Test
	void deletedLineIsNamed() {
		List<String> lines = chain(5);
		lines.remove(1);
		Result result = ChainVerifier.verify(lines);
		assertEquals(2, result.firstBadLine());
		assertEquals(Problem.DELETED_OR_REORDERED, result.problem());
	}

	@Test
	void deletedFirstLineIsNamed() {
		List<String> lines = chain(3);
		lines.remove(0);
		Result result = ChainVerifier.verify(lines);
		assertEquals(1, result.firstBadLine());
		assertEquals(Problem.DELETED_OR_REORDERED, result.problem());
	}

	@Test
	void swappedLinesAreNamed() {
		List<String> lines = chain(5);
		String second = lines.get(1);
		lines.set(1, lines.get(2));
		lines.set(2, second);
		Result result = ChainVerifier.verify(lines);
		assertEquals(2, result.firstBadLine());
		assertEquals(Problem.DELETED_OR_REORDERED, result.problem());
	}

	@Test
	void tornLastLineIsNamed() {
		List<String> lines = chain(4);
		lines.set(3, lines.get(3).substring(0, 40));
		Result result = ChainVerifier.verify(lines);
		assertEquals(4, result.firstBadLine());
		assertEquals(Problem.TORN, result.problem());
		assertEquals(ChainVerifier.hashOf(lines.get(2)), result.lastHash());
	}

	@Test
	void truncatedLineInTheMiddleIsAnEditNotATear() {
		List<String> lines = chain(4);
		lines.set(1, lines.get(1).substring(0, 40));
		Result result = ChainVerifier.verify(lines);
		assertEquals(2, result.firstBadLine());
		assertEquals(Problem.EDITED, result.problem());
	}

	@Test
	void unterminatedCompleteLookingLastLineOfAFileIsTorn() {
		String text = String.join("\n", chain(3));
		Result result = ChainVerifier.verifyText(text);
		assertEquals(3, result.firstBadLine());
		assertEquals(Problem.TORN, result.problem());
		assertTrue(ChainVerifier.verifyText(text + "\n").intact());
	}

	@Test
	void chunkContinuesFromTheHashOfThePreviousChunk() {
		List<String> lines = chain(10);
		Result first = ChainVerifier.verify(lines.subList(0, 6));
		Result second = ChainVerifier.verify(lines.subList(6, 10), first.lastHash(), 7);
		assertTrue(second.intact(), second.message());
		Result wrongStart = ChainVerifier.verify(lines.subList(7, 10), first.lastHash(), 7);
		assertEquals(7, wrongStart.firstBadLine());
	}

	@Test
	void hashesMustBeLowercaseHexOfFullLength() {
		List<String> lines = chain(2);
		String hash = ChainVerifier.hashOf(lines.get(0));
		List<String> upper = new ArrayList<>(lines);
		upper.set(0, lines.get(0).replace(hash, hash.toUpperCase()));
		assertEquals(Problem.EDITED, ChainVerifier.verify(upper).problem());
		assertEquals(null, ChainVerifier.hashOf(lines.get(0).replace(hash + "\"}", hash.substring(1) + "\"}")));
	}

	@Test
	void memberNamesInsideValuesDoNotConfuseTheParser() {
		String line = ChainVerifier.seal("{\"note\":\",\\\"hash\\\":\\\"" + "a".repeat(64) + "\\\"}\"",
				ChainVerifier.GENESIS);
		assertTrue(ChainVerifier.verify(List.of(line)).intact());
	}

}
