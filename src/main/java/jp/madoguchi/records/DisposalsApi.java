package jp.madoguchi.records;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.tenant.StaffUser;

/**
 * Disposals: proposed by a RECORDS_OFFICER, approved and carried out by another ADMIN or
 * RECORDS_OFFICER.
 */
@RestController
class DisposalsApi {

	private final Disposals disposals;

	DisposalsApi(Disposals disposals) {
		this.disposals = disposals;
	}

	/** {@code {"asOf": "YYYY-MM-DD"}}: the day the records must be due by. */
	record DisposalRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-11-30") String asOf) {
	}

	/** A disposal with its first records (the rest are counted in {@code records}). */
	record DisposalDetail(Disposal disposal, List<DueRecord> records) {
	}

	@PostMapping("/api/retention/disposals")
	@PreAuthorize("hasRole('RECORDS_OFFICER')")
	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "201", description = "proposed: the records due, none held")
	@ApiResponse(responseCode = "400", description = "DISPOSAL_DATE",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	@ApiResponse(responseCode = "409", description = "DISPOSAL_NOTHING_DUE",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	DisposalProposal propose(@AuthenticationPrincipal StaffUser officer, @RequestBody DisposalRequest request) {
		return disposals.propose(officer, asOf(request.asOf()));
	}

	@PostMapping("/api/retention/disposals/{id}/approve")
	@PreAuthorize("hasAnyRole('RECORDS_OFFICER', 'ADMIN')")
	@ApiResponse(responseCode = "200", description = "approved and carried out")
	@ApiResponse(responseCode = "403", description = "DISPOSAL_SAME_PERSON: the proposer cannot approve",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	@ApiResponse(responseCode = "404", description = "no such disposal",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	@ApiResponse(responseCode = "409", description = "DISPOSAL_NOT_PROPOSED: approved already",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	Disposal approve(@AuthenticationPrincipal StaffUser approver, @PathVariable long id) {
		return disposals.approve(approver, id);
	}

	@GetMapping("/api/retention/disposals")
	@PreAuthorize("hasAnyRole('RECORDS_OFFICER', 'ADMIN')")
	@ApiResponse(responseCode = "200", description = "the municipality's latest 100 disposals, newest first")
	List<Disposal> list(@AuthenticationPrincipal StaffUser user) {
		return disposals.list(user.municipalityId());
	}

	@GetMapping("/api/retention/disposals/{id}")
	@PreAuthorize("hasAnyRole('RECORDS_OFFICER', 'ADMIN')")
	@ApiResponse(responseCode = "200", description = "the disposal and its first 500 records with their state")
	@ApiResponse(responseCode = "404", description = "no such disposal",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	DisposalDetail detail(@AuthenticationPrincipal StaffUser user, @PathVariable long id) {
		Disposal d = disposals.find(user.municipalityId(), id).orElseThrow(ClientError::notFound);
		return new DisposalDetail(d, disposals.records(user.municipalityId(), id));
	}

	/** The day asked for; 400 {@code DISPOSAL_DATE} for anything but YYYY-MM-DD. */
	static LocalDate asOf(String text) {
		try {
			return text == null ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw ClientError.badRequest("DISPOSAL_DATE").field("asOf");
		}
	}

}
