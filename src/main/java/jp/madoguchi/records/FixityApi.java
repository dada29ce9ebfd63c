package jp.madoguchi.records;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jp.madoguchi.tenant.StaffUser;

/**
 * {@code POST /api/fixity-checks} (OPERATOR): checks the municipality's stored files now.
 */
@RestController
class FixityApi {

	private final FixityCheck fixity;

	FixityApi(FixityCheck fixity) {
		this.fixity = fixity;
	}

	@PostMapping("/api/fixity-checks")
	@PreAuthorize("hasRole('OPERATOR')")
	@ApiResponse(responseCode = "200", description = "the files checked and those altered or missing")
	FixityReport check(@AuthenticationPrincipal StaffUser operator) {
		return fixity.run(operator);
	}

}
