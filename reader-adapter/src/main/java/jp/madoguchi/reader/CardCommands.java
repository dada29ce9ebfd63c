package jp.madoguchi.reader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import jp.madoguchi.reader.card.CardIdentity;
import jp.madoguchi.reader.card.CardReading;
import jp.madoguchi.reader.card.MyNumberCardProtocol;
import jp.madoguchi.reader.card.NotMyNumberCardException;
import jp.madoguchi.reader.card.Pin;
import jp.madoguchi.reader.card.PinState;
import jp.madoguchi.reader.card.PinStatus;

/**
 * The commands that talk to a card: read, verify-lock, lock and watch. Each logs exactly
 * one event per card.
 */
final class CardCommands {

	static final List<String> CARD_OPTIONS = List.of("case", "operator", "reader", "log-dir", "workstation",
			"pcsc-library");

	private CardCommands() {
	}

	/** What to do with a connected card; fills the event and returns the exit code. */
	private interface CardWork {

		int on(MyNumberCardProtocol protocol, DeviceEvent event)
				throws CardException, NotMyNumberCardException, AdapterException;

	}

	static int read(CommandContext context) throws AdapterException {
		context.options.allowOnly(CARD_OPTIONS);
		return withCard(context, "read", (protocol, event) -> {
			readInto(protocol, event);
			event.outcome = "READ";
			context.record(event);
			return 0;
		});
	}

	static int verifyLock(CommandContext context) throws AdapterException {
		context.options.allowOnly(CARD_OPTIONS);
		return withCard(context, "verify-lock", (protocol, event) -> {
			CardReading reading = readInto(protocol, event);
			boolean locked = reading.allFourDigitPinsBlocked();
			event.outcome = locked ? "LOCKED" : Fault.NOT_LOCKED.name();
			context.record(event);
			if (!locked) {
				context.err.println(Fault.NOT_LOCKED.message(notBlocked(reading)));
				return Fault.NOT_LOCKED.exitCode;
			}
			return 0;
		});
	}

	/**
	 * Blocks every 4-digit PIN, but only on the card that was read for this case before:
	 * an unknown card or another person's card is never touched.
	 */
	static int lock(CommandContext context) throws AdapterException {
		context.options.allowOnly(append(CARD_OPTIONS, "confirm"));
		if (!context.options.flag("confirm")) {
			throw new AdapterException(Fault.USAGE, "lock blocks the card's PINs for good; add --confirm to proceed");
		}
		String caseId = context.options.required("case");
		Optional<CardIdentity> caseCard;
		try {
			caseCard = CaseHistory.lastCardOf(context.log, caseId);
		}
		catch (IOException e) {
			throw new AdapterException(Fault.LOG_ERROR, Environment.rootMessage(e), e);
		}
		catch (AdapterException damaged) {
			// Refused before any reader is opened: the card is never touched. Logged, so
			// the refusal is on record.
			return context.fail(damaged, new DeviceEvent("lock", caseId, context.options.required("operator")));
		}
		return withCard(context, "lock", (protocol, event) -> {
			CardIdentity inReader = protocol.identify();
			event.card = inReader;
			if (inReader.fingerprint() == null) {
				throw new AdapterException(Fault.CASE_CARD_UNKNOWN, "the card gives no certificate to identify it");
			}
			if (caseCard.isEmpty()) {
				throw new AdapterException(Fault.CASE_CARD_UNKNOWN, "no card read for case " + caseId);
			}
			if (!caseCard.get().fingerprint().equals(inReader.fingerprint())) {
				throw new AdapterException(Fault.CARD_MISMATCH,
						"case card " + shortFingerprint(caseCard.get().fingerprint()) + ", card in reader "
								+ shortFingerprint(inReader.fingerprint()));
			}
			for (Pin pin : Pin.values()) {
				if (pin.fourDigit()) {
					protocol.block(pin);
				}
			}
			// Read back in full: the event records what the card says now, not what we
			// intended.
			CardReading after = readInto(protocol, event);
			boolean locked = after.allFourDigitPinsBlocked();
			event.outcome = locked ? "LOCKED" : Fault.LOCK_INCOMPLETE.name();
			context.record(event);
			if (!locked) {
				context.err.println(Fault.LOCK_INCOMPLETE.message(notBlocked(after)));
				return Fault.LOCK_INCOMPLETE.exitCode;
			}
			return 0;
		});
	}

