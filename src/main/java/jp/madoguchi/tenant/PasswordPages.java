package jp.madoguchi.tenant;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.Messages;

/**
 * {@value PasswordChangeFilter#PASSWORD_PAGE}: any signed-in person changes their own
 * password; after a temporary password every other page leads here first.
 */
@Controller
@PreAuthorize("hasAnyRole('CLERK','RECORDS_OFFICER','OPERATOR','ADMIN')")
class PasswordPages {

	private final UserAdministration users;

	private final Messages messages;

	PasswordPages(UserAdministration users, Messages messages) {
		this.users = users;
		this.messages = messages;
	}

	@ModelAttribute("limits")
	TenantLimits.Limits limits() {
		return TenantLimits.FOR_PAGES;
	}

	@GetMapping(PasswordChangeFilter.PASSWORD_PAGE)
	String page() {
		return "password";
	}

	@PostMapping(PasswordChangeFilter.PASSWORD_PAGE)
	String change(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String confirmPassword, HttpServletRequest request, Model model) {
		try {
			if (!newPassword.equals(confirmPassword)) {
				throw ClientError.unprocessable("PASSWORD_CONFIRMATION_MISMATCH");
			}
			users.changeOwnPassword(user, currentPassword, newPassword);
		}
		catch (ClientError e) {
			model.addAttribute("error", messages.of(e).message());
			return "password";
		}
		// A new session id for the new credential; the filter refreshes the session's
		// user.
		request.changeSessionId();
		return "redirect:/";
	}

}
