package jp.madoguchi.search;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.tenant.StaffUser;

import jp.madoguchi.runtime.ServingProcessOnly;

/**
 * Records search for records officers (their own municipality only, every search
 * audited), and the index rebuild for administrators.
 */
@ServingProcessOnly
@RestController
class SearchApi {

	/** {@code audit_event.target_id} width. */
	private static final int AUDIT_TARGET = 100;

	private final SearchService search;

	private final IndexFeeder feeder;

	private final AuditLog audit;

	SearchApi(SearchService search, IndexFeeder feeder, AuditLog audit) {
		this.search = search;
		this.feeder = feeder;
		this.audit = audit;
	}

	@ApiResponse(responseCode = "200", description = "one page (20 hits) of the municipality's entries")
	@ApiResponse(responseCode = "400",
			description = "a bad parameter: SEARCH_QUERY_TOO_LONG, SEARCH_FACILITY_TOO_LONG, SEARCH_BAD_FORM, "
					+ "SEARCH_BAD_STATUS, SEARCH_BAD_DATE, SEARCH_DATE_RANGE_REVERSED, SEARCH_BAD_SORT, SEARCH_BAD_PAGE "
					+ "(field names the parameter)")
	@GetMapping("/api/search")
	@PreAuthorize("hasRole('RECORDS_OFFICER')")
	SearchResponse search(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) String facility, @RequestParam(required = false) String form,
			@RequestParam(required = false) String status, @RequestParam(required = false) String generatedFrom,
			@RequestParam(required = false) String generatedTo, @RequestParam(required = false) String signedFrom,
			@RequestParam(required = false) String signedTo, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String page) {
		SearchRequest request = SearchRequest.parse(q, facility, form, status, generatedFrom, generatedTo, signedFrom,
				signedTo, sort, page);
		SearchResponse response = search.search(user.municipalityId(), request);
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.SEARCH, "records-search",
				auditTarget(request, response.total()));
		return response;
	}

	/**
	 * What was searched and how many entries were found, cut to the column: the text
	 * first (it is what an audit asks about), then the filters.
	 */
	static String auditTarget(SearchRequest r, long hits) {
		StringBuilder s = new StringBuilder();
		s.append("hits=").append(hits).append(";q=").append(r.q());
		append(s, "facility", r.facility());
		append(s, "form", r.form());
		append(s, "status", r.status());
		append(s, "generated", range(r.generatedFrom(), r.generatedTo()));
		append(s, "signed", range(r.signedFrom(), r.signedTo()));
		if (r.page() > 0) {
			append(s, "page", r.page());
		}
		String target = s.toString();
		if (target.codePointCount(0, target.length()) > AUDIT_TARGET) {
			target = target.substring(0, target.offsetByCodePoints(0, AUDIT_TARGET - 1)) + "…";
		}
		return target;
	}

	private static String range(Object from, Object to) {
		return from == null && to == null ? null : (from == null ? "" : from) + ".." + (to == null ? "" : to);
	}

	private static void append(StringBuilder s, String name, Object value) {
		if (value != null) {
			s.append(';').append(name).append('=').append(value);
		}
	}

	@ApiResponse(responseCode = "202", description = "the rebuild runs in the background (or was already running)")
	@PostMapping("/api/search/rebuild")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<RebuildProgress> rebuild(@AuthenticationPrincipal StaffUser user) {
		RebuildProgress progress = feeder.requestRebuild();
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.CHANGE, "search-index", "rebuild");
		return ResponseEntity.accepted().body(progress);
	}

	@GetMapping("/api/search/rebuild")
	@PreAuthorize("hasRole('ADMIN')")
	RebuildProgress rebuildProgress() {
		return feeder.progress();
	}

}
