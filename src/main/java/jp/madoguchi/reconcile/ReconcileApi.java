package jp.madoguchi.reconcile;

import static jp.madoguchi.csv.SpreadsheetCsv.neutralised;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.csv.SpreadsheetCsv;
import jp.madoguchi.errors.ApiError;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.tenant.StaffUser;

/**
 * The reconciliation for OPERATORs: run a day, read what it found, acknowledge or
 * resolve.
 */
@RestController
class ReconcileApi {

	/** Days a dashboard covers when not asked otherwise. */
	static final int DASHBOARD_DAYS = 14;

	private final Reconciliations reconciliations;

	private final FindingStore store;

	private final AuditLog audit;

	private final ReconcileReport report;

	ReconcileApi(Reconciliations reconciliations, FindingStore store, AuditLog audit, ReconcileReport report) {
		this.reconciliations = reconciliations;
		this.store = store;
		this.audit = audit;
		this.report = report;
	}

	/** {@code {"date": "YYYY-MM-DD"}}. */
	record RunRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String date) {
	}

	/** {@code {"state": "ACKNOWLEDGED|RESOLVED|OPEN", "comment"}}. */
	record StateRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String state, String comment) {
	}

	@PostMapping("/api/reconciliations")
	@PreAuthorize("hasRole('OPERATOR')")
	@ApiResponse(responseCode = "200", description = "the run, done, with its findings")
	@ApiResponse(responseCode = "400", description = "RECONCILE_BAD_DATE",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	@ApiResponse(responseCode = "409", description = "RECONCILE_RUNNING: the municipality's run is under way",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	Reconciliation run(@AuthenticationPrincipal StaffUser user, @RequestBody RunRequest request) {
		LocalDate day = day(request.date());
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.RECONCILIATION_RUN, "reconciliation",
				day.toString());
		return reconciliations.run(user.municipalityId(), day, user.getUsername());
	}

	@GetMapping("/api/reconciliations")
	@PreAuthorize("hasRole('OPERATOR')")
	@ApiResponse(responseCode = "200", description = "the day's latest run and its findings")
	@ApiResponse(responseCode = "404", description = "no run for that day",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	Reconciliation get(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) String date) {
		LocalDate day = day(date);
		Reconciliation r = reconciliations.result(user.municipalityId(), day).orElseThrow(ClientError::notFound);
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.VIEW, "reconciliation", day.toString());
		return r;
	}

	/**
	 * The day's findings as CSV (UTF-8 with BOM, so that Excel reads it), for the section
	 * head's spreadsheet; a value starting with = + - @ is neutralised with a leading
	 * apostrophe so that no spreadsheet runs it as a formula.
	 */
	@GetMapping(value = "/api/reconciliations.csv", produces = "text/csv;charset=UTF-8")
	@PreAuthorize("hasRole('OPERATOR')")
	@ApiResponse(responseCode = "200", description = "the day's findings, one per row")
	@ApiResponse(responseCode = "404", description = "no run for that day",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	ResponseEntity<byte[]> csv(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) String date)
			throws IOException {
		LocalDate day = day(date);
		Reconciliation r = reconciliations.result(user.municipalityId(), day).orElseThrow(ClientError::notFound);
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.DOWNLOAD, "reconciliation", day.toString());
		StringBuilder out = new StringBuilder();
		try (CSVPrinter printer = SpreadsheetCsv.printer(out)) {
			printer.printRecord("日付", "回", "指摘ID", "重要度", "種類", "案件", "内容", "状態", "コメント", "初回検出日", "最終検出日", "手順ID",
					"読取記録ID");
			for (Reconciliation.Finding f : r.findings()) {
				printer.printRecord(day, r.attempt() + 1, f.id(), f.severity(), f.type(),
						f.caseId() == null ? "" : f.caseId(), neutralised(f.message()), f.state(),
						neutralised(f.comment()), f.firstFoundOn(), f.lastFoundOn(), joined(f.evidence().stepIds()),
						neutralised(joined(f.evidence().eventIds())));
			}
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reconciliation-" + day + ".csv\"")
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.body(out.toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The day's report for the section head, through the forms module (Japanese, every
	 * font embedded), audited as a download like the CSV.
	 */
	@GetMapping("/api/reconciliations/report.pdf")
	@PreAuthorize("hasRole('OPERATOR')")
	@ApiResponse(responseCode = "200", description = "the day's latest run and its findings as PDF/A-2b",
			content = @Content(mediaType = "application/pdf"))
	@ApiResponse(responseCode = "400", description = "RECONCILE_BAD_DATE",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	@ApiResponse(responseCode = "404", description = "RECONCILE_NO_RUN: no run for that day",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	@ApiResponse(responseCode = "422",
			description = "FORM_REFUSED: a character (say, in a comment) that no font of the forms can draw",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	ResponseEntity<byte[]> report(@AuthenticationPrincipal StaffUser user,
			@RequestParam(required = false) String date) {
		LocalDate day = day(date);
		Reconciliation r = reconciliations.result(user.municipalityId(), day)
			.orElseThrow(() -> new ClientError(HttpStatus.NOT_FOUND, "RECONCILE_NO_RUN", day.toString()));
		byte[] pdf = report.pdf(user, r);
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.DOWNLOAD, "reconciliation.report",
				day.toString());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("reconciliation-report-" + day + ".pdf")
						.build()
						.toString())
			.body(pdf);
	}

	/**
	 * The dashboard: the last {@code days} days (1 to 90, 14 unless asked) that have a
	 * run, counted by severity, and the findings still open.
	 */
	@GetMapping("/api/reconciliations/summary")
	@PreAuthorize("hasRole('OPERATOR')")
	@ApiResponse(responseCode = "200", description = "the days with runs and the open findings")
	@ApiResponse(responseCode = "400", description = "RECONCILE_BAD_DAYS",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	ReconciliationSummary summary(@AuthenticationPrincipal StaffUser user,
			@RequestParam(required = false) String days) {
		ReconciliationSummary summary = reconciliations.summary(user.municipalityId(), days(days));
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.VIEW, "reconciliation.summary",
				summary.from() + "/" + summary.to());
		return summary;
	}

	static int days(String days) {
		if (days == null || days.isBlank()) {
			return DASHBOARD_DAYS;
		}
		try {
			int value = Integer.parseInt(days.strip());
			if (value >= 1 && value <= 90) {
				return value;
			}
		}
		catch (NumberFormatException e) {
			// Answered below, like a number out of range.
		}
		throw ClientError.badRequest("RECONCILE_BAD_DAYS").field("days");
	}

	private static String joined(List<?> values) {
		return String.join(" ", values.stream().map(String::valueOf).toList());
	}

	@PostMapping("/api/reconciliations/findings/{id}")
	@PreAuthorize("hasRole('OPERATOR')")
	@ApiResponse(responseCode = "204", description = "the finding's state changed")
	@ApiResponse(responseCode = "400", description = "RECONCILE_BAD_STATE, RECONCILE_COMMENT_REQUIRED",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changeState(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
			@RequestBody StateRequest request) {
		changeFindingState(store, audit, user, id, request.state(), request.comment());
	}

	static void changeFindingState(FindingStore store, AuditLog audit, StaffUser user, long id, String state,
			String comment) {
		FindingState target;
		try {
			target = FindingState.valueOf(state == null ? "" : state.strip());
		}
		catch (IllegalArgumentException e) {
			throw ClientError.badRequest("RECONCILE_BAD_STATE").field("state");
		}
		String text = comment == null || comment.isBlank() ? null : comment.strip();
		if (target != FindingState.OPEN && text == null) {
			throw ClientError.badRequest("RECONCILE_COMMENT_REQUIRED").field("comment");
		}
		if (text != null && text.length() > 1000) {
			throw ClientError.badRequest("RECONCILE_COMMENT_TOO_LONG").field("comment");
		}
		if (!store.changeState(user.municipalityId(), id, target, text, user.getUsername())) {
			throw ClientError.notFound();
		}
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.FINDING_UPDATED, "reconciliation.finding",
				Long.toString(id));
	}

	static LocalDate day(String date) {
		if (date == null || date.isBlank()) {
			throw ClientError.badRequest("RECONCILE_BAD_DATE").field("date");
		}
		try {
			return LocalDate.parse(date.strip());
		}
		catch (DateTimeParseException e) {
			throw ClientError.badRequest("RECONCILE_BAD_DATE").field("date");
		}
	}

}
