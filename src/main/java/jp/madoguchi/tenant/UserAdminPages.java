package jp.madoguchi.tenant;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.Messages;
import jp.madoguchi.tenant.MunicipalityAdministration.MunicipalityRecord;
import jp.madoguchi.tenant.UserAdministration.CreatedUser;
import jp.madoguchi.tenant.UserAdministration.NewUser;
import jp.madoguchi.tenant.UserAdministration.UserChanges;
import jp.madoguchi.tenant.UserAdministration.UserRecord;

/**
 * The administrator's pages: {@code /admin/users} (list, create, edit, deactivate and
 * reactivate, reset a password; a temporary password is shown once) and
 * {@code /admin/municipality} (the settings the forms print).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UserAdminPages {

	private final UserAdministration users;

	private final MunicipalityAdministration municipality;

	private final Messages messages;

	private final SignInThrottle throttle;

	UserAdminPages(UserAdministration users, MunicipalityAdministration municipality, Messages messages,
			SignInThrottle throttle) {
		this.users = users;
		this.municipality = municipality;
		this.messages = messages;
		this.throttle = throttle;
	}

	@ModelAttribute("limits")
	TenantLimits.Limits limits() {
		return TenantLimits.FOR_PAGES;
	}

	@GetMapping("/admin/users")
	String list(@AuthenticationPrincipal StaffUser admin, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new NewUser("", "", List.of(), ""));
		}
		model.addAttribute("users", users.list(admin));
		model.addAttribute("roles", UserAdministration.PERSON_ROLES);
		return "admin/users";
	}

	@PostMapping("/admin/users")
	String create(@AuthenticationPrincipal StaffUser admin, @RequestParam(defaultValue = "") String username,
			@RequestParam(defaultValue = "") String displayName,
			@RequestParam(name = "roles", required = false) List<String> roles,
			@RequestParam(defaultValue = "") String staffId, Model model, RedirectAttributes redirect) {
		NewUser form = new NewUser(username, displayName, roles == null ? List.of() : roles, staffId);
		try {
			CreatedUser created = users.create(admin, form);
			redirect.addFlashAttribute("created", created);
			return "redirect:/admin/users";
		}
		catch (ClientError e) {
			model.addAttribute("form", form);
			model.addAttribute("error", messages.of(e).message());
			return list(admin, model);
		}
	}

	@GetMapping("/admin/users/{id}")
	String edit(@AuthenticationPrincipal StaffUser admin, @PathVariable long id, Model model) {
		UserRecord user = users.get(admin, id);
		model.addAttribute("user", user);
		model.addAttribute("self", user.id() == admin.id());
		model.addAttribute("locked", this.throttle.isLocked(user.username()));
		model.addAttribute("roles", UserAdministration.PERSON_ROLES);
		return "admin/user";
	}

	@PostMapping("/admin/users/{id}")
	String save(@AuthenticationPrincipal StaffUser admin, @PathVariable long id,
			@RequestParam(defaultValue = "") String displayName,
			@RequestParam(name = "roles", required = false) List<String> roles,
			@RequestParam(defaultValue = "") String staffId, Model model, RedirectAttributes redirect) {
		return change(admin, id, new UserChanges(null, roles == null ? List.of() : roles, displayName, staffId),
				"USER_SAVED", model, redirect);
	}

	@PostMapping("/admin/users/{id}/deactivate")
	String deactivate(@AuthenticationPrincipal StaffUser admin, @PathVariable long id, Model model,
			RedirectAttributes redirect) {
		return change(admin, id, new UserChanges(false, null, null, null), "USER_DEACTIVATED_NOTICE", model, redirect);
	}

	@PostMapping("/admin/users/{id}/reactivate")
	String reactivate(@AuthenticationPrincipal StaffUser admin, @PathVariable long id, Model model,
			RedirectAttributes redirect) {
		return change(admin, id, new UserChanges(true, null, null, null), "USER_REACTIVATED_NOTICE", model, redirect);
	}

	@PostMapping("/admin/users/{id}/password-reset")
	String resetPassword(@AuthenticationPrincipal StaffUser admin, @PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("temporaryPassword", users.resetPassword(admin, id).temporaryPassword());
		return "redirect:/admin/users/" + id;
	}

	private String change(StaffUser admin, long id, UserChanges changes, String notice, Model model,
			RedirectAttributes redirect) {
		try {
			users.update(admin, id, changes);
			redirect.addFlashAttribute("notice", messages.text(notice));
			return "redirect:/admin/users/" + id;
		}
		catch (ClientError e) {
			if (e.status().value() == 404) {
				throw e;
			}
			model.addAttribute("error", messages.of(e).message());
			return edit(admin, id, model);
		}
	}

	@GetMapping("/admin/municipality")
	String municipality(@AuthenticationPrincipal StaffUser admin, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", municipality.get(admin));
		}
		return "admin/municipality";
	}

	@PostMapping("/admin/municipality")
	String saveMunicipality(@AuthenticationPrincipal StaffUser admin, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String mayorTitle, @RequestParam(defaultValue = "") String department,
			@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String officeHours,
			Model model, RedirectAttributes redirect) {
		MunicipalityRecord form = new MunicipalityRecord(null, name, mayorTitle, department, phone, officeHours);
		try {
			municipality.update(admin, form);
			redirect.addFlashAttribute("notice", messages.text("MUNICIPALITY_SAVED"));
			return "redirect:/admin/municipality";
		}
		catch (ClientError e) {
			model.addAttribute("form", new MunicipalityRecord(municipality.get(admin).code(), name, mayorTitle,
					department, phone, officeHours));
			model.addAttribute("error", messages.of(e).message());
			return "admin/municipality";
		}
	}

}
