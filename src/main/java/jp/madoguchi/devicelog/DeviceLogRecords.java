package jp.madoguchi.devicelog;

import java.time.LocalDate;
import java.time.ZoneId;
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
 * Device logs as records ({@code device-log}): a counter PC's log of one day (its hash
 * chain), kept from that day; its SHA-256 is the chain's last hash. Disposing of one
 * deletes each event's line as shipped and the card's fingerprint; what was done, when
 * and with what outcome stays for the cases' history (no card or personal data).
 */
@Component
class DeviceLogRecords extends TableRecordKeeper {

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	DeviceLogRecords(JdbcClient jdbc) {
		super(jdbc, "device_chain", "id", Ids.NUMBERS, null);
	}

	@Override
	public String recordType() {
		return "device-log";
	}

	@Override
	public List<KeptRecord> records(long municipalityId, long after, int limit) {
		record Row(long id, String headHash, LocalDate day) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT id, head_hash, log_day FROM device_chain
				WHERE municipality_id = ? AND disposed_at IS NULL AND id > ?
				ORDER BY id FETCH FIRST ? ROWS ONLY""")
			.params(municipalityId, after, limit)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
			.list();
		Map<Long, List<Long>> caseIds = new HashMap<>();
		for (List<Long> slice : IdLists.slices(rows.stream().map(Row::id).toList())) {
			jdbc.sql("""
					SELECT DISTINCT chain_id, case_ref FROM device_event
					WHERE municipality_id = ? AND chain_id IN (%s) AND case_ref IS NOT NULL"""
				.formatted(IdLists.numbers(slice))).param(municipalityId).query(rs -> {
					String ref = rs.getString(2);
					if (ref.matches("\\d{1,18}")) {
						caseIds.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(Long.valueOf(ref));
					}
				});
		}
		List<KeptRecord> records = new ArrayList<>(rows.size());
		for (Row r : rows) {
			String sha256 = r.headHash() != null ? r.headHash() : KeptRecord.fieldsSha256(Long.toString(r.id()));
			records.add(new KeptRecord(r.id(), Long.toString(r.id()), sha256,
					r.day().atStartOfDay(JAPAN).toOffsetDateTime(), null, caseIds.getOrDefault(r.id(), List.of())));
		}
		return records;
	}

	/** Each event's line as shipped, and the card's fingerprint. */
	@Override
	protected void deleteContent(long municipalityId, String kept) {
		jdbc.sql("""
				UPDATE device_event SET line = '', card_fingerprint = NULL
				WHERE chain_id IN (SELECT id FROM device_chain WHERE %s)""".formatted(kept))
			.param(municipalityId)
			.update();
	}

}
