package jp.madoguchi.cases;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.devicelog.DeviceEvent;
import jp.madoguchi.devicelog.DeviceLogReceiver;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.tenant.Role;
import jp.madoguchi.tenant.StaffUser;

/**
 * A case's page and JSON: the applicant, the workflow's steps, and what the reader
 * adapter recorded for the card. CLERK, RECORDS_OFFICER and OPERATOR may open a case; an
 * OPERATOR needs its id, workflow and device events to act on a finding, never the
 * applicant (see the README's access table).
 */
@Controller
class CasePages {

	private final CaseRegistry cases;

	private final DeviceLogReceiver deviceLog;

	private final AuditLog audit;

	private final SignedDocuments signedDocuments;

	private final CaseSteps steps;

	CasePages(CaseRegistry cases, DeviceLogReceiver deviceLog, AuditLog audit, SignedDocuments signedDocuments,
			CaseSteps steps) {
		this.steps = steps;
		this.signedDocuments = signedDocuments;
		this.cases = cases;
		this.deviceLog = deviceLog;
		this.audit = audit;
	}

	@GetMapping("/cases/{id}")
	@PreAuthorize("hasAnyRole('CLERK', 'RECORDS_OFFICER', 'OPERATOR')")
	String page(@AuthenticationPrincipal StaffUser user, @PathVariable long id, Model model) {
		CaseDetail c = view(user, id);
		model.addAttribute("c", c);
		model.addAttribute("progress", steps.progress(user.municipalityId(), c));
		model.addAttribute("a", mayReadApplicant(user) ? c.applicant() : null);
		model.addAttribute("events", deviceLog.eventsForCase(user.municipalityId(), Long.toString(id)));
		// The signed paper received for the case (scans): for the staff who file it, not
		// for an OPERATOR.
		model.addAttribute("signed", mayReadApplicant(user) ? signedDocuments.ofCase(user.municipalityId(), id) : null);
		return "case";
	}

	@GetMapping("/api/cases/{id}")
	@PreAuthorize("hasAnyRole('CLERK', 'RECORDS_OFFICER', 'OPERATOR')")
	@ResponseBody
	@ApiResponse(responseCode = "200",
			description = "the case; applicant only for CLERK and RECORDS_OFFICER (omitted for an OPERATOR)")
	CaseView json(@AuthenticationPrincipal StaffUser user, @PathVariable long id) {
		CaseDetail c = view(user, id);
		return CaseView.of(c, steps.progress(user.municipalityId(), c), steps.verifiedLocks(user.municipalityId(), id),
				mayReadApplicant(user));
	}

	/**
	 * The applicant's personal data is for CLERK and RECORDS_OFFICER; an OPERATOR sees
	 * the case's ids, workflow, steps and device events only (see the README's role
	 * table).
	 */
	private static boolean mayReadApplicant(StaffUser user) {
		return user.hasRole(Role.CLERK) || user.hasRole(Role.RECORDS_OFFICER);
	}

	@GetMapping("/api/cases/{id}/device-events")
	@PreAuthorize("hasAnyRole('CLERK', 'RECORDS_OFFICER', 'OPERATOR')")
	@ResponseBody
	List<DeviceEvent> deviceEvents(@AuthenticationPrincipal StaffUser user, @PathVariable long id) {
		view(user, id);
		return deviceLog.eventsForCase(user.municipalityId(), Long.toString(id));
	}

	private CaseDetail view(StaffUser user, long id) {
		CaseDetail c = cases.find(user.municipalityId(), id).orElseThrow(ClientError::notFound);
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.VIEW, "case", Long.toString(id));
		return c;
	}

}
