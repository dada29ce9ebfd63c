package jp.madoguchi.records;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.Messages;
import jp.madoguchi.tenant.StaffUser;

/**
 * How long each record type is kept in a municipality: the ADMIN's setting, or the
 * service's default (README, §Records management) with its reason.
 */
@Service
class RetentionClasses {

	/** The longest retention an ADMIN may set (a permanent record is not a class). */
	static final int MAX_YEARS = 100;

	private static final Map<RecordType, Default> DEFAULTS = Map.of(RecordType.ROSTER_FILE,
			new Default(3, RetentionEvent.CREATED), RecordType.SCAN_ORIGINAL,
			new Default(5, RetentionEvent.CASE_CLOSED), RecordType.SIGNED_DOCUMENT,
			new Default(5, RetentionEvent.CASE_CLOSED), RecordType.GENERATED_DOCUMENT,
			new Default(5, RetentionEvent.CASE_CLOSED), RecordType.DEVICE_LOG, new Default(5, RetentionEvent.CREATED));

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Messages messages;

	RetentionClasses(JdbcClient jdbc, AuditLog audit, Messages messages) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.messages = messages;
	}

	/** Every record type's class, in the order of {@link RecordType}. */
	List<RetentionClass> list(long municipalityId) {
		Map<String, RetentionClass> set = new HashMap<>();
		jdbc.sql("""
				SELECT record_type, years, from_event, changed_by, changed_at FROM retention_class
				WHERE municipality_id = ?""").param(municipalityId).query(rs -> {
			RecordType type = RecordType.of(rs.getString(1)).orElseThrow();
			set.put(type.id(),
					new RetentionClass(type.id(), label(type), rs.getInt(2), RetentionEvent.valueOf(rs.getString(3)),
							false, reason(type), rs.getString(4), rs.getObject(5, OffsetDateTime.class)));
		});
		return Arrays.stream(RecordType.values())
			.map(t -> set.getOrDefault(t.id(),
					new RetentionClass(t.id(), label(t), DEFAULTS.get(t).years(), DEFAULTS.get(t).from(), true,
							reason(t), null, null)))
			.toList();
	}

	/**
	 * Sets a record type's class.
	 * @throws ClientError 404 for a record type that does not exist; 400
	 * {@code RETENTION_BAD_YEARS} or {@code RETENTION_BAD_EVENT} (with the events the
	 * type allows)
	 */
	@Transactional
	RetentionClass set(StaffUser admin, String recordType, Integer years, String from) {
		RecordType type = RecordType.of(recordType)
			.orElseThrow(() -> new ClientError(HttpStatus.NOT_FOUND, "RETENTION_UNKNOWN_TYPE", recordType));
		if (years == null || years < 1 || years > MAX_YEARS) {
			throw ClientError.badRequest("RETENTION_BAD_YEARS", MAX_YEARS).field("years");
		}
		String allowed = type.events().stream().map(Enum::name).collect(Collectors.joining(", "));
		RetentionEvent event = Optional.ofNullable(from)
			.flatMap(f -> Arrays.stream(RetentionEvent.values()).filter(e -> e.name().equals(f.strip())).findFirst())
			.filter(type.events()::contains)
			.orElseThrow(() -> ClientError.badRequest("RETENTION_BAD_EVENT", from == null ? "" : from.strip(),
					type.events()
						.stream()
						.map(e -> messages.text("RETENTION_EVENT_" + e.name()))
						.collect(Collectors.joining("、")))
				.field("from")
				.expected(allowed));
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		int updated = jdbc.sql("""
				UPDATE retention_class SET years = ?, from_event = ?, changed_by = ?, changed_at = ?
				WHERE municipality_id = ? AND record_type = ?""")
			.params(years, event.name(), admin.getUsername(), now, admin.municipalityId(), type.id())
			.update();
		if (updated == 0) {
			jdbc.sql(
					"""
							INSERT INTO retention_class (municipality_id, record_type, years, from_event, changed_by, changed_at)
							VALUES (?, ?, ?, ?, ?, ?)""")
				.params(admin.municipalityId(), type.id(), years, event.name(), admin.getUsername(), now)
				.update();
		}
		audit.record(admin.municipalityId(), admin.getUsername(), AuditAction.CHANGE, "retention.class", type.id());
		return new RetentionClass(type.id(), label(type), years, event, false, reason(type), admin.getUsername(), now);
	}

	private String label(RecordType type) {
		return messages.text("RECORD_TYPE_" + type.name());
	}

	private String reason(RecordType type) {
		return messages.text("RETENTION_REASON_" + type.name());
	}

	private record Default(int years, RetentionEvent from) {
	}

}
