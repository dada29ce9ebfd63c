package jp.madoguchi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import jp.madoguchi.reader.emulator.EmulatedMyNumberCard.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a failed exchange is told apart: card gone → CARD_REMOVED, card still there →
 * TRANSMISSION_ERROR.
 */
class ReaderSelectionTest {

	@TempDir
	Path logDir;

	@Test
	void failureWithTheCardStillInTheReaderIsATransmissionError() {
		Counter counter = new Counter(logDir);
		counter.insert(Counter.READER_A, State.FRESH, "card-a");
		CardTerminal terminal = counter.terminals.getTerminal(Counter.READER_A);
		AdapterException fault = ReaderSelection.classify(new CardException("SCARD_E_NOT_TRANSACTED"), terminal);
		assertEquals(Fault.TRANSMISSION_ERROR, fault.fault);
		assertEquals("SCARD_E_NOT_TRANSACTED", fault.detail);
	}

	@Test
	void failureAfterTheCardLeftIsCardRemoved() {
		Counter counter = new Counter(logDir);
		counter.insert(Counter.READER_A, State.FRESH, "card-a");
		CardTerminal terminal = counter.terminals.getTerminal(Counter.READER_A);
		counter.remove(Counter.READER_A);
		assertEquals(Fault.CARD_REMOVED,
				ReaderSelection.classify(new CardException("SCARD_E_NOT_TRANSACTED"), terminal).fault);
	}

}
