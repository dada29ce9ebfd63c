package jp.madoguchi.scans;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file a scanner writes, told by their first bytes (never by the name a user
 * gave them).
 */
enum ScanFormat {

	PDF("application/pdf"), TIFF("image/tiff"), JPEG("image/jpeg"), PNG("image/png");

	private final String mediaType;

	ScanFormat(String mediaType) {
		this.mediaType = mediaType;
	}

	String mediaType() {
		return mediaType;
	}

	static Optional<ScanFormat> sniff(Path file) throws IOException {
		byte[] head = new byte[8];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, head.length);
		}
		return sniff(Arrays.copyOf(head, n));
	}

	static Optional<ScanFormat> sniff(byte[] head) {
		if (startsWith(head, '%', 'P', 'D', 'F', '-')) {
			return Optional.of(PDF);
		}
		if (startsWith(head, 'I', 'I', 42, 0) || startsWith(head, 'M', 'M', 0, 42)) {
			return Optional.of(TIFF);
		}
		if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
			return Optional.of(JPEG);
		}
		if (startsWith(head, 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n')) {
			return Optional.of(PNG);
		}
		return Optional.empty();
	}

	static ScanFormat ofMediaType(String mediaType) {
		for (ScanFormat f : values()) {
			if (f.mediaType.equals(mediaType)) {
				return f;
			}
		}
		throw new IllegalArgumentException(mediaType);
	}

	private static boolean startsWith(byte[] head, int... expected) {
		if (head.length < expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((head[i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

}
