package jp.madoguchi.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jp.madoguchi.tenant.Role;
import jp.madoguchi.tenant.StaffUser;

/** Sign-in page and the start page, which sends each role to its work. */
@Controller
class HomePages {

	/**
	 * The sign-in page; also shown (with status 429, set by {@link SignInRefusals}) when
	 * the username's sign-ins are throttled.
	 */
	@GetMapping("/login")
	@PreAuthorize("permitAll()")
	String login(HttpServletRequest request, Model model) {
		Object throttled = request.getAttribute(SignInRefusals.THROTTLED);
		if (throttled != null) {
			model.addAttribute("throttled", throttled);
		}
		return "login";
	}

	@GetMapping("/")
	@PreAuthorize("hasAnyRole('CLERK', 'RECORDS_OFFICER', 'OPERATOR', 'ADMIN')")
	String home(@AuthenticationPrincipal StaffUser user) {
		if (user != null && user.hasRole(Role.CLERK)) {
			return "redirect:/rosters";
		}
		if (user != null && user.hasRole(Role.ADMIN)) {
			return "redirect:/admin/templates";
		}
		return "home";
	}

}
