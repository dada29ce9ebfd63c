package jp.madoguchi.forms;

import java.util.List;
import java.util.Map;

/**
 * What was written into a packet: its id (printed in the QR codes of the cover and blank
 * backs), total pages including the cover and blank backs, the count per form, and one
 * record per document.
 */
public record PacketSummary(String packetId, int pages, Map<FormId, Integer> countsPerForm,
		List<DocumentRecord> documents) {
}
