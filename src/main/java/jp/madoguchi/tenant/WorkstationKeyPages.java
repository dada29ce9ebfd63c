package jp.madoguchi.tenant;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.Messages;

/**
 * The page for the counter PCs' workstation keys (ADMIN or OPERATOR): the list, a new key
 * shown once on the answer to its form (never stored, never put in the session), and
 * revoking. Issuing and revoking are audited.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','OPERATOR')")
class WorkstationKeyPages {

	/** As the {@code workstation_key.workstation} column. */
	static final int MAX_WORKSTATION = 200;

	private final WorkstationKeys keys;

	private final AuditLog audit;

	private final Messages messages;

	WorkstationKeyPages(WorkstationKeys keys, AuditLog audit, Messages messages) {
		this.keys = keys;
		this.audit = audit;
		this.messages = messages;
	}

	@GetMapping("/workstation-keys")
	String page(@AuthenticationPrincipal StaffUser user, Model model) {
		model.addAttribute("keys", keys.list(user.municipalityId()));
		return "workstation-keys";
	}

	/** Answers with the page itself, the new key on it: the only time it is shown. */
	@PostMapping("/workstation-keys")
	String issue(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) String workstation,
			Model model) {
		if (workstation == null || workstation.isBlank() || workstation.strip().length() > MAX_WORKSTATION) {
			model.addAttribute("error", messages.text("WORKSTATION_NAME_INVALID", MAX_WORKSTATION));
			model.addAttribute("workstation", workstation);
		}
		else {
			WorkstationKeys.IssuedKey issued = keys.issue(user, workstation);
			audit.record(user.municipalityId(), user.getUsername(), AuditAction.CHANGE, "workstation-key-issued",
					Long.toString(issued.id()));
			model.addAttribute("issued", issued);
		}
		return page(user, model);
	}

	@PostMapping("/workstation-keys/{id}/revoke")
	String revoke(@AuthenticationPrincipal StaffUser user, @PathVariable String id, RedirectAttributes redirect) {
		long keyId = parseId(id);
		if (!keys.revoke(user.municipalityId(), keyId)) {
			throw ClientError.notFound();
		}
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.CHANGE, "workstation-key-revoked",
				Long.toString(keyId));
		redirect.addFlashAttribute("notice", messages.text("WORKSTATION_KEY_REVOKED", Long.toString(keyId)));
		return "redirect:/workstation-keys";
	}

	private static long parseId(String id) {
		if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw ClientError.notFound();
		}
		return Long.parseLong(id);
	}

}
