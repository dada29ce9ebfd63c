package jp.madoguchi.tenant;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.madoguchi.errors.Messages;

/**
 * {@code POST /admin/users/{id}/unlock} (ADMIN, a form with CSRF token): the same unlock
 * as the API, then back to the user's page with a notice.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SignInUnlockPages {

	private final SignInUnlocks unlocks;

	private final Messages messages;

	SignInUnlockPages(SignInUnlocks unlocks, Messages messages) {
		this.unlocks = unlocks;
		this.messages = messages;
	}

	@PostMapping("/admin/users/{id}/unlock")
	String unlock(@AuthenticationPrincipal StaffUser admin, @PathVariable String id, RedirectAttributes redirect) {
		this.unlocks.unlock(admin, id);
		redirect.addFlashAttribute("notice", this.messages.text("SIGN_IN_UNLOCKED"));
		// unlock() answered 404 for anything but a number of this municipality's users.
		return "redirect:/admin/users/" + Long.parseLong(id);
	}

}
