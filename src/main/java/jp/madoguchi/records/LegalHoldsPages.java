package jp.madoguchi.records;

import java.util.List;

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
import jp.madoguchi.tenant.StaffUser;

/**
 * The RECORDS_OFFICER's page of legal holds: place one on a record or a case, release it.
 */
@Controller
@PreAuthorize("hasRole('RECORDS_OFFICER')")
class LegalHoldsPages {

	private final LegalHolds holds;

	private final Messages messages;

	LegalHoldsPages(LegalHolds holds, Messages messages) {
		this.holds = holds;
		this.messages = messages;
	}

	@GetMapping("/records/holds")
	String page(@AuthenticationPrincipal StaffUser officer, Model model) {
		model.addAttribute("holds", holds.list(officer.municipalityId()));
		model.addAttribute("recordTypes", List.of(RecordType.values()));
		return "records/holds";
	}

	@PostMapping("/records/holds")
	String place(@AuthenticationPrincipal StaffUser officer, @RequestParam(required = false) String target,
			@RequestParam(required = false) String recordType, @RequestParam(required = false) String recordId,
			@RequestParam(required = false) String caseId, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		try {
			long id;
			if ("case".equals(target)) {
				Long parsed = caseId == null ? null : LegalHolds.number(caseId.strip());
				if (parsed == null) {
					throw ClientError.badRequest("HOLD_TARGET").field("caseId");
				}
				id = holds.place(officer, null, null, parsed, reason);
			}
			else {
				id = holds.place(officer, recordType, recordId == null ? "" : recordId, null, reason);
			}
			redirect.addFlashAttribute("notice", messages.text("HOLD_PLACED", id));
		}
		catch (ClientError e) {
			redirect.addFlashAttribute("error", messages.of(e).message());
		}
		return "redirect:/records/holds";
	}

	@PostMapping("/records/holds/{id}/release")
	String release(@AuthenticationPrincipal StaffUser officer, @PathVariable long id, RedirectAttributes redirect) {
		try {
			holds.release(officer, id);
			redirect.addFlashAttribute("notice", messages.text("HOLD_RELEASED", id));
		}
		catch (ClientError e) {
			if (e.status() == HttpStatus.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute("error", messages.of(e).message());
		}
		return "redirect:/records/holds";
	}

}
