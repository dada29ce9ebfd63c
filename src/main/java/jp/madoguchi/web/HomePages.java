package jp.madoguchi.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import jp.madoguchi.tenant.Role;
import jp.madoguchi.tenant.StaffUser;

/** Sign-in page and the start page, which sends each role to its work. */
@Controller
class HomePages {

	@GetMapping("/login")
	@PreAuthorize("permitAll()")
	String login() {
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
