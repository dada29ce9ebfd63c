package jp.madoguchi.reader.card;

import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the serial number and notAfter of an X.509 certificate straight from its DER
 * structure. The JDK's CertificateFactory would do it too, but loading it costs about 100
 * ms at start-up on a slow counter PC, more than a third of the time budget of a read;
 * the log needs only these two fields.
 */
final class CertificateFields {

	final String serialHex;

	final String notAfter;

	private CertificateFields(String serialHex, String notAfter) {
		this.serialHex = serialHex;
		this.notAfter = notAfter;
	}

	/**
	 * Null when the bytes are not a certificate of the expected shape (the fingerprint is
	 * still logged).
	 */
	static CertificateFields parse(byte[] der) {
		try {
			Reader certificate = new Reader(der, 0, der.length).enter(0x30);
			Reader tbs = certificate.enter(0x30);
			if (tbs.peekTag() == 0xA0) {
				tbs.skip(); // explicit version
			}
			byte[] serial = tbs.value(0x02);
			tbs.skip(); // signature algorithm
			tbs.skip(); // issuer
			Reader validity = tbs.enter(0x30);
			validity.skip(); // notBefore
			int timeTag = validity.peekTag();
			String time = new String(validity.value(timeTag), StandardCharsets.US_ASCII);
			return new CertificateFields(new BigInteger(serial).toString(16).toUpperCase(), instant(timeTag, time));
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	/**
	 * UTCTime (tag 0x17, YYMMDDHHMMSSZ; years 50–99 are 19xx) or GeneralizedTime (0x18,
	 * YYYYMMDDHHMMSSZ).
	 */
	private static String instant(int tag, String time) {
		if (!time.endsWith("Z")) {
			throw new IllegalArgumentException("time without Z");
		}
		String full;
		if (tag == 0x17) {
			int yy = Integer.parseInt(time.substring(0, 2));
			full = (yy >= 50 ? "19" : "20") + time;
		}
		else if (tag == 0x18) {
			full = time;
		}
		else {
			throw new IllegalArgumentException("not a time");
		}
		LocalDateTime utc = LocalDateTime.of(Integer.parseInt(full.substring(0, 4)),
				Integer.parseInt(full.substring(4, 6)), Integer.parseInt(full.substring(6, 8)),
				Integer.parseInt(full.substring(8, 10)), Integer.parseInt(full.substring(10, 12)),
				Integer.parseInt(full.substring(12, 14)));
		return utc.toInstant(ZoneOffset.UTC).toString();
	}

	/** A cursor over the DER elements inside [position, end). */
	private static final class Reader {

		private final byte[] data;

		private int position;

		private final int end;

		Reader(byte[] data, int position, int end) {
			this.data = data;
			this.position = position;
			this.end = end;
		}

		int peekTag() {
			if (position >= end) {
				throw new IllegalArgumentException("end of element");
			}
			return data[position] & 0xFF;
		}

		/** Moves past the next element and returns its content bounds as {start, end}. */
		private int[] next(int expectedTag) {
			int tag = peekTag();
			if (expectedTag >= 0 && tag != expectedTag) {
				throw new IllegalArgumentException("unexpected tag " + tag);
			}
			int at = position + 1;
			int length = data[at++] & 0xFF;
			if (length > 0x80) {
				int count = length & 0x7F;
				if (count > 3) {
					throw new IllegalArgumentException("length too long");
				}
				length = 0;
				for (int i = 0; i < count; i++) {
					length = (length << 8) | (data[at++] & 0xFF);
				}
			}
			else if (length == 0x80) {
				throw new IllegalArgumentException("indefinite length is not DER");
			}
			if (at + length > end) {
				throw new IllegalArgumentException("element overruns its parent");
			}
			position = at + length;
			return new int[] { at, at + length };
		}

		Reader enter(int tag) {
			int[] bounds = next(tag);
			return new Reader(data, bounds[0], bounds[1]);
		}

		byte[] value(int tag) {
			int[] bounds = next(tag);
			return Arrays.copyOfRange(data, bounds[0], bounds[1]);
		}

		void skip() {
			next(-1);
		}

	}

}
