package jp.madoguchi.reader.emulator;

import com.licel.jcardsim.smartcardio.CardSimulator;
import com.licel.jcardsim.utils.AIDUtil;
import java.util.Properties;

/** Puts an emulated card into jCardSim, in this JVM or (as VSmartCard configuration) in a child process. */
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
     * Configuration for {@code com.licel.jcardsim.remote.VSmartCard}: the applets, the vpcd address and the
     * card's state (passed on as system properties, which VSmartCard sets from this file).
     */
    public static Properties vsmartcardConfig(EmulatedMyNumberCard.State state, String certificateName, String host,
            int port) {
        Properties config = new Properties();
        String[] aids = state == EmulatedMyNumberCard.State.NOT_A_MY_NUMBER_CARD
                ? new String[] {EmulatedMyNumberCard.OTHER_CARD}
                : new String[] {EmulatedMyNumberCard.JPKI, EmulatedMyNumberCard.CARD_INFO_INPUT,
                    EmulatedMyNumberCard.RESIDENT_REGISTRY, EmulatedMyNumberCard.COMMON};
        for (int i = 0; i < aids.length; i++) {
            config.setProperty("com.licel.jcardsim.card.applet." + i + ".AID", aids[i]);
            config.setProperty("com.licel.jcardsim.card.applet." + i + ".Class", MyNumberApApplet.class.getName());
        }
        config.setProperty("com.licel.jcardsim.vsmartcard.host", host);
        config.setProperty("com.licel.jcardsim.vsmartcard.port", Integer.toString(port));
        config.setProperty(EmulatedMyNumberCard.STATE_PROPERTY, state.name());
        config.setProperty(EmulatedMyNumberCard.CERTIFICATE_PROPERTY, certificateName);
        return config;
    }
}
