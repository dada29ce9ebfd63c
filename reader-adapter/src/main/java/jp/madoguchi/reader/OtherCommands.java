package jp.madoguchi.reader;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import jp.madoguchi.reader.card.CardIdentity;
import jp.madoguchi.reader.json.JsonObjectBuilder;

/** Commands that do not read a card: readers and record-annotation. */
final class OtherCommands {

	/** What the clerk writes in the 追記欄 of a face-authentication card. */
	static final String FACE_AUTH_ANNOTATION = "顔認証";

	private OtherCommands() {
	}

	/** Lists readers, one JSON line each: {"reader":"…","cardPresent":true}. */
	static int readers(CommandContext context) throws AdapterException {
		context.options.allowOnly(List.of("pcsc-library"));
		List<CardTerminal> terminals = ReaderSelection.list(context.terminals(), CardTerminals.State.ALL);
		if (terminals.isEmpty()) {
			throw new AdapterException(Fault.NO_READER, null);
		}
		for (CardTerminal terminal : terminals) {
			boolean present;
			try {
				present = terminal.isCardPresent();
			}
			catch (CardException e) {
				throw new AdapterException(Fault.NO_PCSC_SERVICE, Environment.rootMessage(e), e);
			}
			context.out.println(
					new JsonObjectBuilder().add("reader", terminal.getName()).add("cardPresent", present).toJson());
		}
		return 0;
	}

	/**
	 * The clerk attests that 「顔認証」 was written on the card; a second operator may
	 * countersign. Bound to the card last read for the case, so an annotation can never
	 * float free of a card.
	 */
	static int recordAnnotation(CommandContext context) throws AdapterException {
		context.options.allowOnly(List.of("case", "operator", "countersign", "log-dir", "workstation"));
		String caseId = context.options.required("case");
		String operator = context.options.required("operator");
		String countersign = context.options.get("countersign");
		DeviceEvent event = new DeviceEvent("record-annotation", caseId, operator);
		event.annotation = FACE_AUTH_ANNOTATION;
		event.countersignedBy = countersign;
		if (countersign != null && countersign.equals(operator)) {
			throw new AdapterException(Fault.USAGE, "the countersigning operator must be another person");
		}
		try {
			Optional<CardIdentity> card;
			try {
				card = CaseHistory.lastCardOf(context.log, caseId);
			}
			catch (IOException e) {
				throw new AdapterException(Fault.LOG_ERROR, Environment.rootMessage(e), e);
			}
			if (card.isEmpty()) {
				throw new AdapterException(Fault.CASE_CARD_UNKNOWN, "no card read for case " + caseId);
			}
			event.card = card.get();
			event.outcome = "ANNOTATION_RECORDED";
			context.record(event);
			return 0;
		}
		catch (AdapterException failure) {
			return context.fail(failure, event);
		}
	}

}
