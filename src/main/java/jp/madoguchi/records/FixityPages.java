package jp.madoguchi.records;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.Messages;
import jp.madoguchi.tenant.StaffUser;

/**
 * The OPERATOR's page of fixity: start a check now, follow it, the recent runs and the
 * findings still open.
 */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class FixityPages {

	private final FixityCheck fixity;

	private final FixityRuns runs;

	private final FixityStore store;

	private final AuditLog audit;

	private final Messages messages;

	FixityPages(FixityCheck fixity, FixityRuns runs, FixityStore store, AuditLog audit, Messages messages) {
		this.fixity = fixity;
		this.runs = runs;
		this.store = store;
		this.audit = audit;
		this.messages = messages;
	}

	@GetMapping("/fixity")
	String page(@AuthenticationPrincipal StaffUser operator, Model model) {
		long municipalityId = operator.municipalityId();
		model.addAttribute("running", runs.isRunning(municipalityId));
		model.addAttribute("runs", store.runs(municipalityId, FixityOverview.RUNS_LISTED));
		model.addAttribute("open", store.open(municipalityId, FixityOverview.OPEN_LISTED));
		audit.record(municipalityId, operator.getUsername(), AuditAction.VIEW, "fixity", "overview");
		return "records/fixity";
	}

	@PostMapping("/fixity")
	String run(@AuthenticationPrincipal StaffUser operator, RedirectAttributes redirect) {
		if (fixity.start(operator)) {
			redirect.addFlashAttribute("notice", messages.text("FIXITY_STARTED"));
		}
		else {
			redirect.addFlashAttribute("error", messages.of(ClientError.conflict("FIXITY_RUNNING")).message());
		}
		return "redirect:/fixity";
	}

}
