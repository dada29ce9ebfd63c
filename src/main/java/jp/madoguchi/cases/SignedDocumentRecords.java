package jp.madoguchi.cases;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import jp.madoguchi.retention.KeptRecord;
import jp.madoguchi.retention.RecordKeeper;
import jp.madoguchi.sql.IdLists;

/**
 * Signed documents as records ({@code signed-document}): a consent or mandate received
 * signed for its case. Its SHA-256 is that of its fields as kept. Disposing of one marks
 * it disposed; its pages are in the scan originals (disposed as {@code scan-original}),
 * and the fact that it was received, with its verdict, stays for the case's history.
 */
@Component
class SignedDocumentRecords implements RecordKeeper {

	private final JdbcClient jdbc;

	SignedDocumentRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	@Override
	public boolean exists(long municipalityId, String recordId) {
		return jdbc.sql("SELECT COUNT(*) FROM case_signed_document WHERE municipality_id = ? AND document_id = ?")
			.params(municipalityId, recordId)
			.query(Long.class)
			.single() > 0;
	}

	@Override
	public Set<String> dispose(long municipalityId, Collection<String> recordIds) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		List<String> ids = List.copyOf(recordIds);
		for (int from = 0; from < ids.size(); from += 1000) {
			String in = IdLists.codes(ids.subList(from, Math.min(ids.size(), from + 1000)));
			jdbc.sql("UPDATE case_signed_document SET disposed_at = ? WHERE municipality_id = ?"
					+ " AND disposed_at IS NULL AND document_id IN (%s)".formatted(in))
				.params(now, municipalityId)
				.update();
		}
		return Set.of();
	}

	@Override
	public boolean references(String sha256) {
		return false;
	}

}
