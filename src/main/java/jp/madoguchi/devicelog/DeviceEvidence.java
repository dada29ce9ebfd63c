package jp.madoguchi.devicelog;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import jp.madoguchi.sql.IdLists;

/**
 * What the device log can prove, in bulk, for a batch job: the events of a list of cases,
 * the workstation-days whose log was refused as tampered or broken, and events of cases
 * no case knows. Read-only; scoped to one municipality.
 */
@Service
public class DeviceEvidence {

	/** Problems that mean a workstation-day's log cannot be trusted as shipped. */
	static final Set<String> CHAIN_PROBLEMS = Set.of("EDITED", "DELETED_OR_REORDERED", "TORN", "MALFORMED",
			"CHAIN_FORKED", "CHAIN_SPLICED", "EVENT_REWRITTEN", "OTHER_DAY", "OTHER_WORKSTATION");

	private static final Pattern DAY_IN_FILE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final JdbcClient jdbc;

	DeviceEvidence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The events of these cases up to {@code until}, by case, oldest first. */
	public Map<Long, List<CaseDeviceEvent>> eventsOfCases(long municipalityId, Collection<Long> caseIds,
			OffsetDateTime until) {
		Map<Long, List<CaseDeviceEvent>> byCase = new HashMap<>();
		for (List<Long> slice : IdLists.slices(caseIds)) {
			jdbc.sql("""
					SELECT e.case_ref, e.event_id, e.event_time, e.workstation, c.log_day, e.command, e.outcome,
					    e.card_fingerprint, k.workstation_key_id
					FROM device_event e
					LEFT JOIN device_chain c ON c.id = e.chain_id
					LEFT JOIN device_chunk k ON k.id = e.chunk_id
					WHERE e.case_ref IN (%s) AND e.municipality_id = ? AND e.event_time <= ?
					ORDER BY e.event_time, e.id""".formatted(IdLists.decimalStrings(slice)))
				.params(municipalityId, until)
				.query((rs, n) -> new CaseDeviceEvent(Long.parseLong(rs.getString(1)), rs.getString(2),
						rs.getObject(3, OffsetDateTime.class), rs.getString(4), rs.getObject(5, LocalDate.class),
						rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9) != null))
				.list()
				.forEach(e -> byCase.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e));
		}
		return byCase;
	}

	/**
	 * The workstation-days ({@code workstation|yyyy-MM-dd}) whose shipped log was refused
	 * as tampered or broken up to {@code until}: the day named in the log file's name, or
	 * else the day it was received (in Japan).
	 */
	public Set<String> brokenWorkstationDays(long municipalityId, OffsetDateTime until) {
		Set<String> days = new HashSet<>();
		jdbc.sql("""
				SELECT workstation, log_file, received_at, problem FROM device_log_finding
				WHERE municipality_id = ? AND received_at <= ? AND workstation IS NOT NULL""")
			.params(municipalityId, until)
			.query(rs -> {
				if (CHAIN_PROBLEMS.contains(rs.getString(4))) {
					String file = rs.getString(2);
					Matcher m = file == null ? null : DAY_IN_FILE.matcher(file);
					String day = m != null && m.find() ? m.group(1)
							: rs.getObject(3, OffsetDateTime.class).atZoneSameInstant(JAPAN).toLocalDate().toString();
					days.add(rs.getString(1) + "|" + day);
				}
			});
		return days;
	}

	/**
	 * Events for a case reference no case of the municipality knows, up to {@code until}.
	 */
	public List<UnknownCaseEvent> unknownCaseEvents(long municipalityId, OffsetDateTime until) {
		return jdbc.sql("""
				SELECT event_id, event_time, workstation, case_ref, command, outcome FROM device_event
				WHERE municipality_id = ? AND unknown_case = TRUE AND event_time <= ? ORDER BY event_time, id""")
			.params(municipalityId, until)
			.query((rs, n) -> new UnknownCaseEvent(rs.getString(1), rs.getObject(2, OffsetDateTime.class),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	/** A device event whose case reference no case knows. */
	public record UnknownCaseEvent(String eventId, OffsetDateTime time, String workstation, String caseRef,
			String command, String outcome) {
	}

}
