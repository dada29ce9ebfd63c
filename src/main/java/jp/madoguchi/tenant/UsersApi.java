package jp.madoguchi.tenant;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jp.madoguchi.tenant.UserAdministration.CreatedUser;
import jp.madoguchi.tenant.UserAdministration.NewUser;
import jp.madoguchi.tenant.UserAdministration.TemporaryPassword;
import jp.madoguchi.tenant.UserAdministration.UserChanges;
import jp.madoguchi.tenant.UserAdministration.UserRecord;

/**
 * {@code /api/users} (ADMIN): the users of the administrator's municipality, and
 * {@code /api/me/password} for everyone's own password.
 */
@RestController
class UsersApi {

	private final UserAdministration users;

	UsersApi(UserAdministration users) {
		this.users = users;
	}

	/** 201 with the temporary password: the only time it is shown. */
	@PostMapping("/api/users")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<CreatedUser> create(@AuthenticationPrincipal StaffUser admin, @RequestBody NewUser request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(users.create(admin, request));
	}

	@GetMapping("/api/users")
	@PreAuthorize("hasRole('ADMIN')")
	List<UserRecord> list(@AuthenticationPrincipal StaffUser admin) {
		return users.list(admin);
	}

	@GetMapping("/api/users/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	UserRecord get(@AuthenticationPrincipal StaffUser admin, @PathVariable long id) {
		return users.get(admin, id);
	}

	@PatchMapping("/api/users/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	UserRecord update(@AuthenticationPrincipal StaffUser admin, @PathVariable long id,
			@RequestBody UserChanges changes) {
		return users.update(admin, id, changes);
	}

	@PostMapping("/api/users/{id}/password-reset")
	@PreAuthorize("hasRole('ADMIN')")
	TemporaryPassword resetPassword(@AuthenticationPrincipal StaffUser admin, @PathVariable long id) {
		return users.resetPassword(admin, id);
	}

	/**
	 * 204; 422 {@code CURRENT_PASSWORD_WRONG}, {@code PASSWORD_UNCHANGED} or
	 * {@code WEAK_PASSWORD}. The one call open to a user with a temporary password.
	 */
	@PostMapping("/api/me/password")
	@PreAuthorize("hasAnyRole('CLERK','RECORDS_OFFICER','OPERATOR','ADMIN')")
	ResponseEntity<Void> changeOwnPassword(@AuthenticationPrincipal StaffUser user,
			@RequestBody PasswordChange request) {
		users.changeOwnPassword(user, request.currentPassword(), request.newPassword());
		return ResponseEntity.noContent().build();
	}

	record PasswordChange(String currentPassword, String newPassword) {
	}

}
