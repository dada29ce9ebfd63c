package jp.madoguchi.reader.card;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * The APDU conversation with a My Number card over any {@link CardChannel} (pcsc-lite,
 * WinSCard, jCardSim). It only uses commands that need no PIN: SELECT, READ BINARY of
 * public EFs and VERIFY without data (which reports the remaining tries without spending
 * one). {@link #block} is the one exception: it sends VERIFY with deliberately wrong
 * values, never a PIN anyone entered.
 */
public final class MyNumberCardProtocol {

	static final int SW_OK = 0x9000;

	private static final int EF_USER_AUTH_CERTIFICATE = 0x000A;

	private static final int EF_CARD_SERIAL = 0x0001;

	// Distinct digit strings: if one happened to be the PIN the counter resets and the
	// next ones still fail.
	private static final String[] WRONG_VALUES = { "0000", "1111", "2222", "3333", "4444", "5555", "6666", "7777",
			"8888", "9999" };

	private static final String CARD_SERIAL_SALT = "madoguchi-card-serial-v1\n";

	private final CardChannel channel;

	/**
	 * The AP currently selected on the card, to skip a repeated SELECT; null when
	 * unknown.
	 */
	private byte[] selectedAid;

	public MyNumberCardProtocol(CardChannel channel) {
		this.channel = channel;
	}

	/**
	 * Identifies the card and reads every PIN's state. APDUs are grouped by AP so each AP
	 * is selected once: every APDU costs time on a real reader.
	 */
	public CardReading read() throws CardException, NotMyNumberCardException {
		Map<Pin, PinStatus> pins = new EnumMap<>(Pin.class);
		CertificateFacts certificate = certificateFacts();
		pins.put(Pin.JPKI_AUTH, pinStatus(Pin.JPKI_AUTH));
		pins.put(Pin.JPKI_SIGN, pinStatus(Pin.JPKI_SIGN));
		String cardSerialHash = cardSerialHash();
		pins.put(Pin.COMMON_AP, pinStatus(Pin.COMMON_AP));
		pins.put(Pin.CARD_INFO_INPUT, pinStatus(Pin.CARD_INFO_INPUT));
		pins.put(Pin.RESIDENT_REGISTRY, pinStatus(Pin.RESIDENT_REGISTRY));
		return new CardReading(certificate.identity(cardSerialHash), pins);
	}

	/**
	 * Checks that this is a My Number card (by selecting the JPKI AP, not by ATR: newer
	 * cards have another ATR) and fingerprints its user-authentication certificate.
	 */
	public CardIdentity identify() throws CardException, NotMyNumberCardException {
		return certificateFacts().identity(cardSerialHash());
	}

	private record CertificateFacts(String fingerprint, String serial, String notAfter) {

		CardIdentity identity(String cardSerialHash) {
			return new CardIdentity(fingerprint, serial, notAfter, cardSerialHash);
		}
	}

	private CertificateFacts certificateFacts() throws CardException, NotMyNumberCardException {
		selectedAid = null; // identification must really select the JPKI AP, whatever
							// happened before
		int sw = selectAid(Aids.JPKI);
		if (sw != SW_OK) {
			throw new NotMyNumberCardException(sw);
		}
		byte[] certificate = readCertificate();
		if (certificate == null) {
			return new CertificateFacts(null, null, null);
		}
		// Unparseable bytes keep their fingerprint; serial and expiry then stay unknown
		// (null).
		CertificateFields fields = CertificateFields.parse(certificate);
		return new CertificateFacts(sha256Hex(certificate), fields == null ? null : fields.serialHex,
				fields == null ? null : fields.notAfter);
	}

	/** Remaining tries of one PIN, via VERIFY without data (does not spend a try). */
	public PinStatus pinStatus(Pin pin) throws CardException {
		int sw = selectPinEf(pin);
		if (sw != SW_OK) {
			return PinStatus.unknown(sw);
		}
		return PinStatus.fromVerifyStatusWord(transmit(new CommandAPDU(0x00, 0x20, 0x00, 0x80)).getSW());
	}

	/**
	 * Blocks a 4-digit PIN by wrong VERIFY attempts until the card reports it blocked.
	 * The caller must already have confirmed the card's identity. Returns the state read
	 * back from the card afterwards.
	 */
	public PinStatus block(Pin pin) throws CardException {
		if (!pin.fourDigit()) {
			throw new IllegalArgumentException(pin + " is not a 4-digit PIN");
		}
		PinStatus status = pinStatus(pin);
		for (int attempt = 0; attempt < WRONG_VALUES.length && status.state() == PinState.OK; attempt++) {
			byte[] wrong = WRONG_VALUES[attempt].getBytes(StandardCharsets.US_ASCII);
			int sw = transmit(new CommandAPDU(0x00, 0x20, 0x00, 0x80, wrong)).getSW();
			if (sw != SW_OK && (sw & 0xFFF0) != 0x63C0 && sw != 0x6983 && sw != 0x6984) {
				break; // the card refuses VERIFY for another reason; report what it says
						// now
			}
			status = PinStatus.fromVerifyStatusWord(transmit(new CommandAPDU(0x00, 0x20, 0x00, 0x80)).getSW());
		}
		return pinStatus(pin);
	}

	private int selectPinEf(Pin pin) throws CardException {
		int sw = selectAid(pin.aid());
		return sw != SW_OK ? sw : selectEf(pin.efId());
	}

	private int selectAid(byte[] aid) throws CardException {
		if (selectedAid != null && Arrays.equals(selectedAid, aid)) {
			return SW_OK;
		}
		int sw = transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x0C, aid)).getSW();
		selectedAid = sw == SW_OK ? aid.clone() : null;
		return sw;
	}

	private int selectEf(int efId) throws CardException {
		return transmit(new CommandAPDU(0x00, 0xA4, 0x02, 0x0C, new byte[] { (byte) (efId >> 8), (byte) efId }))
			.getSW();
	}

	/**
	 * The DER certificate of EF 000A (JPKI AP selected), or null if the card does not
	 * give one out.
	 */
	private byte[] readCertificate() throws CardException {
		if (selectEf(EF_USER_AUTH_CERTIFICATE) != SW_OK) {
			return null;
		}
		// The first block carries the DER header with the total length; one APDU fewer
		// than reading 4 bytes first.
		ResponseAPDU head = readBinary(0, 256);
		if (head.getSW() != SW_OK || head.getData().length < 4 || head.getData()[0] != 0x30) {
			return null;
		}
		int total = derTotalLength(head.getData());
		if (total <= 0 || total > 0x7FFF) {
			return null;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(total);
		out.write(head.getData(), 0, Math.min(total, head.getData().length));
		while (out.size() < total) {
			ResponseAPDU chunk = readBinary(out.size(), Math.min(256, total - out.size()));
			if (chunk.getSW() != SW_OK || chunk.getData().length == 0) {
				return null;
			}
			out.write(chunk.getData(), 0, chunk.getData().length);
		}
		return Arrays.copyOf(out.toByteArray(), total);
	}

	/** Length of the whole DER element (header + content) from its first bytes. */
	private static int derTotalLength(byte[] head) {
		int first = head[1] & 0xFF;
		if (first < 0x80) {
			return 2 + first;
		}
		int lengthBytes = first & 0x7F;
		if (lengthBytes < 1 || lengthBytes > 2 || head.length < 2 + lengthBytes) {
			return -1;
		}
		int length = 0;
		for (int i = 0; i < lengthBytes; i++) {
			length = (length << 8) | (head[2 + i] & 0xFF);
		}
		return 2 + lengthBytes + length;
	}

	/**
	 * The common AP's card serial, salted and hashed: it is personal data and the log
	 * only needs to tell "same physical card" (see docs/device-log.md). Null when the
	 * card does not give it out without a PIN.
	 */
	private String cardSerialHash() throws CardException {
		if (selectAid(Aids.COMMON) != SW_OK || selectEf(EF_CARD_SERIAL) != SW_OK) {
			return null;
		}
		ResponseAPDU response = readBinary(0, 256);
		if ((response.getSW() & 0xFF00) == 0x6C00) {
			int exactLength = response.getSW() & 0xFF; // "wrong Le, use xx"; 00 means 256
			response = readBinary(0, exactLength == 0 ? 256 : exactLength);
		}
		if ((response.getSW() != SW_OK && response.getSW() != 0x6282) || response.getData().length == 0) {
			return null;
		}
		return sha256Hex(
				(CARD_SERIAL_SALT + HexFormat.of().formatHex(response.getData())).getBytes(StandardCharsets.US_ASCII));
	}

	private ResponseAPDU readBinary(int offset, int length) throws CardException {
		return transmit(new CommandAPDU(0x00, 0xB0, (offset >> 8) & 0x7F, offset & 0xFF, length));
	}

	private ResponseAPDU transmit(CommandAPDU command) throws CardException {
		try {
			return channel.transmit(command);
		}
		catch (IllegalArgumentException e) {
			// javax.smartcardio rejects an answer shorter than a status word: seen when a
			// card is pulled mid-APDU.
			throw new CardException("no status word in the card's answer", e);
		}
	}

	static String sha256Hex(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}

}
