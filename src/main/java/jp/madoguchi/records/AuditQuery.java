package jp.madoguchi.records;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditFilter;
import jp.madoguchi.errors.ClientError;

/**
 * The audit viewer's filter as typed on the page or in the query string: each part
 * optional; a record is {@code type:id} (e.g. {@code case:12}) or an id alone.
 */
record AuditQuery(String user, String action, String record, String from, String to) {

	/** The longest text a filter field takes (the audit table's widest column). */
	static final int MAX_TEXT = 160;

	AuditFilter filter() {
		AuditAction parsedAction = null;
		if (present(action)) {
			try {
				parsedAction = AuditAction.valueOf(action.strip());
			}
			catch (IllegalArgumentException e) {
				throw ClientError.badRequest("AUDIT_BAD_ACTION", action.strip())
					.field("action")
					.expected(Arrays.stream(AuditAction.values()).map(Enum::name).collect(Collectors.joining(", ")));
			}
		}
		String type = null;
		String id = null;
		if (present(record)) {
			String r = text(record, "record");
			int colon = r.indexOf(':');
			if (colon > 0) {
				type = r.substring(0, colon);
				id = r.substring(colon + 1).isEmpty() ? null : r.substring(colon + 1);
			}
			else {
				id = r;
			}
		}
		LocalDate fromDay = day(from, "from");
		LocalDate toDay = day(to, "to");
		if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
			throw ClientError.badRequest("AUDIT_BAD_PERIOD").field("from");
		}
		return new AuditFilter(present(user) ? text(user, "user") : null, parsedAction, type, id, fromDay, toDay);
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	private static String text(String value, String field) {
		String stripped = value.strip();
		if (stripped.length() > MAX_TEXT) {
			throw ClientError.badRequest("AUDIT_TEXT_TOO_LONG", MAX_TEXT).field(field);
		}
		return stripped;
	}

	private static LocalDate day(String value, String field) {
		if (!present(value)) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw ClientError.badRequest("AUDIT_BAD_DATE", value.strip()).field(field);
		}
	}

}
