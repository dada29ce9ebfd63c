package jp.madoguchi.cases;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import jp.madoguchi.retention.KeptRecord;
import jp.madoguchi.retention.TableRecordKeeper;

/**
 * Signed documents as records ({@code signed-document}): a consent or mandate received
 * signed for its case. Its SHA-256 is that of its fields as kept. Disposing of one marks
 * it disposed; its pages are in the scan originals (disposed as {@code scan-original}),
 * and the fact that it was received, with its verdict, stays for the case's history.
 */
@Component
class SignedDocumentRecords extends TableRecordKeeper {

	SignedDocumentRecords(JdbcClient jdbc) {
		super(jdbc, "case_signed_document", "document_id", Ids.CODES, null);
	}

	@Override
	public String recordType() {
		return "signed-document";
	}

	@Override
	public List<KeptRecord> records(long municipalityId, long after, int limit) {
		return jdbc.sql("""
				SELECT id, document_id, case_id, form, signature, complete, received_at
				FROM case_signed_document WHERE municipality_id = ? AND disposed_at IS NULL AND id > ?
				ORDER BY id FETCH FIRST ? ROWS ONLY""").params(municipalityId, after, limit).query((rs, n) -> {
			OffsetDateTime received = rs.getObject(7, OffsetDateTime.class);
			String sha256 = KeptRecord.fieldsSha256(rs.getString(2), Long.toString(rs.getLong(3)), rs.getString(4),
					rs.getString(5), Boolean.toString(rs.getBoolean(6)), received.toInstant().toString());
			return new KeptRecord(rs.getLong(1), rs.getString(2), sha256, received, received, List.of(rs.getLong(3)));
		}).list();
	}

	/** Nothing but the mark: the receipt and its verdict stay. */
	@Override
	protected void deleteContent(long municipalityId, String kept) {
	}

}
