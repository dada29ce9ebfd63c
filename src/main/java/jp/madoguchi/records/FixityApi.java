package jp.madoguchi.records;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.errors.ApiError;
import jp.madoguchi.tenant.StaffUser;

/**
 * {@code POST /api/fixity-checks} (OPERATOR): checks the municipality's stored files now;
 * {@code GET /api/fixity-checks}: the latest runs and the findings still open.
 */
@RestController
class FixityApi {

	private final FixityCheck fixity;

	private final FixityStore store;

	private final AuditLog audit;

	FixityApi(FixityCheck fixity, FixityStore store, AuditLog audit) {
		this.fixity = fixity;
		this.store = store;
		this.audit = audit;
	}

	@PostMapping("/api/fixity-checks")
	@PreAuthorize("hasRole('OPERATOR')")
	@ApiResponse(responseCode = "200", description = "the files checked and those altered or missing")
	@ApiResponse(responseCode = "409", description = "FIXITY_RUNNING: the municipality's check is under way",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	FixityReport check(@AuthenticationPrincipal StaffUser operator) {
		return fixity.run(operator);
	}

	@GetMapping("/api/fixity-checks")
	@PreAuthorize("hasRole('OPERATOR')")
	@ApiResponse(responseCode = "200", description = "the latest runs, the newest first, and the open findings")
	FixityOverview overview(@AuthenticationPrincipal StaffUser operator) {
		long municipalityId = operator.municipalityId();
		FixityOverview overview = new FixityOverview(store.runs(municipalityId, FixityOverview.RUNS_LISTED),
				store.open(municipalityId, FixityOverview.OPEN_LISTED));
		audit.record(municipalityId, operator.getUsername(), AuditAction.VIEW, "fixity", "overview");
		return overview;
	}

}
