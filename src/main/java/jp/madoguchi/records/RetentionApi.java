package jp.madoguchi.records;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jp.madoguchi.errors.ApiError;
import jp.madoguchi.tenant.StaffUser;

/** Retention classes: read by ADMINs and RECORDS_OFFICERs, set by ADMINs. */
@RestController
class RetentionApi {

	private final RetentionClasses classes;

	RetentionApi(RetentionClasses classes) {
		this.classes = classes;
	}

	/** {@code {"years": 5, "from": "CREATED|CASE_CLOSED|SIGNED"}}. */
	record ClassRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer years,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String from) {
	}

	@GetMapping("/api/retention/classes")
	@PreAuthorize("hasAnyRole('ADMIN', 'RECORDS_OFFICER')")
	@ApiResponse(responseCode = "200", description = "every record type's class, set or default")
	List<RetentionClass> list(@AuthenticationPrincipal StaffUser user) {
		return classes.list(user.municipalityId());
	}

	@PutMapping("/api/retention/classes/{recordType}")
	@PreAuthorize("hasRole('ADMIN')")
	@ApiResponse(responseCode = "200", description = "the class as set")
	@ApiResponse(responseCode = "400",
			description = "RETENTION_BAD_YEARS, RETENTION_BAD_EVENT (expected: the events the type allows)",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	@ApiResponse(responseCode = "404", description = "RETENTION_UNKNOWN_TYPE",
			content = @Content(schema = @Schema(implementation = ApiError.class)))
	RetentionClass set(@AuthenticationPrincipal StaffUser admin, @PathVariable String recordType,
			@RequestBody ClassRequest request) {
		return classes.set(admin, recordType, request.years(), request.from());
	}

}
