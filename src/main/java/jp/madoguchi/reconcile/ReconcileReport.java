package jp.madoguchi.reconcile;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
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

	static final String TITLE = "夜間突合せ報告書";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

	private static final List<ReportDocument.Column> COLUMNS = List.of(new ReportDocument.Column("重要度", 6),
			new ReportDocument.Column("種類", 13), new ReportDocument.Column("案件", 6),
			new ReportDocument.Column("内容", 32), new ReportDocument.Column("根拠", 17),
			new ReportDocument.Column("状態", 8), new ReportDocument.Column("コメント", 18));

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
		header.add("自治体：" + municipality);
		header.add("対象日：" + JapaneseDates.toEraText(run.date()) + "（" + run.date() + "）");
		header.add("実行：第" + (run.attempt() + 1) + "回　状態：" + messages.text("RECONCILE_STATUS_" + run.status()));
		header.add("開始：" + japanTime(run.startedAt()) + "　終了："
				+ (run.finishedAt() == null ? "未了" : japanTime(run.finishedAt())));
		header.add("確認した案件：" + run.casesChecked() + "件");
		List<String> tally = new ArrayList<>();
		for (Severity severity : Severity.values()) {
			tally.add(severityLabel(severity) + " " + counts.getOrDefault(severity, 0L) + "件");
		}
		header.add("指摘：" + String.join("　", tally) + "（計 " + run.findings().size() + "件）");
		if (run.findings().isEmpty()) {
			header.add("指摘はありません。");
		}
		header.add("出力：" + japanTime(OffsetDateTime.now()) + "　" + user.getUsername());
		List<List<String>> rows = new ArrayList<>();
		for (Reconciliation.Finding f : run.findings()) {
			rows.add(List.of(severityLabel(f.severity()), messages.text("RECONCILE_TYPE_" + f.type().name()),
					f.caseId() == null ? "" : Long.toString(f.caseId()), f.message(), evidence(f.evidence()),
					messages.text("RECONCILE_STATE_" + f.state().name()), f.comment() == null ? "" : f.comment()));
		}
		return new ReportDocument(TITLE, header, COLUMNS, rows);
	}

	private static String municipalityLine(Municipality m) {
		return m.department() == null || m.department().isBlank() ? m.name() : m.name() + "　" + m.department();
	}

	private String severityLabel(Severity severity) {
		return messages.text("RECONCILE_SEVERITY_" + severity.name());
	}

	/** The ids that prove the finding, one kind a line, as on the page. */
	static String evidence(FoundProblem.Evidence evidence) {
		List<String> lines = new ArrayList<>();
		if (!evidence.stepIds().isEmpty()) {
			lines.add("手順 " + joined(evidence.stepIds()));
		}
		if (!evidence.eventIds().isEmpty()) {
			lines.add("読取記録 " + joined(evidence.eventIds()));
		}
		if (!evidence.documentIds().isEmpty()) {
			lines.add("書類 " + joined(evidence.documentIds()));
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
