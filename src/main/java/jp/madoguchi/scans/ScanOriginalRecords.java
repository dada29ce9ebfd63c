package jp.madoguchi.scans;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import jp.madoguchi.retention.KeptRecord;
import jp.madoguchi.retention.TableRecordKeeper;
import jp.madoguchi.sql.IdLists;

/**
 * Scan originals as records ({@code scan-original}): an uploaded scan file, kept
 * unchanged. It belongs to the cases whose documents its pages were matched to; it was
 * signed paper received when it was uploaded, if any page matched. Disposing of one
 * forgets the page images drawn from it and leaves the file to be deleted; the outcome of
 * each page stays.
 */
@Component
class ScanOriginalRecords extends TableRecordKeeper {

	static final String TYPE = "scan-original";

	private final ScanViews views;

	ScanOriginalRecords(JdbcClient jdbc, ScanViews views) {
		super(jdbc, "scan_file", "id", Ids.NUMBERS, "sha256");
		this.views = views;
	}

	@Override
	public String recordType() {
		return TYPE;
	}

	@Override
	public List<KeptRecord> records(long municipalityId, long after, int limit) {
		record Row(long id, String sha256, OffsetDateTime uploadedAt) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT id, sha256, uploaded_at FROM scan_file
				WHERE municipality_id = ? AND status <> 'PROCESSING' AND disposed_at IS NULL AND id > ?
				ORDER BY id FETCH FIRST ? ROWS ONLY""")
			.params(municipalityId, after, limit)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
			.list();
		Map<Long, List<Long>> caseIds = new HashMap<>();
		for (List<Long> slice : IdLists.slices(rows.stream().map(Row::id).toList())) {
			jdbc.sql("""
					SELECT DISTINCT p.scan_id, d.case_id FROM scan_page p
					JOIN scan_document d ON d.municipality_id = p.municipality_id AND d.document_id = p.document_id
					WHERE p.municipality_id = ? AND p.scan_id IN (%s)""".formatted(IdLists.numbers(slice)))
				.param(municipalityId)
				.query(rs -> {
					caseIds.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
				});
		}
		List<KeptRecord> records = new ArrayList<>(rows.size());
		for (Row r : rows) {
			List<Long> of = caseIds.getOrDefault(r.id(), List.of());
			records.add(new KeptRecord(r.id(), Long.toString(r.id()), r.sha256(), r.uploadedAt(),
					of.isEmpty() ? null : r.uploadedAt(), of));
		}
		return records;
	}

	/** The page images drawn from the originals, kept in memory. */
	@Override
	protected void deleteContent(long municipalityId, String kept) {
		jdbc.sql("SELECT sha256 FROM scan_file WHERE " + kept)
			.param(municipalityId)
			.query(String.class)
			.list()
			.forEach(views::forget);
	}

}
