package jp.madoguchi.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Sign-in page and the start page: one section per role the user holds, saying what the
 * role can do now, with links (templates/home.html).
 */
@Controller
class HomePages {

	@GetMapping("/login")
	String login() {
		return "login";
	}

	/**
	 * The same page for every role, also for a user with the clerk role only: a user
	 * holding several roles sees all of their work in one place, and the header's links
	 * stay the same as the page's.
	 */
	@GetMapping("/")
	@PreAuthorize("isAuthenticated()")
	String home() {
		return "home";
	}

}
