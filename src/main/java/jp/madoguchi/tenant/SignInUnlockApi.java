package jp.madoguchi.tenant;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/users/{id}/unlock} (ADMIN): lifts a throttled user's sign-in wait;
 * 204, or 404 for a user of another municipality.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class SignInUnlockApi {

	private final SignInUnlocks unlocks;

	SignInUnlockApi(SignInUnlocks unlocks) {
		this.unlocks = unlocks;
	}

	@PostMapping("/api/users/{id}/unlock")
	ResponseEntity<Void> unlock(@AuthenticationPrincipal StaffUser admin, @PathVariable String id) {
		this.unlocks.unlock(admin, id);
		return ResponseEntity.noContent().build();
	}

}
