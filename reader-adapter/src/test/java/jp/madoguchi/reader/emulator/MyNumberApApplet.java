package jp.madoguchi.reader.emulator;

import javacard.framework.APDU;
import javacard.framework.AID;
import javacard.framework.Applet;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import java.util.Arrays;

/**
 * One AP of the emulated My Number card (installed once per AID). Answers SELECT EF,
 * VERIFY (with and without data) and READ BINARY the way the public descriptions of the
 * card say; the data lives in {@link EmulatedMyNumberCard}.
 */
public class MyNumberApApplet extends Applet {

	private int currentEf = -1;

	protected MyNumberApApplet() {
		register();
	}

	public static void install(byte[] parameters, short offset, byte length) {
		new MyNumberApApplet();
	}

	@Override
	public void process(APDU apdu) {
		EmulatedMyNumberCard card = EmulatedMyNumberCard.current();
		card.countApdu();
		if (selectingApplet()) {
			currentEf = -1;
			return;
		}
		byte[] buffer = apdu.getBuffer();
		String ap = myAid();
		switch (buffer[ISO7816.OFFSET_INS]) {
			case (byte) 0xA4 -> selectEf(apdu, card, ap);
			case (byte) 0x20 -> verify(apdu, card, ap);
			case (byte) 0xB0 -> readBinary(apdu, card, ap);
			default -> ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
		}
	}

	private void selectEf(APDU apdu, EmulatedMyNumberCard card, String ap) {
		byte[] buffer = apdu.getBuffer();
		if (buffer[ISO7816.OFFSET_P1] != 0x02) {
			ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
		}
		short length = apdu.setIncomingAndReceive();
		if (length != 2) {
			ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
		}
		int efId = ((buffer[ISO7816.OFFSET_CDATA] & 0xFF) << 8) | (buffer[ISO7816.OFFSET_CDATA + 1] & 0xFF);
		if (!card.hasEf(ap, efId)) {
			ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
		}
		currentEf = efId;
	}

	private void verify(APDU apdu, EmulatedMyNumberCard card, String ap) {
		EmulatedMyNumberCard.EmulatedPin pin = currentEf < 0 ? null : card.pin(ap, currentEf);
		if (pin == null) {
			ISOException.throwIt(ISO7816.SW_COMMAND_NOT_ALLOWED);
		}
		short length = apdu.setIncomingAndReceive();
		if (length == 0) {
			ISOException.throwIt((short) (pin.triesLeft == 0 ? pin.blockedQueryStatusWord : 0x63C0 | pin.triesLeft));
		}
		if (pin.triesLeft == 0) {
			ISOException.throwIt((short) pin.blockedVerifyStatusWord);
		}
		byte[] given = new byte[length];
		System.arraycopy(apdu.getBuffer(), ISO7816.OFFSET_CDATA, given, 0, length);
		if (Arrays.equals(given, pin.value)) {
			pin.triesLeft = pin.maxTries;
			return;
		}
		pin.triesLeft--;
		ISOException.throwIt((short) (0x63C0 | pin.triesLeft));
	}

	private void readBinary(APDU apdu, EmulatedMyNumberCard card, String ap) {
		byte[] data = currentEf < 0 ? null : card.transparentEf(ap, currentEf);
		if (data == null) {
			ISOException.throwIt(ISO7816.SW_COMMAND_NOT_ALLOWED);
		}
		byte[] buffer = apdu.getBuffer();
		int offset = ((buffer[ISO7816.OFFSET_P1] & 0x7F) << 8) | (buffer[ISO7816.OFFSET_P2] & 0xFF);
		if (offset > data.length) {
			ISOException.throwIt(ISO7816.SW_WRONG_P1P2);
		}
		short expected = apdu.setOutgoing();
		short count = (short) Math.min(expected, data.length - offset);
		apdu.setOutgoingLength(count);
		apdu.sendBytesLong(data, (short) offset, count);
	}

	private String myAid() {
		AID aid = JCSystem.getAID();
		byte[] bytes = new byte[16];
		byte length = aid.getBytes(bytes, (short) 0);
		return EmulatedMyNumberCard.hex(Arrays.copyOf(bytes, length));
	}

}
