package jp.madoguchi.devicelog;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jp.madoguchi.tenant.StaffUser;

/**
 * The operator's page of device-log findings: every shipped chunk the service refused
 * (edited, deleted or reordered lines, a torn line, a malformed record), newest first.
 */
@Controller
class DeviceLogPages {

	private final DeviceLogReceiver receiver;

	DeviceLogPages(DeviceLogReceiver receiver) {
		this.receiver = receiver;
	}

	@GetMapping("/devicelog/findings")
	@PreAuthorize("hasRole('OPERATOR')")
	String findings(@AuthenticationPrincipal StaffUser user, Model model) {
		model.addAttribute("findings", receiver.findings(user.municipalityId()));
		return "devicelog/findings";
	}

}
