package jp.madoguchi.search;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.tenant.StaffUser;

import jp.madoguchi.runtime.ServingProcessOnly;

/**
 * The administrator's page of the search index: where a rebuild stands, and the button
 * that replays everything from the database (the same action as
 * {@code POST /api/search/rebuild}).
 */
@ServingProcessOnly
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SearchAdminPages {

	private final IndexFeeder feeder;

	private final AuditLog audit;

	SearchAdminPages(IndexFeeder feeder, AuditLog audit) {
		this.feeder = feeder;
		this.audit = audit;
	}

	@GetMapping("/admin/search")
	String page(Model model) {
		model.addAttribute("progress", feeder.progress());
		return "search/admin";
	}

	@PostMapping("/admin/search/rebuild")
	String rebuild(@AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
		feeder.requestRebuild();
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.CHANGE, "search-index", "rebuild");
		redirect.addFlashAttribute("started", true);
		return "redirect:/admin/search";
	}

}
