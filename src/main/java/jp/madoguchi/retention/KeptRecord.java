package jp.madoguchi.retention;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

/**
 * A record as records management counts it.
 *
 * @param position the keeper's order (its row id), for reading a page at a time
 * @param recordId the record's id in the API (a roster's id, a document's id, …)
 * @param sha256 the SHA-256 of the stored file, or, for a record without a file, of its
 * fields as kept
 * @param createdAt when it was stored
 * @param signedAt when the signed paper was received (null when it has not been)
 * @param caseIds the cases it belongs to (a hold on any of them holds it; its retention
 * counted from case closing waits for all of them)
 */
public record KeptRecord(long position, String recordId, String sha256, OffsetDateTime createdAt,
		OffsetDateTime signedAt, List<Long> caseIds) {

	public KeptRecord {
		caseIds = List.copyOf(caseIds);
	}

	/**
	 * The SHA-256 of a record's fields as kept, one per line: for a record without a
	 * file.
	 */
	public static String fieldsSha256(String... fields) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(String.join("\n", fields).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
