package jp.madoguchi.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jp.madoguchi.tenant.StaffUser;

/**
 * Puts the signed-in user on every page, for the header (name, municipality, sign-out).
 */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

	@ModelAttribute("currentUser")
	StaffUser currentUser(@AuthenticationPrincipal StaffUser user) {
		return user;
	}

}
