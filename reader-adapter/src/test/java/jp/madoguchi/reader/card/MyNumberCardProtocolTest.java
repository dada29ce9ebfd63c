package jp.madoguchi.reader.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.licel.jcardsim.smartcardio.CardSimulator;
import com.licel.jcardsim.smartcardio.CardTerminalSimulator;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import jp.madoguchi.reader.emulator.EmulatedCards;
import jp.madoguchi.reader.emulator.EmulatedMyNumberCard;
import jp.madoguchi.reader.emulator.EmulatedMyNumberCard.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The APDU conversation against the emulated card, through jCardSim's javax.smartcardio
 * terminal.
 */
class MyNumberCardProtocolTest {

	private Card connected;

	private MyNumberCardProtocol insert(State state, String certificate) throws Exception {
		EmulatedMyNumberCard card = EmulatedMyNumberCard.insert(state, certificate);
		CardSimulator simulator = EmulatedCards.simulator(card);
		CardTerminal terminal = CardTerminalSimulator.terminal(simulator);
		connected = terminal.connect("*");
		return new MyNumberCardProtocol(connected.getBasicChannel());
	}

	@AfterEach
	void disconnect() throws Exception {
		if (connected != null) {
			connected.disconnect(false);
		}
	}

	@Test
	void freshCardHasEveryTryLeft() throws Exception {
		CardReading reading = insert(State.FRESH, "card-a").read();
		for (Pin pin : Pin.values()) {
			PinStatus status = reading.pins().get(pin);
			assertEquals(PinState.OK, status.state(), pin.name());
			assertEquals(pin == Pin.JPKI_SIGN ? 5 : 3, status.triesLeft(), pin.name());
			assertEquals(pin == Pin.JPKI_SIGN ? "63C5" : "63C3", status.sw());
		}
		assertFalse(reading.allFourDigitPinsBlocked());
	}

	@Test
	void identityIsTheCertificateFingerprintSerialAndExpiry() throws Exception {
		CardIdentity identity = insert(State.FRESH, "card-a").identify();
		byte[] der;
		try (InputStream in = getClass().getResourceAsStream("/emulator/card-a-auth-cert.der")) {
			der = in.readAllBytes();
		}
		assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)),
				identity.fingerprint());
		assertEquals("1A2B3C4D", identity.certSerial());
		assertTrue(identity.notAfter().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), identity.notAfter());
		assertNotNull(identity.cardSerialHash());
		assertFalse(identity.cardSerialHash().contains(HexFormat.of().formatHex("SERIAL-card-a".getBytes())));
	}

	@Test
	void differentCardsHaveDifferentFingerprints() throws Exception {
		String a = insert(State.FRESH, "card-a").identify().fingerprint();
		connected.disconnect(false);
		String b = insert(State.FRESH, "card-b").identify().fingerprint();
		assertNotEquals(a, b);
	}

	@Test
	void partlyLockedCardIsNotLocked() throws Exception {
		CardReading reading = insert(State.PARTLY_LOCKED, "card-a").read();
		assertEquals(new PinStatus(0, PinState.BLOCKED, "63C0"), reading.pins().get(Pin.JPKI_AUTH));
		assertEquals(new PinStatus(2, PinState.OK, "63C2"), reading.pins().get(Pin.RESIDENT_REGISTRY));
		assertFalse(reading.allFourDigitPinsBlocked());
	}

	@Test
	void fullyLockedCardCountsAllThreeBlockedStatusWords() throws Exception {
		CardReading reading = insert(State.FULLY_LOCKED, "card-a").read();
		assertTrue(reading.allFourDigitPinsBlocked());
		assertEquals("63C0", reading.pins().get(Pin.JPKI_AUTH).sw());
		assertEquals("6984", reading.pins().get(Pin.RESIDENT_REGISTRY).sw());
		assertEquals("6983", reading.pins().get(Pin.COMMON_AP).sw());
		assertEquals(PinState.OK, reading.pins().get(Pin.JPKI_SIGN).state());
	}

	@Test
	void readingDoesNotSpendATry() throws Exception {
		MyNumberCardProtocol protocol = insert(State.FRESH, "card-a");
		protocol.read();
		protocol.read();
		assertEquals(3, protocol.pinStatus(Pin.JPKI_AUTH).triesLeft());
	}

	@Test
	void notAMyNumberCardIsRecognisedBySelectingJpki() throws Exception {
		MyNumberCardProtocol protocol = insert(State.NOT_A_MY_NUMBER_CARD, "card-a");
		NotMyNumberCardException e = assertThrows(NotMyNumberCardException.class, protocol::read);
		// A real card answers 6A82; jCardSim's runtime answers 6999 (applet selection
		// failed). Either is logged raw.
		assertEquals("6999", e.sw());
	}

	@Test
	void blockBlocksEachFourDigitPinEvenWhenAWrongValueHappensToBeTheTemporaryPin() throws Exception {
		MyNumberCardProtocol protocol = insert(State.TEMPORARY_PIN_SET, "card-a");
		for (Pin pin : Pin.values()) {
			if (pin.fourDigit()) {
				assertEquals(PinState.BLOCKED, protocol.block(pin).state(), pin.name());
			}
		}
		assertTrue(protocol.read().allFourDigitPinsBlocked());
		assertEquals(5, protocol.pinStatus(Pin.JPKI_SIGN).triesLeft(), "the signature password is left alone");
	}

	@Test
	void blockingTheSignaturePasswordIsRefused() throws Exception {
		MyNumberCardProtocol protocol = insert(State.FRESH, "card-a");
		assertThrows(IllegalArgumentException.class, () -> protocol.block(Pin.JPKI_SIGN));
	}

}
