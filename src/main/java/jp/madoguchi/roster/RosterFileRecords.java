package jp.madoguchi.roster;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import jp.madoguchi.cases.CaseRegistry;
import jp.madoguchi.retention.KeptRecord;
import jp.madoguchi.retention.RecordKeeper;
import jp.madoguchi.sql.IdLists;

/**
 * Roster files as records ({@code roster-file}): a completed roster's uploaded file.
 * Disposing of one deletes its rejected rows (they quote the file's cells) and leaves the
 * file to be deleted; the roster's counts and name stay, marked disposed.
 */
@Component
class RosterFileRecords implements RecordKeeper {

	static final String TYPE = "roster-file";

	private final JdbcClient jdbc;

	private final CaseRegistry cases;

	RosterFileRecords(JdbcClient jdbc, CaseRegistry cases) {
		this.jdbc = jdbc;
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

	@Override
	public boolean exists(long municipalityId, String recordId) {
		return recordId.matches("\\d{1,18}")
				&& jdbc.sql("SELECT COUNT(*) FROM roster WHERE municipality_id = ? AND id = ? AND state = 'COMPLETE'")
					.params(municipalityId, Long.parseLong(recordId))
					.query(Long.class)
					.single() > 0;
	}

	@Override
	public Set<String> dispose(long municipalityId, Collection<String> recordIds) {
		Set<String> files = new HashSet<>();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		for (List<Long> slice : IdLists.slices(recordIds.stream().map(Long::valueOf).toList())) {
			String ids = IdLists.numbers(slice);
			List<Long> kept = jdbc
				.sql("SELECT id FROM roster WHERE municipality_id = ? AND disposed_at IS NULL AND id IN (%s)"
					.formatted(ids))
				.param(municipalityId)
				.query(Long.class)
				.list();
			if (kept.isEmpty()) {
				continue;
			}
			String keptIds = IdLists.numbers(kept);
			files.addAll(jdbc.sql("SELECT DISTINCT file_sha256 FROM roster WHERE id IN (%s)".formatted(keptIds))
				.query(String.class)
				.list());
			jdbc.sql("DELETE FROM roster_error WHERE roster_id IN (%s)".formatted(keptIds)).update();
			jdbc.sql("UPDATE roster SET disposed_at = ? WHERE id IN (%s)".formatted(keptIds)).param(now).update();
		}
		return files;
	}

	@Override
	public boolean references(String sha256) {
		return jdbc.sql("SELECT COUNT(*) FROM roster WHERE file_sha256 = ? AND disposed_at IS NULL")
			.param(sha256)
			.query(Long.class)
			.single() > 0;
	}

}
