package jp.madoguchi.forms.internal.pdf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Document ids and the QR payload. Crockford base32 (no I, L, O, U) is readable when
 * printed and fits the QR alphanumeric mode, which keeps the symbol at version 2 (25
 * modules).
 */
public final class DocumentIds {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	public static final String PAYLOAD_PREFIX = "MDG1";

	private DocumentIds() {
	}

	/** 10 characters = 50 random bits. */
	public static String next() {
		long bits = RANDOM.nextLong();
		char[] id = new char[10];
		for (int i = 0; i < id.length; i++) {
			id[i] = ALPHABET[(int) (bits & 31)];
			bits >>>= 5;
		}
		return new String(id);
	}

	/**
	 * {@code MDG1:<id>:<page>/<pages>:<code>}, all in the QR alphanumeric character set.
	 */
	public static String payload(String documentId, int page, int pages, String templateSha256) {
		return PAYLOAD_PREFIX + ":" + documentId + ":" + page + "/" + pages + ":"
				+ integrityCode(documentId, page, pages, templateSha256);
	}

	/**
	 * A short code binding id, page and template hash, so that a misread or a page from
	 * another document version is noticed by the scanner; not a signature.
	 */
	public static String integrityCode(String documentId, int page, int pages, String templateSha256) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest((documentId + "|" + page + "|" + pages + "|" + templateSha256)
					.getBytes(StandardCharsets.UTF_8));
			int bits = ((hash[0] & 0xff) << 12) | ((hash[1] & 0xff) << 4) | ((hash[2] & 0xff) >>> 4);
			char[] code = new char[4];
			for (int i = 3; i >= 0; i--) {
				code[i] = ALPHABET[bits & 31];
				bits >>>= 5;
			}
			return new String(code);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
