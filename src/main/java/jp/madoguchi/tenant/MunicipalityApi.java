package jp.madoguchi.tenant;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jp.madoguchi.tenant.MunicipalityAdministration.MunicipalityRecord;

/** {@code /api/municipality} (ADMIN): the settings the forms print. */
@RestController
@RequestMapping("/api/municipality")
@PreAuthorize("hasRole('ADMIN')")
class MunicipalityApi {

	private final MunicipalityAdministration municipality;

	MunicipalityApi(MunicipalityAdministration municipality) {
		this.municipality = municipality;
	}

	@GetMapping
	MunicipalityRecord get(@AuthenticationPrincipal StaffUser admin) {
		return municipality.get(admin);
	}

	/** All fields but the code; 422 names the field that is missing or too long. */
	@PutMapping
	MunicipalityRecord update(@AuthenticationPrincipal StaffUser admin, @RequestBody MunicipalityRecord request) {
		return municipality.update(admin, request);
	}

}
