package jp.madoguchi.tenant;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

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

	/** 201 with the key: the only time it is shown. */
	@PostMapping
	ResponseEntity<WorkstationKeys.IssuedKey> issue(@AuthenticationPrincipal StaffUser user,
			@RequestBody Map<String, String> body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(keys.issue(user, body.get("workstation")));
	}

	@GetMapping
	List<WorkstationKeys.KeySummary> list(@AuthenticationPrincipal StaffUser user) {
		return keys.list(user.municipalityId());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal StaffUser user, @PathVariable long id) {
		if (!keys.revoke(user.municipalityId(), id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, String>> bad(IllegalArgumentException e) {
		return ResponseEntity.badRequest().body(Map.of("code", "BAD_WORKSTATION", "message", e.getMessage()));
	}

}
