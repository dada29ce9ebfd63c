package jp.madoguchi.reconcile;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import jp.madoguchi.errors.Messages;
import jp.madoguchi.forms.FormsEngine;
import jp.madoguchi.forms.ReportDocument;
import jp.madoguchi.japanese.JapaneseDates;
import jp.madoguchi.tenant.Municipality;
import jp.madoguchi.tenant.StaffUser;
import jp.madoguchi.tenant.Tenants;

/**
 * A run's report for the section head (課長), printed through the forms module: the run
 * (municipality, day, attempt, status, cases checked, counts by severity), then every
 * finding it found with its evidence, state and comment.
 */
@Component
class ReconcileReport {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

	/**
	 * The table's columns: the catalogue's {@code RECONCILE_REPORT_COLUMN_<name>}, and
	 * widths.
	 */
	private static final Map<String, Integer> COLUMNS = columns();

	private static Map<String, Integer> columns() {
		Map<String, Integer> columns = new LinkedHashMap<>();
		columns.put("SEVERITY", 6);
		columns.put("TYPE", 13);
		columns.put("CASE", 6);
		columns.put("MESSAGE", 32);
		columns.put("EVIDENCE", 17);
		columns.put("STATE", 8);
		columns.put("COMMENT", 18);
		return columns;
	}

	private final FormsEngine forms;

	private final Tenants tenants;

	private final Messages messages;

	ReconcileReport(FormsEngine forms, Tenants tenants, Messages messages) {
		this.forms = forms;
		this.tenants = tenants;
		this.messages = messages;
	}

	/**
	 * The PDF; a character no font of the forms can draw (say, in a comment) refuses it
	 * with the forms' own 422.
	 */
	byte[] pdf(StaffUser user, Reconciliation run) {
		return forms.report(document(user, run));
	}

	ReportDocument document(StaffUser user, Reconciliation run) {
		String municipality = tenants.findMunicipality(user.municipalityId())
			.map(ReconcileReport::municipalityLine)
			.orElse(user.municipalityName());
		Map<Severity, Long> counts = new EnumMap<>(Severity.class);
		run.findings().forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
		List<String> header = new ArrayList<>();
		header.add(messages.text("RECONCILE_REPORT_MUNICIPALITY", municipality));
		header.add(messages.text("RECONCILE_REPORT_DAY", JapaneseDates.toEraText(run.date()), run.date().toString()));
		header.add(messages.text("RECONCILE_REPORT_RUN", Integer.toString(run.attempt() + 1),
				messages.text("RECONCILE_STATUS_" + run.status())));
		header.add(messages.text("RECONCILE_REPORT_TIMES", japanTime(run.startedAt()), run.finishedAt() == null
				? messages.text("RECONCILE_REPORT_NOT_FINISHED") : japanTime(run.finishedAt())));
		header.add(messages.text("RECONCILE_REPORT_CASES", Long.toString(run.casesChecked())));
		List<String> tally = new ArrayList<>();
		for (Severity severity : Severity.values()) {
			tally.add(messages.text("RECONCILE_REPORT_COUNT", severityLabel(severity),
					Long.toString(counts.getOrDefault(severity, 0L))));
		}
		header.add(messages.text("RECONCILE_REPORT_FINDINGS", String.join("　", tally),
				Integer.toString(run.findings().size())));
		if (run.findings().isEmpty()) {
			header.add(messages.text("RECONCILE_REPORT_NO_FINDINGS"));
		}
		header.add(messages.text("RECONCILE_REPORT_PRINTED", japanTime(OffsetDateTime.now()), user.getUsername()));
		List<List<String>> rows = new ArrayList<>();
		for (Reconciliation.Finding f : run.findings()) {
			rows.add(List.of(severityLabel(f.severity()), messages.text("RECONCILE_TYPE_" + f.type().name()),
					f.caseId() == null ? "" : Long.toString(f.caseId()), f.message(), evidence(f.evidence()),
					messages.text("RECONCILE_STATE_" + f.state().name()), f.comment() == null ? "" : f.comment()));
		}
		List<ReportDocument.Column> columns = new ArrayList<>();
		COLUMNS.forEach((name, weight) -> columns
			.add(new ReportDocument.Column(messages.text("RECONCILE_REPORT_COLUMN_" + name), weight)));
		return new ReportDocument(messages.text("RECONCILE_REPORT_TITLE"), header, columns, rows);
	}

	private static String municipalityLine(Municipality m) {
		return m.department() == null || m.department().isBlank() ? m.name() : m.name() + "　" + m.department();
	}

	private String severityLabel(Severity severity) {
		return messages.text("RECONCILE_SEVERITY_" + severity.name());
	}

	/** The ids that prove the finding, one kind a line, as on the page. */
	String evidence(FoundProblem.Evidence evidence) {
		List<String> lines = new ArrayList<>();
		if (!evidence.stepIds().isEmpty()) {
			lines.add(messages.text("RECONCILE_REPORT_STEPS", joined(evidence.stepIds())));
		}
		if (!evidence.eventIds().isEmpty()) {
			lines.add(messages.text("RECONCILE_REPORT_EVENTS", joined(evidence.eventIds())));
		}
		if (!evidence.documentIds().isEmpty()) {
			lines.add(messages.text("RECONCILE_REPORT_DOCUMENTS", joined(evidence.documentIds())));
		}
		return String.join("\n", lines);
	}

	private static String joined(List<?> ids) {
		return String.join(", ", ids.stream().map(String::valueOf).toList());
	}

	private static String japanTime(OffsetDateTime time) {
		LocalDateTime local = time.atZoneSameInstant(ReconcileJobConfiguration.JAPAN).toLocalDateTime();
		return TIME.format(local);
	}

}