	/**
	 * For a busy counter: waits for cards and reads each one once per insertion. Runs
	 * until --max-cards cards were read (forever by default) or, with --timeout, until no
	 * card came for that many seconds.
	 */
	static int watch(CommandContext context) throws AdapterException {
		context.options.allowOnly(append(CARD_OPTIONS, "max-cards", "timeout"));
		String operator = context.options.required("operator");
		String caseId = context.options.get("case");
		String readerName = context.options.get("reader");
		int maxCards = context.options.intValue("max-cards", 0);
		long timeoutMillis = context.options.intValue("timeout", 0) * 1000L;
		CardTerminals terminals = context.terminals();
		Set<String> handled = new HashSet<>();
		int cards = 0;
		context.err.println("カードを待っています（終了: Ctrl+C） / waiting for cards (stop with Ctrl+C)");
		while (true) {
			Set<String> present = new HashSet<>();
			for (CardTerminal terminal : ReaderSelection
				.withCard(ReaderSelection.list(terminals, CardTerminals.State.ALL))) {
				if (readerName != null && !terminal.getName().equals(readerName)) {
					continue;
				}
				present.add(terminal.getName());
				if (handled.add(terminal.getName())) {
					DeviceEvent event = new DeviceEvent("watch", caseId, operator);
					event.reader = terminal.getName();
					try {
						readOne(context, terminal, event, (protocol, e) -> {
							readInto(protocol, e);
							e.outcome = "READ";
							context.record(e);
							return 0;
						});
					}
					catch (AdapterException failure) {
						context.fail(failure, event); // one bad card must not stop the
														// counter
					}
					cards++;
					if (maxCards > 0 && cards >= maxCards) {
						return 0;
					}
				}
			}
			handled.retainAll(present); // a removed card may be read again when it comes
										// back
			try {
				if (!terminals.waitForChange(timeoutMillis) && timeoutMillis > 0) {
					return 0;
				}
			}
			catch (CardException e) {
				throw new AdapterException(Fault.NO_PCSC_SERVICE, Environment.rootMessage(e), e);
			}
		}
	}

	private static int withCard(CommandContext context, String command, CardWork work) throws AdapterException {
		String caseId = context.options.required("case");
		String operator = context.options.required("operator");
		DeviceEvent event = new DeviceEvent(command, caseId, operator);
		try {
			CardTerminal terminal = ReaderSelection.choose(context.terminals(), context.options.get("reader"));
			event.reader = terminal.getName();
			return readOne(context, terminal, event, work);
		}
		catch (AdapterException failure) {
			return context.fail(failure, event);
		}
	}

	private static int readOne(CommandContext context, CardTerminal terminal, DeviceEvent event, CardWork work)
			throws AdapterException {
		Card card = ReaderSelection.connect(terminal);
		try {
			if (event.command.equals("lock")) {
				// No other program may talk to the card between the identity check and
				// the last VERIFY.
				card.beginExclusive();
			}
			return work.on(new MyNumberCardProtocol(card.getBasicChannel()), event);
		}
		catch (NotMyNumberCardException e) {
			throw new AdapterException(Fault.NOT_MY_NUMBER_CARD, "SELECT JPKI AP answered " + e.sw(), e);
		}
		catch (CardException | IllegalStateException e) {
			throw ReaderSelection.classify(e, terminal);
		}
		finally {
			try {
				card.disconnect(false);
			}
			catch (CardException | RuntimeException e) {
				// the card may already be gone; nothing left to release
			}
		}
	}

	private static CardReading readInto(MyNumberCardProtocol protocol, DeviceEvent event)
			throws CardException, NotMyNumberCardException {
		CardReading reading = protocol.read();
		event.card = reading.identity();
		event.pins = reading.pins();
		return reading;
	}

	private static String notBlocked(CardReading reading) {
		StringBuilder names = new StringBuilder("not blocked:");
		for (Pin pin : Pin.values()) {
			PinStatus status = reading.pins().get(pin);
			if (pin.fourDigit() && status.state() != PinState.BLOCKED) {
				names.append(' ')
					.append(pin.jsonName())
					.append('=')
					.append(status.triesLeft() != null ? status.triesLeft() + " tries" : status.state().name());
			}
		}
		return names.toString();
	}

	private static String shortFingerprint(String fingerprint) {
		return fingerprint.substring(0, Math.min(16, fingerprint.length())) + "…";
	}

	static List<String> append(List<String> list, String... more) {
		ArrayList<String> all = new ArrayList<>(list);
		all.addAll(List.of(more));
		return all;
	}

}
