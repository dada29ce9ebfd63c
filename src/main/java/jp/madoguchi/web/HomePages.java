package jp.madoguchi.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Sign-in page and the start page: one section per role the user holds, saying what the
 * role can do now, with links (templates/home.html).
 */
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

	/**
	 * The same page for every role, also for a user with the clerk role only: a user
	 * holding several roles sees all of their work in one place, and the header's links
	 * stay the same as the page's.
	 */
	@GetMapping("/")
	@PreAuthorize("hasAnyRole('CLERK', 'RECORDS_OFFICER', 'OPERATOR', 'ADMIN')")
	String home() {
		return "home";
	}

}
