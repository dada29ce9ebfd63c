package jp.madoguchi.cases;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What a case knows of its signed paper: each document heard of by
 * {@link SignedDocumentReceived}, the latest word kept. An unsigned or unclear consent or
 * mandate shows on the case's page as needing attention.
 */
@Component
public class SignedDocuments {

	private final JdbcClient jdbc;

	SignedDocuments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(SignedDocumentReceived event) {
		String signature = event.signature() == null ? "NONE" : event.signature();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		int updated = jdbc.sql("""
				UPDATE case_signed_document SET signature = ?, complete = ?, received_at = ?
				WHERE municipality_id = ? AND document_id = ?""")
			.params(signature, event.complete(), now, event.municipalityId(), event.documentId())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO case_signed_document (municipality_id, case_id, document_id, form, signature, complete,
					    received_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(event.municipalityId(), event.caseId(), event.documentId(), event.form(), signature,
						event.complete(), now)
				.update();
		}
	}

	/**
	 * A signed document as the case sees it.
	 *
	 * @param signature SIGNED, UNSIGNED, UNCLEAR, or NONE for a form without boxes
	 */
	public record Received(String documentId, String form, String signature, boolean complete,
			OffsetDateTime receivedAt) {

		public boolean needsAttention() {
			return signature.equals("UNSIGNED") || signature.equals("UNCLEAR") || !complete;
		}

	}

	public List<Received> ofCase(long municipalityId, long caseId) {
		return jdbc.sql("""
				SELECT document_id, form, signature, complete, received_at FROM case_signed_document
				WHERE municipality_id = ? AND case_id = ? ORDER BY id""")
			.params(municipalityId, caseId)
			.query((rs, n) -> new Received(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getObject(5, OffsetDateTime.class)))
			.list();
	}

}
