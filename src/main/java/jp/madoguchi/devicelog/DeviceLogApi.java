package jp.madoguchi.devicelog;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import jp.madoguchi.tenant.StaffUser;

/**
 * {@code POST /api/device-events}: the reader adapter's {@code ship};
 * {@code GET /api/device-log-findings}. Shipping: OPERATOR or a counter PC's workstation
 * key; findings: OPERATOR.
 */
@RestController
class DeviceLogApi {

	private final DeviceLogReceiver receiver;

	DeviceLogApi(DeviceLogReceiver receiver) {
		this.receiver = receiver;
	}

	@PostMapping(path = "/api/device-events", consumes = { "application/x-ndjson", "text/plain", "application/json" })
	@PreAuthorize("hasAnyRole('OPERATOR', 'WORKSTATION')")
	ShipResult ship(@AuthenticationPrincipal StaffUser user, @RequestBody String body,
			@RequestHeader(name = "X-Device-Log-File", required = false) String logFile,
			@RequestHeader(name = "X-Device-Log-First-Line", required = false) Integer firstLine) {
		return receiver.receive(user, body, logFile, firstLine);
	}

	@GetMapping("/api/device-log-findings")
	@PreAuthorize("hasRole('OPERATOR')")
	List<DeviceLogReceiver.Finding> findings(@AuthenticationPrincipal StaffUser user) {
		return receiver.findings(user.municipalityId());
	}

	@ExceptionHandler(BrokenChainException.class)
	ResponseEntity<Map<String, Object>> broken(BrokenChainException e) {
		return ResponseEntity.unprocessableEntity()
			.body(Map.of("code", "CHAIN_BROKEN", "problem", e.problem(), "message", e.getMessage(), "line", e.line()));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, Object>> bad(IllegalArgumentException e) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.body(Map.of("code", "BAD_DEVICE_LOG", "message", e.getMessage()));
	}

}
