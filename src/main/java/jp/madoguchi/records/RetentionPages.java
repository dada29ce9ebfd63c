package jp.madoguchi.records;

import java.util.Arrays;
import java.util.stream.Collectors;

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
 * The ADMIN's page of retention classes: each record type's years and what they count
 * from.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class RetentionPages {

	private final RetentionClasses classes;

	private final Messages messages;

	RetentionPages(RetentionClasses classes, Messages messages) {
		this.classes = classes;
		this.messages = messages;
	}

	@GetMapping("/admin/retention")
	String page(@AuthenticationPrincipal StaffUser admin, Model model) {
		model.addAttribute("classes", classes.list(admin.municipalityId()));
		model.addAttribute("eventsByType",
				Arrays.stream(RecordType.values()).collect(Collectors.toMap(RecordType::id, RecordType::events)));
		return "records/retention";
	}

	@PostMapping("/admin/retention/{recordType}")
	String set(@AuthenticationPrincipal StaffUser admin, @PathVariable String recordType,
			@RequestParam(required = false) String years, @RequestParam(required = false) String from,
			RedirectAttributes redirect) {
		try {
			Integer parsed = years == null || !years.strip().matches("\\d{1,3}") ? null
					: Integer.valueOf(years.strip());
			RetentionClass saved = classes.set(admin, recordType, parsed, from);
			redirect.addFlashAttribute("notice", messages.text("RETENTION_SAVED", saved.label()));
		}
		catch (ClientError e) {
			if (e.status() == HttpStatus.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute("error", messages.of(e).message());
		}
		return "redirect:/admin/retention";
	}

}
