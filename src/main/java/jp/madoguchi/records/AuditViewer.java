package jp.madoguchi.records;

import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;

import io.swagger.v3.oas.annotations.media.Schema;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditFilter;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.audit.AuditLog.AuditRecord;
import jp.madoguchi.csv.SpreadsheetCsv;
import jp.madoguchi.tenant.StaffUser;

/**
 * The audit log as its ADMIN reads it: the municipality's own entries only, a page at a
 * time or all of them as CSV. Reading the log is itself recorded in it.
 */
@Service
class AuditViewer {

	/** Entries a page. */
	static final int PAGE = 200;

	private final AuditLog audit;

	AuditViewer(AuditLog audit) {
		this.audit = audit;
	}

	/**
	 * A page of entries, newest first, and where the next page starts (null at the end).
	 */
	AuditEntries page(StaffUser admin, AuditQuery query, Long before) {
		AuditFilter filter = query.filter();
		List<AuditRecord> entries = audit.search(admin.municipalityId(), filter, before, PAGE);
		audit.record(admin.municipalityId(), admin.getUsername(), AuditAction.VIEW, "audit", describe(filter));
		return new AuditEntries(entries, entries.size() == PAGE ? entries.get(PAGE - 1).id() : null);
	}

	/** Every matching entry as CSV, newest first, streamed. */
	void csv(StaffUser admin, AuditQuery query, Writer out) throws IOException {
		AuditFilter filter = query.filter();
		audit.record(admin.municipalityId(), admin.getUsername(), AuditAction.DOWNLOAD, "audit", describe(filter));
		try (CSVPrinter printer = SpreadsheetCsv.printer(out)) {
			printer.printRecord("ID", "日時", "利用者", "操作", "対象の種類", "対象ID");
			audit.forEach(admin.municipalityId(), filter, e -> {
				try {
					printer.printRecord(e.id(), e.occurredAt(), SpreadsheetCsv.neutralised(e.username()),
							e.action().name(), SpreadsheetCsv.neutralised(e.targetType()),
							SpreadsheetCsv.neutralised(e.targetId()));
				}
				catch (IOException failed) {
					throw new UncheckedIOException(failed);
				}
			});
		}
	}

	/** What was asked for, as the audit entry's target (at most its column's 100). */
	private static String describe(AuditFilter f) {
		String text = String.join("|", f.username() == null ? "" : f.username(),
				f.action() == null ? "" : f.action().name(), f.targetType() == null ? "" : f.targetType(),
				f.targetId() == null ? "" : f.targetId(), f.from() == null ? "" : f.from().toString(),
				f.to() == null ? "" : f.to().toString());
		return text.length() > 100 ? text.substring(0, 99) + "…" : text;
	}

	/**
	 * A page of the audit log.
	 *
	 * @param next the {@code before} of the next page; absent on the last page
	 */
	record AuditEntries(List<AuditRecord> entries, @Schema(nullable = true) Long next) {
	}

}
