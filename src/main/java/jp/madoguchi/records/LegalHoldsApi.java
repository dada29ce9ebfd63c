package jp.madoguchi.records;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jp.madoguchi.errors.ApiError;
import jp.madoguchi.tenant.StaffUser;

/** Legal holds: placed and released by RECORDS_OFFICERs, read by them and ADMINs. */
@RestController
class LegalHoldsApi {

	private final LegalHolds holds;

	LegalHoldsApi(LegalHolds holds) {
		this.holds = holds;
	}

	/**
	 * {@code {"recordType", "recordId", "reason"}} for a record, or {@code {"caseId",
	 * "reason"}} for a whole case.
	 */
	record HoldRequest(@Schema(nullable = true) String recordType, @Schema(nullable = true) String recordId,
			@Schema(nullable = true) Long caseId, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
	}

	/** The hold placed. */
	record HoldCreated(long id) {
	}

	@PostMapping("/api/retention/holds")
	@PreAuthorize("hasRole('RECORDS_OFFICER')")
	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "201", description = "the hold is in force")
	@ApiResponse(responseCode = "400", description = "HOLD_TARGET, HOLD_RECORD_TYPE, HOLD_REASON",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	@ApiResponse(responseCode = "404", description = "HOLD_NO_SUCH_RECORD, HOLD_NO_SUCH_CASE",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	HoldCreated place(@AuthenticationPrincipal StaffUser officer, @RequestBody HoldRequest request) {
		return new HoldCreated(
				holds.place(officer, request.recordType(), request.recordId(), request.caseId(), request.reason()));
	}

	@DeleteMapping("/api/retention/holds/{id}")
	@PreAuthorize("hasRole('RECORDS_OFFICER')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@ApiResponse(responseCode = "204", description = "released (the hold stays, as released)")
	@ApiResponse(responseCode = "404", description = "no such hold",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	@ApiResponse(responseCode = "409", description = "HOLD_ALREADY_RELEASED",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	void release(@AuthenticationPrincipal StaffUser officer, @PathVariable long id) {
		holds.release(officer, id);
	}

	@GetMapping("/api/retention/holds")
	@PreAuthorize("hasAnyRole('RECORDS_OFFICER', 'ADMIN')")
	@ApiResponse(responseCode = "200", description = "the municipality's holds, those in force first")
	List<LegalHold> list(@AuthenticationPrincipal StaffUser user) {
		return holds.list(user.municipalityId());
	}

}
