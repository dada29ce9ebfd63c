package jp.madoguchi.forms.web;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import jp.madoguchi.changes.ChangeKind;
import jp.madoguchi.changes.ChangeLog;
import jp.madoguchi.retention.KeptRecord;
import jp.madoguchi.retention.TableRecordKeeper;

/**
 * Generated documents as records ({@code generated-document}): the record of a printed
 * document (its id, form, template version and regions). Its SHA-256 is that of its
 * fields as kept. Disposing of one marks it disposed: it is no longer listed with its
 * case or matched to a scanned page; that a form was printed for the case, and when,
 * stays (the reconciliation's fact). Its case is written to the change log so the index
 * reads it again.
 */
@Component
class GeneratedDocumentRecords extends TableRecordKeeper {

	private final ChangeLog changes;

	GeneratedDocumentRecords(JdbcClient jdbc, ChangeLog changes) {
		super(jdbc, "case_document", "document_id", Ids.CODES, null);
		this.changes = changes;
	}

	@Override
	public String recordType() {
		return "generated-document";
	}

	@Override
	public List<KeptRecord> records(long municipalityId, long after, int limit) {
		return jdbc.sql("""
				SELECT id, document_id, case_id, form, template_version, template_sha256, pages, regions, created_by,
				    created_at
				FROM case_document WHERE municipality_id = ? AND disposed_at IS NULL AND id > ?
				ORDER BY id FETCH FIRST ? ROWS ONLY""").params(municipalityId, after, limit).query((rs, n) -> {
			OffsetDateTime created = rs.getObject(10, OffsetDateTime.class);
			String sha256 = KeptRecord.fieldsSha256(rs.getString(2), Long.toString(rs.getLong(3)), rs.getString(4),
					rs.getString(5), rs.getString(6), Integer.toString(rs.getInt(7)), rs.getString(8), rs.getString(9),
					created.toInstant().toString());
			return new KeptRecord(rs.getLong(1), rs.getString(2), sha256, created, null, List.of(rs.getLong(3)));
		}).list();
	}

	/** Its case goes to the change log: the search index reads the case again. */
	@Override
	protected void deleteContent(long municipalityId, String kept) {
		changes.recordAll(municipalityId, ChangeKind.CASE,
				jdbc.sql("SELECT DISTINCT case_id FROM case_document WHERE " + kept)
					.param(municipalityId)
					.query(Long.class)
					.list());
	}

}
