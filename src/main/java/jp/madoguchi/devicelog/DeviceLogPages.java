package jp.madoguchi.devicelog;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jp.madoguchi.tenant.StaffUser;

/**
 * The operator's page of device-log findings, newest first, 100 a page: every shipped
 * chunk the service refused and every stored event of an unknown case, with the evidence
 * (line, expected and received hash, who shipped).
 */
@Controller
class DeviceLogPages {

	private final DeviceLogReceiver receiver;

	DeviceLogPages(DeviceLogReceiver receiver) {
		this.receiver = receiver;
	}

	@GetMapping("/devicelog/findings")
	@PreAuthorize("hasRole('OPERATOR')")
	String findings(@AuthenticationPrincipal StaffUser user, @RequestParam(name = "page", defaultValue = "0") int page,
			Model model) {
		DeviceLogReceiver.FindingsPage found = receiver.findings(user.municipalityId(), page);
		model.addAttribute("findings", found.findings());
		model.addAttribute("page", found);
		return "devicelog/findings";
	}

}
