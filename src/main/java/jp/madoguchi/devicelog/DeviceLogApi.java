package jp.madoguchi.devicelog;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

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

	@ApiResponse(responseCode = "200", description = "accepted and duplicate events")
	@ApiResponse(responseCode = "422", description = "the hash chain does not hold (CHAIN_BROKEN); kept as a finding",
			content = @Content(schema = @Schema(implementation = ChainBroken.class)))
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

	/**
	 * A result, not an error body: the reader adapter reads {@code line} to know where
	 * the chain broke.
	 */
	@ExceptionHandler(BrokenChainException.class)
	ResponseEntity<ChainBroken> broken(BrokenChainException e) {
		return ResponseEntity.unprocessableEntity().body(ChainBroken.of(e));
	}

}
