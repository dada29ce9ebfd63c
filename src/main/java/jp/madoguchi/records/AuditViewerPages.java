package jp.madoguchi.records;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.Messages;
import jp.madoguchi.tenant.StaffUser;

/** The ADMIN's page of the audit log: filter, read a page at a time, download as CSV. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditViewerPages {

	private final AuditViewer viewer;

	private final Messages messages;

	AuditViewerPages(AuditViewer viewer, Messages messages) {
		this.viewer = viewer;
		this.messages = messages;
	}

	@GetMapping("/admin/audit")
	String page(@AuthenticationPrincipal StaffUser admin, @RequestParam(required = false) String user,
			@RequestParam(required = false) String action, @RequestParam(required = false) String record,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Long before, Model model) {
		AuditQuery query = new AuditQuery(user, action, record, from, to);
		model.addAttribute("query", query);
		model.addAttribute("actions", List.of(AuditAction.values()));
		try {
			AuditViewer.AuditEntries page = viewer.page(admin, query, before);
			model.addAttribute("page", page);
			model.addAttribute("rows",
					page.entries()
						.stream()
						.map(e -> new Row(e.id(), TIME.format(e.occurredAt().atZoneSameInstant(JAPAN)), e.username(),
								e.action().name(), e.targetType(), e.targetId()))
						.toList());
		}
		catch (ClientError e) {
			model.addAttribute("error", messages.of(e).message());
		}
		return "records/audit";
	}

	/** An entry as the page shows it: the time in Japan. */
	record Row(long id, String time, String username, String action, String targetType, String targetId) {
	}

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

}
