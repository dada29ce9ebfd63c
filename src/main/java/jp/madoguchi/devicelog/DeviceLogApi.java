package jp.madoguchi.devicelog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import jp.madoguchi.errors.ApiError;
import jp.madoguchi.errors.ClientError;
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

	@ApiResponse(responseCode = "200", description = "accepted and duplicate events, and new events of unknown cases")
	@ApiResponse(responseCode = "400",
			description = "empty body (BAD_DEVICE_LOG_EMPTY) or more than 5,000 lines (BAD_DEVICE_LOG_TOO_MANY)",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	@ApiResponse(responseCode = "413", description = "body over 16 MiB (DEVICE_LOG_TOO_LARGE); kept as a finding",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	@ApiResponse(responseCode = "422",
			description = "refused (CHAIN_BROKEN with the problem, or FIELD_TOO_LONG with the field); kept as a finding",
			content = @Content(schema = @Schema(implementation = ChainBroken.class)))
	@RequestBody(description = "raw log lines of one workstation-day file, each followed by \\n",
			content = @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")))
	@PostMapping(path = "/api/device-events")
	@PreAuthorize("hasAnyRole('OPERATOR', 'WORKSTATION')")
	ShipResult ship(@AuthenticationPrincipal StaffUser user, HttpServletRequest request,
			@RequestHeader(name = "X-Device-Log-File", required = false) String logFile,
			@RequestHeader(name = "X-Device-Log-First-Line", required = false) String firstLineHeader)
			throws IOException {
		Integer firstLine = lineNumber(firstLineHeader);
		String body = readBody(request, user, logFile, firstLine);
		return receiver.receive(user, body, logFile, firstLine);
	}

	/**
	 * The adapter's X-Device-Log-First-Line, informative only: a value that is no
	 * positive number is taken as absent, so that it never costs a chunk its finding.
	 */
	private static Integer lineNumber(String header) {
		if (header == null || header.isEmpty() || header.length() > 9
				|| !header.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return null;
		}
		int line = Integer.parseInt(header);
		return line > 0 ? line : null;
	}

	/**
	 * The body, refused with 413 as soon as it is known to be over the limit: from its
	 * Content-Length before reading anything, else while counting the bytes as they
	 * arrive (a chunked body).
	 */
	private String readBody(HttpServletRequest request, StaffUser user, String logFile, Integer firstLine)
			throws IOException {
		long declared = request.getContentLengthLong();
		if (declared > DeviceLogLimits.MAX_BODY_BYTES) {
			throw receiver.tooLarge(user, logFile, firstLine);
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(declared > 0 ? (int) declared : 64 * 1024);
		byte[] buffer = new byte[64 * 1024];
		try (InputStream in = request.getInputStream()) {
			int n;
			while ((n = in.read(buffer)) >= 0) {
				if (bytes.size() + n > DeviceLogLimits.MAX_BODY_BYTES) {
					throw receiver.tooLarge(user, logFile, firstLine);
				}
				bytes.write(buffer, 0, n);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	@GetMapping("/api/device-log-findings")
	@PreAuthorize("hasRole('OPERATOR')")
	DeviceLogReceiver.FindingsPage findings(@AuthenticationPrincipal StaffUser user,
			@RequestParam(name = "page", defaultValue = "0") int page) {
		return receiver.findings(user.municipalityId(), page);
	}

	/**
	 * A result, not an error body: the reader adapter reads {@code line} to know where
	 * the chunk was refused.
	 */
	@ExceptionHandler(BrokenChainException.class)
	ResponseEntity<ChainBroken> broken(BrokenChainException e) {
		return ResponseEntity.unprocessableEntity().body(ChainBroken.of(e));
	}

}
