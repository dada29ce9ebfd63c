package jp.madoguchi.roster;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import jp.madoguchi.cases.CaseRegistry;
import jp.madoguchi.retention.KeptRecord;
import jp.madoguchi.retention.TableRecordKeeper;

/**
 * Roster files as records ({@code roster-file}): a completed roster's uploaded file.
 * Disposing of one deletes its rejected rows (they quote the file's cells) and leaves the
 * file to be deleted; the roster's counts and name stay, marked disposed.
 */
@Component
class RosterFileRecords extends TableRecordKeeper {

	static final String TYPE = "roster-file";

	private final CaseRegistry cases;

	RosterFileRecords(JdbcClient jdbc, CaseRegistry cases) {
		super(jdbc, "roster", "id", Ids.NUMBERS, "file_sha256");
		this.cases = cases;
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
				SELECT id, file_sha256, uploaded_at FROM roster
				WHERE municipality_id = ? AND state = 'COMPLETE' AND disposed_at IS NULL AND id > ?
				ORDER BY id FETCH FIRST ? ROWS ONLY""")
			.params(municipalityId, after, limit)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
			.list();
		Map<Long, List<Long>> caseIds = cases.caseIdsOfRosters(municipalityId, rows.stream().map(Row::id).toList());
		List<KeptRecord> records = new ArrayList<>(rows.size());
		for (Row r : rows) {
			records.add(new KeptRecord(r.id(), Long.toString(r.id()), r.sha256(), r.uploadedAt(), null,
					caseIds.getOrDefault(r.id(), List.of())));
		}
		return records;
	}

	/** Its rejected rows quote the file's cells. */
	@Override
	protected void deleteContent(long municipalityId, String kept) {
		jdbc.sql("DELETE FROM roster_error WHERE roster_id IN (SELECT id FROM roster WHERE %s)".formatted(kept))
			.param(municipalityId)
			.update();
	}

}
