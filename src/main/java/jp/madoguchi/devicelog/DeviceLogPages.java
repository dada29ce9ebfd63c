package jp.madoguchi.devicelog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jp.madoguchi.errors.Messages;
import jp.madoguchi.tenant.StaffUser;

/**
 * The operator's page of device-log findings, newest first, 100 a page: every shipped
 * chunk the service refused and every stored event of an unknown case, with the evidence
 * (line, expected and received hash, who shipped).
 */
@Controller
class DeviceLogPages {

	/**
	 * Every kind a finding can have; each has its Japanese name
	 * DEVICE_LOG_PROBLEM_<kind>.
	 */
	static final List<String> KINDS = List.of("EDITED", "DELETED_OR_REORDERED", "TORN", "MALFORMED",
			"MIXED_WORKSTATIONS", "OTHER_WORKSTATION", "CHAIN_FORKED", "CHAIN_SPLICED", "EVENT_REWRITTEN", "OTHER_DAY",
			"FIELD_TOO_LONG", "UNKNOWN_CASE", "TOO_LARGE");

	private final DeviceLogReceiver receiver;

	private final Map<String, String> kindNames = new LinkedHashMap<>();

	DeviceLogPages(DeviceLogReceiver receiver, Messages messages) {
		this.receiver = receiver;
		KINDS.forEach(kind -> kindNames.put(kind, messages.text("DEVICE_LOG_PROBLEM_" + kind)));
	}

	@GetMapping("/devicelog/findings")
	@PreAuthorize("hasRole('OPERATOR')")
	String findings(@AuthenticationPrincipal StaffUser user, @RequestParam(name = "page", defaultValue = "0") int page,
			Model model) {
		DeviceLogReceiver.FindingsPage found = receiver.findings(user.municipalityId(), page);
		model.addAttribute("findings", found.findings());
		model.addAttribute("page", found);
		model.addAttribute("kindNames", kindNames);
		return "devicelog/findings";
	}

}
