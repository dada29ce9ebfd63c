package jp.madoguchi.reader;

import java.util.ArrayList;
import java.util.List;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;

/** Picks the reader to use and turns PC/SC errors into faults the clerk can act on. */
final class ReaderSelection {

	private ReaderSelection() {
	}

	static List<CardTerminal> list(CardTerminals terminals, CardTerminals.State state) throws AdapterException {
		try {
			return terminals.list(state);
		}
		catch (CardException e) {
			String reason = Environment.rootMessage(e);
			if (reason.contains("SCARD_E_NO_READERS_AVAILABLE")) {
				return List.of();
			}
			throw new AdapterException(Fault.NO_PCSC_SERVICE, reason, e);
		}
	}

	/**
	 * The readers that hold a card, asked one by one: {@code list(CARD_PRESENT)} is not
	 * used because some implementations (jCardSim) leave out a card whose insertion event
	 * was not yet consumed.
	 */
	static List<CardTerminal> withCard(List<CardTerminal> terminals) throws AdapterException {
		ArrayList<CardTerminal> present = new ArrayList<>();
		for (CardTerminal terminal : terminals) {
			try {
				if (terminal.isCardPresent()) {
					present.add(terminal);
				}
			}
			catch (CardException e) {
				throw new AdapterException(Fault.NO_PCSC_SERVICE, Environment.rootMessage(e), e);
			}
		}
		return present;
	}

	/** The named reader, or else the one reader that holds a card. */
	static CardTerminal choose(CardTerminals terminals, String readerName) throws AdapterException {
		List<CardTerminal> all = list(terminals, CardTerminals.State.ALL);
		if (all.isEmpty()) {
			throw new AdapterException(Fault.NO_READER, null);
		}
		if (readerName != null) {
			for (CardTerminal terminal : all) {
				if (terminal.getName().equals(readerName)) {
					requireCard(terminal);
					return terminal;
				}
			}
			throw new AdapterException(Fault.NO_READER, "no reader named \"" + readerName + "\"");
		}
		List<CardTerminal> withCard = withCard(all);
		if (withCard.isEmpty()) {
			throw new AdapterException(Fault.NO_CARD, null);
		}
		if (withCard.size() > 1) {
			throw new AdapterException(Fault.MULTIPLE_CARDS,
					withCard.stream().map(CardTerminal::getName).toList().toString());
		}
		return withCard.get(0);
	}

	private static void requireCard(CardTerminal terminal) throws AdapterException {
		try {
			if (!terminal.isCardPresent()) {
				throw new AdapterException(Fault.NO_CARD, terminal.getName());
			}
		}
		catch (CardException e) {
			throw new AdapterException(Fault.NO_PCSC_SERVICE, Environment.rootMessage(e), e);
		}
	}

	static Card connect(CardTerminal terminal) throws AdapterException {
		try {
			return terminal.connect("*");
		}
		catch (CardNotPresentException e) {
			throw new AdapterException(Fault.NO_CARD, terminal.getName(), e);
		}
		catch (CardException e) {
			throw classify(e, terminal);
		}
	}

	/**
	 * A failed exchange is "card removed" when the reader no longer has a card (how that
	 * surfaces differs between pcsc-lite, WinSCard and emulators, so the reader is
	 * asked), otherwise a transmission error.
	 */
	static AdapterException classify(Exception e, CardTerminal terminal) {
		String reason = Environment.rootMessage(e);
		boolean present;
		try {
			// The exchange can fail a moment before the reader reports the card gone;
			// give it up to a second.
			present = !terminal.waitForCardAbsent(1000);
		}
		catch (CardException | RuntimeException stateUnknown) {
			present = false;
		}
		if (!present || reason.contains("SCARD_W_REMOVED_CARD") || reason.contains("SCARD_E_NO_SMARTCARD")) {
			return new AdapterException(Fault.CARD_REMOVED, reason, e);
		}
		return new AdapterException(Fault.TRANSMISSION_ERROR, reason, e);
	}

}
