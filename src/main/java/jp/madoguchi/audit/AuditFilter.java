package jp.madoguchi.audit;

import java.time.LocalDate;

/**
 * Which audit entries to list; every part may be left out (null). A record is named by
 * its target type and id, or by its id alone; days are Japan's, both included.
 */
public record AuditFilter(String username, AuditAction action, String targetType, String targetId, LocalDate from,
		LocalDate to) {

	/** Every entry of the municipality. */
	public static AuditFilter all() {
		return new AuditFilter(null, null, null, null, null, null);
	}

}
