package jp.madoguchi.reconcile;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.Messages;
import jp.madoguchi.tenant.StaffUser;

/**
 * The OPERATOR's page: the dashboard (the last days' counts by severity, the findings
 * still open), a day's run and its findings, run or re-run it, acknowledge or resolve,
 * and its CSV and report.
 */
@Controller
class ReconcilePages {

	private final Reconciliations reconciliations;

	private final FindingStore store;

	private final AuditLog audit;

	private final Messages messages;

	ReconcilePages(Reconciliations reconciliations, FindingStore store, AuditLog audit, Messages messages) {
		this.reconciliations = reconciliations;
		this.store = store;
		this.audit = audit;
		this.messages = messages;
	}

	@GetMapping("/reconciliations")
	@PreAuthorize("hasRole('OPERATOR')")
	String page(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) String date, Model model) {
		// Yesterday in Japan (the night's run) unless another day is asked for.
		LocalDate day = LocalDate.now(ReconcileJobConfiguration.JAPAN).minusDays(1);
		if (date != null && !date.isBlank()) {
			try {
				day = ReconcileApi.day(date);
			}
			catch (ClientError e) {
				model.addAttribute("error", messages.of(e).message());
			}
		}
		Reconciliation run = reconciliations.result(user.municipalityId(), day).orElse(null);
		Map<Severity, Long> counts = new EnumMap<>(Severity.class);
		if (run != null) {
			run.findings().forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
			audit.record(user.municipalityId(), user.getUsername(), AuditAction.VIEW, "reconciliation", day.toString());
		}
		ReconciliationSummary summary = reconciliations.summary(user.municipalityId(), ReconcileApi.DASHBOARD_DAYS);
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.VIEW, "reconciliation.summary",
				summary.from() + "/" + summary.to());
		model.addAttribute("summary", summary);
		model.addAttribute("date", day.toString());
		model.addAttribute("progress", reconciliations.progress(user.municipalityId(), day).orElse(null));
		model.addAttribute("run", run);
		model.addAttribute("counts", counts);
		model.addAttribute("severities", List.of(Severity.values()));
		return "reconcile/reconciliations";
	}

	@PostMapping("/reconciliations")
	@PreAuthorize("hasRole('OPERATOR')")
	String run(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) String date,
			RedirectAttributes redirect) {
		try {
			LocalDate day = ReconcileApi.day(date);
			audit.record(user.municipalityId(), user.getUsername(), AuditAction.RECONCILIATION_RUN, "reconciliation",
					day.toString());
			if (!reconciliations.start(user.municipalityId(), day, user.getUsername())) {
				throw ClientError.conflict("RECONCILE_RUNNING");
			}
			redirect.addFlashAttribute("notice", messages.text("RECONCILE_STARTED", day.toString()));
			redirect.addAttribute("date", day.toString());
		}
		catch (ClientError e) {
			redirect.addFlashAttribute("error", messages.of(e).message());
		}
		return "redirect:/reconciliations";
	}

	@PostMapping("/reconciliations/findings/{id}")
	@PreAuthorize("hasRole('OPERATOR')")
	String changeState(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
			@RequestParam(required = false) String state, @RequestParam(required = false) String comment,
			@RequestParam(required = false) String date, RedirectAttributes redirect) {
		try {
			ReconcileApi.changeFindingState(store, audit, user, id, state, comment);
			redirect.addFlashAttribute("notice", messages.text("RECONCILE_FINDING_UPDATED"));
		}
		catch (ClientError e) {
			if (e.status() == HttpStatus.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute("error", messages.of(e).message());
		}
		if (date != null && !date.isBlank()) {
			redirect.addAttribute("date", date);
		}
		return "redirect:/reconciliations";
	}

}
