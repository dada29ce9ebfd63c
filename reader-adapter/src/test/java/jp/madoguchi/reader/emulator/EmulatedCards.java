package jp.madoguchi.reader.emulator;

import com.licel.jcardsim.smartcardio.CardSimulator;
import com.licel.jcardsim.utils.AIDUtil;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Puts an emulated card into jCardSim, in this JVM or (as VSmartCard configuration) in a
 * child process.
 */
public final class EmulatedCards {

	private EmulatedCards() {
	}

	/** A jCardSim card with the APs of {@code card} installed. */
	public static CardSimulator simulator(EmulatedMyNumberCard card) {
		CardSimulator simulator = new CardSimulator();
		for (String aid : card.applicationIds()) {
			simulator.installApplet(AIDUtil.create(aid), MyNumberApApplet.class);
		}
		return simulator;
	}

	/**
	 * jCardSim's VSmartCard only loads the applet classes named in its configuration; an
	 * instance is created by jCardSim's CREATE APPLET command
	 * ({@code 80 B8 00 00 Lc <aid length> <aid> 00 00}), sent once per AP through PC/SC
	 * before use, like a card issuer personalising a card.
	 */
	public static byte[][] createAppletCommands(EmulatedMyNumberCard.State state) {
		String[] aids = state == EmulatedMyNumberCard.State.NOT_A_MY_NUMBER_CARD
				? new String[] { EmulatedMyNumberCard.OTHER_CARD }
				: new String[] { EmulatedMyNumberCard.JPKI, EmulatedMyNumberCard.CARD_INFO_INPUT,
						EmulatedMyNumberCard.RESIDENT_REGISTRY, EmulatedMyNumberCard.COMMON };
		byte[][] commands = new byte[aids.length][];
		for (int i = 0; i < aids.length; i++) {
			byte[] aid = HexFormat.of().parseHex(aids[i]);
			byte[] command = new byte[5 + 1 + aid.length + 2];
			command[0] = (byte) 0x80;
			command[1] = (byte) 0xB8;
			command[4] = (byte) (1 + aid.length + 2);
			command[5] = (byte) aid.length;
			System.arraycopy(aid, 0, command, 6, aid.length);
			commands[i] = command;
		}
		return commands;
	}

	/**
	 * Configuration for {@code com.licel.jcardsim.remote.VSmartCard}: the applets, the
	 * vpcd address and the card's state (passed on as system properties, which VSmartCard
	 * sets from this file).
	 */
	public static Properties vsmartcardConfig(EmulatedMyNumberCard.State state, String certificateName, String host,
			int port, Integer vanishAfterApdus) {
		Properties config = new Properties();
		String[] aids = state == EmulatedMyNumberCard.State.NOT_A_MY_NUMBER_CARD
				? new String[] { EmulatedMyNumberCard.OTHER_CARD }
				: new String[] { EmulatedMyNumberCard.JPKI, EmulatedMyNumberCard.CARD_INFO_INPUT,
						EmulatedMyNumberCard.RESIDENT_REGISTRY, EmulatedMyNumberCard.COMMON };
		for (int i = 0; i < aids.length; i++) {
			config.setProperty("com.licel.jcardsim.card.applet." + i + ".AID", aids[i]);
			config.setProperty("com.licel.jcardsim.card.applet." + i + ".Class", MyNumberApApplet.class.getName());
		}
		config.setProperty("com.licel.jcardsim.vsmartcard.host", host);
		config.setProperty("com.licel.jcardsim.vsmartcard.port", Integer.toString(port));
		config.setProperty(EmulatedMyNumberCard.STATE_PROPERTY, state.name());
		config.setProperty(EmulatedMyNumberCard.CERTIFICATE_PROPERTY, certificateName);
		if (vanishAfterApdus != null) {
			config.setProperty(EmulatedMyNumberCard.VANISH_AFTER_PROPERTY, vanishAfterApdus.toString());
		}
		return config;
	}

}
