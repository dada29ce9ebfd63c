package jp.madoguchi.records;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.errors.ApiError;
import jp.madoguchi.tenant.StaffUser;

/**
 * {@code GET /api/audit} and {@code GET /api/audit.csv} (ADMIN): the municipality's audit
 * log, filtered by user, action, record and days.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class AuditViewerApi {

	private final AuditViewer viewer;

	AuditViewerApi(AuditViewer viewer) {
		this.viewer = viewer;
	}

	@GetMapping("/api/audit")
	@ApiResponse(responseCode = "200",
			description = "a page of entries, newest first; next: the before= of the next page")
	@ApiResponse(responseCode = "400",
			description = "AUDIT_BAD_ACTION, AUDIT_BAD_DATE, AUDIT_BAD_PERIOD, AUDIT_TEXT_TOO_LONG (field: the filter)",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	AuditViewer.AuditEntries list(@AuthenticationPrincipal StaffUser admin, @RequestParam(required = false) String user,
			@RequestParam(required = false) String action, @RequestParam(required = false) String record,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Long before) {
		return viewer.page(admin, new AuditQuery(user, action, record, from, to), before);
	}

	@GetMapping(value = "/api/audit.csv", produces = "text/csv;charset=UTF-8")
	@ApiResponse(responseCode = "200", description = "every matching entry as CSV (UTF-8 with BOM), newest first")
	@ApiResponse(responseCode = "400", description = "as GET /api/audit",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	void csv(@AuthenticationPrincipal StaffUser admin, @RequestParam(required = false) String user,
			@RequestParam(required = false) String action, @RequestParam(required = false) String record,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			HttpServletResponse response) throws IOException {
		AuditQuery query = new AuditQuery(user, action, record, from, to);
		// Checked before the answer starts, so that a bad filter is still a 400.
		query.filter();
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"");
		// The printer closes (and so flushes) the writer when done.
		viewer.csv(admin, query, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
	}

}
