package jp.madoguchi.tenant;

import java.util.List;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jp.madoguchi.errors.ClientError;

/**
 * {@code /api/workstation-keys} (ADMIN or OPERATOR): make, list and revoke the counter
 * PCs' keys.
 */
@RestController
@RequestMapping("/api/workstation-keys")
@PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
class WorkstationKeysApi {

	private final WorkstationKeys keys;

	WorkstationKeysApi(WorkstationKeys keys) {
		this.keys = keys;
	}

	/** The workstation's name, e.g. {@code 窓口PC-01}. */
	record IssueRequest(String workstation) {
	}

	/** 201 with the key: the only time it is shown. */
	@PostMapping
	@ApiResponse(responseCode = "201", description = "the key, shown this once")
	ResponseEntity<WorkstationKeys.IssuedKey> issue(@AuthenticationPrincipal StaffUser user,
			@RequestBody IssueRequest body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(keys.issue(user, body.workstation()));
	}

	@GetMapping
	List<WorkstationKeys.KeySummary> list(@AuthenticationPrincipal StaffUser user) {
		return keys.list(user.municipalityId());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal StaffUser user, @PathVariable long id) {
		if (!keys.revoke(user.municipalityId(), id)) {
			throw ClientError.notFound();
		}
		return ResponseEntity.noContent().build();
	}

}
