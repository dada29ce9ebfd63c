package jp.madoguchi.cases;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import jp.madoguchi.errors.ApiError;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.Messages;
import jp.madoguchi.tenant.StaffUser;

/**
 * Recording a case's steps (CLERK): the API, and the case page's forms, which answer with
 * the case page again and the catalogue's message.
 */
@Controller
class CaseStepsApi {

	private final CaseSteps steps;

	private final Messages messages;

	CaseStepsApi(CaseSteps steps, Messages messages) {
		this.steps = steps;
		this.messages = messages;
	}

	@PostMapping("/api/cases/{id}/steps")
	@PreAuthorize("hasRole('CLERK')")
	@ResponseBody
	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "201", description = "the step as recorded")
	@ApiResponse(responseCode = "409",
			description = "STEP_OUT_OF_ORDER (expected: the next step), LOCK_NOT_VERIFIED, CASE_CLOSED, "
					+ "STEP_ALREADY_RECORDED, STEP_AWAITING_CONFIRMATION",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	@ApiResponse(responseCode = "400", description = "a request that cannot be a step; the field is named",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	@ApiResponse(responseCode = "403",
			description = "STEP_EXCEPTION_NOT_SUPERVISOR: an exception needs the SUPERVISOR role",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	RecordedStep record(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
			@RequestBody StepRequest request) {
		return steps.record(user, id, request);
	}

	@PostMapping("/api/cases/{id}/steps/{stepId}/confirm")
	@PreAuthorize("hasRole('CLERK')")
	@ResponseBody
	@ApiResponse(responseCode = "200", description = "the registration, confirmed by the second staff")
	@ApiResponse(responseCode = "409",
			description = "STEP_NOT_AWAITING_CONFIRMATION, STEP_CONFIRM_BY_OTHER_STAFF (expected: the staff named)",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	RecordedStep confirm(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @PathVariable long stepId) {
		return steps.confirm(user, id, stepId);
	}

	@PostMapping("/cases/{id}/steps")
	@PreAuthorize("hasRole('CLERK')")
	String recordFromPage(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @RequestParam String step,
			@RequestParam(required = false) String secondStaff, @RequestParam(required = false) String at,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String note,
			@RequestParam(required = false) String exception, RedirectAttributes redirect) {
		List<String> staff = new ArrayList<>();
		staff.add(user.getUsername());
		if (secondStaff != null && !secondStaff.isBlank()) {
			staff.add(secondStaff);
		}
		try {
			RecordedStep recorded = steps.record(user, id,
					new StepRequest(step, staff, pageTime(at), reason, note, exception));
			redirect.addFlashAttribute("notice", messages.text("STEP_RECORDED", recorded.label()));
		}
		catch (ClientError e) {
			if (e.status() == HttpStatus.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute("error", messages.of(e).message());
		}
		return "redirect:/cases/" + id;
	}

	@PostMapping("/cases/{id}/steps/{stepId}/confirm")
	@PreAuthorize("hasRole('CLERK')")
	String confirmFromPage(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @PathVariable long stepId,
			RedirectAttributes redirect) {
		try {
			RecordedStep confirmed = steps.confirm(user, id, stepId);
			redirect.addFlashAttribute("notice", messages.text("STEP_CONFIRMED", confirmed.label()));
		}
		catch (ClientError e) {
			if (e.status() == HttpStatus.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute("error", messages.of(e).message());
		}
		return "redirect:/cases/" + id;
	}

	/**
	 * A browser's {@code datetime-local} (2026-11-21T10:05) is a time in Japan; the API
	 * takes an offset.
	 */
	static String pageTime(String at) {
		if (at == null || at.isBlank()) {
			return null;
		}
		String t = at.strip();
		if (t.length() == 16) {
			t += ":00";
		}
		return t.length() == 19 ? t + "+09:00" : t;
	}

}
