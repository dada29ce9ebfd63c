package jp.madoguchi.records;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.Messages;
import jp.madoguchi.tenant.Role;
import jp.madoguchi.tenant.StaffUser;

/**
 * Disposal pages: a RECORDS_OFFICER proposes as of a day; another RECORDS_OFFICER or an
 * ADMIN opens the proposal and approves it.
 */
@Controller
@PreAuthorize("hasAnyRole('RECORDS_OFFICER', 'ADMIN')")
class DisposalPages {

	private final Disposals disposals;

	private final Messages messages;

	DisposalPages(Disposals disposals, Messages messages) {
		this.disposals = disposals;
		this.messages = messages;
	}

	@GetMapping("/records/disposals")
	String list(@AuthenticationPrincipal StaffUser user, Model model) {
		model.addAttribute("disposals", disposals.list(user.municipalityId()));
		model.addAttribute("today", LocalDate.now(ZoneId.of("Asia/Tokyo")));
		model.addAttribute("canPropose", user.hasRole(Role.RECORDS_OFFICER));
		return "records/disposals";
	}

	@PostMapping("/records/disposals")
	@PreAuthorize("hasRole('RECORDS_OFFICER')")
	String propose(@AuthenticationPrincipal StaffUser officer, @RequestParam(required = false) String asOf,
			RedirectAttributes redirect) {
		try {
			DisposalProposal proposal = disposals.propose(officer, DisposalsApi.asOf(asOf));
			redirect.addFlashAttribute("notice",
					messages.text("DISPOSAL_PROPOSED", proposal.id(), proposal.records().size()));
			return "redirect:/records/disposals/" + proposal.id();
		}
		catch (ClientError e) {
			redirect.addFlashAttribute("error", messages.of(e).message());
			return "redirect:/records/disposals";
		}
	}

	@GetMapping("/records/disposals/{id}")
	String detail(@AuthenticationPrincipal StaffUser user, @PathVariable long id, Model model) {
		Disposal d = disposals.find(user.municipalityId(), id).orElseThrow(ClientError::notFound);
		model.addAttribute("disposal", d);
		model.addAttribute("records", disposals.records(user.municipalityId(), id));
		model.addAttribute("shown", Disposals.SHOWN);
		model.addAttribute("canApprove", d.proposed() && !d.proposedBy().equals(user.getUsername()));
		return "records/disposal";
	}

	@PostMapping("/records/disposals/{id}/approve")
	String approve(@AuthenticationPrincipal StaffUser user, @PathVariable long id, RedirectAttributes redirect) {
		try {
			Disposal d = disposals.approve(user, id);
			redirect.addFlashAttribute("notice", messages.text("DISPOSAL_DONE", d.disposed(), d.held()));
		}
		catch (ClientError e) {
			if (e.status() == HttpStatus.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute("error", messages.of(e).message());
		}
		return "redirect:/records/disposals/" + id;
	}

}
