package jp.madoguchi.reader.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.nio.charset.StandardCharsets;

/**
 * The data behind the emulated My Number card: PIN counters per AP, the
 * user-authentication certificate and the card serial. Plain Java shared by the applet
 * instances (one per AP) running in jCardSim; in the VSmartCard child process it is built
 * from system properties.
 */
public final class EmulatedMyNumberCard {

	/** The states the issue asks the emulator to cover. */
	public enum State {

		/** Every PIN has all its tries (3, signature password 5). */
		FRESH,
		/**
		 * Staff set a temporary PIN ("0000", one of the values lock tries) to register
		 * the card; tries full.
		 */
		TEMPORARY_PIN_SET,
		/** Three 4-digit PINs blocked, the resident-registry PIN still has 2 tries. */
		PARTLY_LOCKED,
		/**
		 * Every 4-digit PIN blocked; two APs answer with 6984 / 6983 instead of 63C0, as
		 * some cards do.
		 */
		FULLY_LOCKED,
		/** A Java Card without the My Number APs. */
		NOT_A_MY_NUMBER_CARD

	}

	public static final String JPKI = "D392F000260100000001";

	public static final String CARD_INFO_INPUT = "D3921000310001010408";

	public static final String RESIDENT_REGISTRY = "D3921000310001010401";

	public static final String COMMON = "D3921000310001010100";

	public static final String OTHER_CARD = "A000000151000000";

	static final String STATE_PROPERTY = "madoguchi.emulator.state";
	static final String CERTIFICATE_PROPERTY = "madoguchi.emulator.certificate";

	/**
	 * In the VSmartCard process: after this many APDUs the process dies, as if the card
	 * were pulled out.
	 */
	static final String VANISH_AFTER_PROPERTY = "madoguchi.emulator.vanishAfterApdus";

	private static volatile EmulatedMyNumberCard current;

	final State state;

	final byte[] certificate;

	final byte[] cardSerial;

	private final Map<String, Map<Integer, EmulatedPin>> pinsByAp = new HashMap<>();

	private volatile int apduCount;

	private volatile int removeAfterApdus = -1;

	private volatile Runnable removal;

	/**
	 * A PIN EF: value, counter and the status words this card uses when it is blocked.
	 */
	static final class EmulatedPin {

		final int maxTries;

		final byte[] value;

		int triesLeft;

		int blockedQueryStatusWord = 0x63C0;

		int blockedVerifyStatusWord = 0x6984;

		EmulatedPin(int maxTries, int triesLeft, String value) {
			this.maxTries = maxTries;
			this.triesLeft = triesLeft;
			this.value = value.getBytes(StandardCharsets.US_ASCII);
		}

	}

	private EmulatedMyNumberCard(State state, String certificateName) {
		this.state = state;
		this.certificate = resource("/emulator/" + certificateName + "-auth-cert.der");
		this.cardSerial = ("SERIAL-" + certificateName).getBytes(StandardCharsets.US_ASCII);
		int auth = 3;
		int cardInfo = 3;
		int registry = 3;
		int common = 3;
		String authValue = "8352";
		switch (state) {
			case TEMPORARY_PIN_SET -> authValue = "0000";
			case PARTLY_LOCKED -> {
				auth = 0;
				cardInfo = 0;
				registry = 2;
				common = 0;
			}
			case FULLY_LOCKED -> {
				auth = 0;
				cardInfo = 0;
				registry = 0;
				common = 0;
			}
			default -> {
			}
		}
		pin(JPKI, 0x0018, new EmulatedPin(3, auth, authValue));
		pin(JPKI, 0x001B, new EmulatedPin(5, 5, "SIGNPASS1"));
		pin(CARD_INFO_INPUT, 0x0011, new EmulatedPin(3, cardInfo, "2468"));
		pin(RESIDENT_REGISTRY, 0x001C, new EmulatedPin(3, registry, "1357"));
		pin(COMMON, 0x001C, new EmulatedPin(3, common, "9753"));
		if (state == State.FULLY_LOCKED) {
			pinsByAp.get(RESIDENT_REGISTRY).get(0x001C).blockedQueryStatusWord = 0x6984;
			pinsByAp.get(COMMON).get(0x001C).blockedQueryStatusWord = 0x6983;
			pinsByAp.get(COMMON).get(0x001C).blockedVerifyStatusWord = 0x6983;
		}
	}

	/**
	 * Makes a card current for the applets in this JVM; {@code certificateName} is
	 * "card-a" or "card-b".
	 */
	public static EmulatedMyNumberCard insert(State state, String certificateName) {
		EmulatedMyNumberCard card = new EmulatedMyNumberCard(state, certificateName);
		current = card;
		return card;
	}

	static EmulatedMyNumberCard current() {
		EmulatedMyNumberCard card = current;
		if (card == null) {
			synchronized (EmulatedMyNumberCard.class) {
				if (current == null) {
					EmulatedMyNumberCard fromProperties = new EmulatedMyNumberCard(
							State.valueOf(System.getProperty(STATE_PROPERTY, "FRESH")),
							System.getProperty(CERTIFICATE_PROPERTY, "card-a"));
					String vanishAfter = System.getProperty(VANISH_AFTER_PROPERTY);
					if (vanishAfter != null) {
						// halt, not exit: the socket to vpcd must drop at once, mid-APDU,
						// like a pulled card.
						fromProperties.removeAfter(Integer.parseInt(vanishAfter), () -> Runtime.getRuntime().halt(0));
					}
					current = fromProperties;
				}
				card = current;
			}
		}
		return card;
	}

	/** AIDs to install for this card. */
	public String[] applicationIds() {
		return state == State.NOT_A_MY_NUMBER_CARD ? new String[] { OTHER_CARD }
				: new String[] { JPKI, CARD_INFO_INPUT, RESIDENT_REGISTRY, COMMON };
	}

	/**
	 * Simulates pulling the card out after {@code apdus} more commands, via
	 * {@code removal}.
	 */
	public void removeAfter(int apdus, Runnable removal) {
		this.removal = removal;
		this.removeAfterApdus = apduCount + apdus;
	}

	public int triesLeft(String ap, int efId) {
		return pinsByAp.get(ap).get(efId).triesLeft;
	}

	public int apduCount() {
		return apduCount;
	}

	void countApdu() {
		apduCount++;
		if (removeAfterApdus >= 0 && apduCount >= removeAfterApdus && removal != null) {
			Runnable pull = removal;
			removal = null;
			pull.run();
		}
	}

	EmulatedPin pin(String ap, int efId) {
		Map<Integer, EmulatedPin> pins = pinsByAp.get(ap);
		return pins == null ? null : pins.get(efId);
	}

	boolean hasEf(String ap, int efId) {
		if (pin(ap, efId) != null) {
			return true;
		}
		return (ap.equals(JPKI) && efId == 0x000A) || (ap.equals(COMMON) && efId == 0x0001);
	}

	byte[] transparentEf(String ap, int efId) {
		if (ap.equals(JPKI) && efId == 0x000A) {
			return certificate;
		}
		if (ap.equals(COMMON) && efId == 0x0001) {
			return cardSerial;
		}
		return null;
	}

	private void pin(String ap, int efId, EmulatedPin pin) {
		pinsByAp.computeIfAbsent(ap, k -> new HashMap<>()).put(efId, pin);
	}

	static byte[] resource(String name) {
		try (InputStream in = EmulatedMyNumberCard.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("missing test resource " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String hex(byte[] bytes) {
		return HexFormat.of().withUpperCase().formatHex(bytes);
	}

}
