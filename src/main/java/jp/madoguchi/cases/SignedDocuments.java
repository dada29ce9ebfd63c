package jp.madoguchi.cases;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import jp.madoguchi.changes.ChangeKind;
import jp.madoguchi.changes.ChangeLog;
import jp.madoguchi.sql.IdLists;

/**
 * What a case knows of its signed paper: each document heard of by
 * {@link SignedDocumentReceived}, the latest word kept. An unsigned or unclear consent or
 * mandate shows on the case's page as needing attention.
 */
@Component
public class SignedDocuments {

	private final JdbcClient jdbc;

	private final ChangeLog changes;

	SignedDocuments(JdbcClient jdbc, ChangeLog changes) {
		this.jdbc = jdbc;
		this.changes = changes;
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
		changes.record(event.municipalityId(), ChangeKind.CASE, event.caseId());
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

	/**
	 * The signed documents of these cases of the municipality, by case id: one query per
	 * 1,000 ids.
	 */
	public Map<Long, List<Received>> ofCases(long municipalityId, Collection<Long> caseIds) {
		Map<Long, List<Received>> found = new HashMap<>();
		for (List<Long> slice : IdLists.slices(caseIds)) {
			// An IN list on the index's first column (V14): an index look-up per case.
			jdbc.sql("""
					SELECT s.case_id, s.document_id, s.form, s.signature, s.complete, s.received_at
					FROM case_signed_document s WHERE s.case_id IN (%s) AND s.municipality_id = ?
					ORDER BY s.id""".formatted(IdLists.numbers(slice))).param(municipalityId).query((ResultSet rs) -> {
				found.computeIfAbsent(rs.getLong(1), c -> new ArrayList<>())
					.add(new Received(rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
							rs.getObject(6, OffsetDateTime.class)));
			});
		}
		return found;
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
