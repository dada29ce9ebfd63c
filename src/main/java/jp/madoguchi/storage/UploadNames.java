package jp.madoguchi.storage;

import jp.madoguchi.errors.ClientError;

/** The name an uploaded file is kept under: what the user's file was called. */
public final class UploadNames {

	private UploadNames() {
	}

	/**
	 * The file's own name (a browser on Windows may send the full path: only the last
	 * part is kept), {@code fallback} when none was sent; 400 {@code FILE_NAME_TOO_LONG}
	 * above {@code maxCodePoints} characters, never cut.
	 */
	public static String of(String given, String fallback, int maxCodePoints) {
		if (given == null || given.isBlank()) {
			return fallback;
		}
		String base = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1);
		if (base.codePointCount(0, base.length()) > maxCodePoints) {
			throw ClientError.badRequest("FILE_NAME_TOO_LONG", String.valueOf(maxCodePoints)).field("file");
		}
		return base;
	}

}
