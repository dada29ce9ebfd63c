package jp.madoguchi.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.Messages;
import jp.madoguchi.forms.FormId;
import jp.madoguchi.forms.FormsEngine;
import jp.madoguchi.scans.ScanPageLocation;
import jp.madoguchi.scans.ScanPageLocations;
import jp.madoguchi.tenant.StaffUser;

import jp.madoguchi.runtime.ServingProcessOnly;

/**
 * The records officer's search page: one box, filters with their counts, sort, paging and
 * per hit the name with its matched parts marked, links to the case, its signed documents
 * and the original scan. The same parameters as {@code GET /api/search}, the same
 * municipality scope and the same audit; a bad parameter is said on the page, in the
 * catalogue's words.
 */
@ServingProcessOnly
@Controller
@PreAuthorize("hasRole('RECORDS_OFFICER')")
class SearchPages {

	/** Width of a hit's thumbnail, in pixels. */
	static final int THUMBNAIL = 120;

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm");

	private final SearchService search;

	private final AuditLog audit;

	private final Messages messages;

	private final FormsEngine forms;

	private final ScanPageLocations pages;

	SearchPages(SearchService search, AuditLog audit, Messages messages, FormsEngine forms, ScanPageLocations pages) {
		this.search = search;
		this.audit = audit;
		this.messages = messages;
		this.forms = forms;
		this.pages = pages;
	}

	/** The parameters as typed, for the form, the links and the filters' links. */
	record Params(String q, String facility, String form, String status, String generatedFrom, String generatedTo,
			String signedFrom, String signedTo, String sort, String page) {

		/** The page's address with these parameters, blank ones left out. */
		String href() {
			Map<String, String> values = new LinkedHashMap<>();
			values.put("q", q);
			values.put("facility", facility);
			values.put("form", form);
			values.put("status", status);
			values.put("generatedFrom", generatedFrom);
			values.put("generatedTo", generatedTo);
			values.put("signedFrom", signedFrom);
			values.put("signedTo", signedTo);
			values.put("sort", sort);
			values.put("page", page);
			StringBuilder s = new StringBuilder("/search");
			char separator = '?';
			for (Map.Entry<String, String> e : values.entrySet()) {
				if (e.getValue() != null && !e.getValue().isBlank()) {
					s.append(separator)
						.append(e.getKey())
						.append('=')
						.append(URLEncoder.encode(e.getValue().strip(), StandardCharsets.UTF_8));
					separator = '&';
				}
			}
			return s.toString();
		}

		Params withFacility(String value) {
			return new Params(q, value, form, status, generatedFrom, generatedTo, signedFrom, signedTo, sort, null);
		}

		Params withForm(String value) {
			return new Params(q, facility, value, status, generatedFrom, generatedTo, signedFrom, signedTo, sort, null);
		}

		Params withStatus(String value) {
			return new Params(q, facility, form, value, generatedFrom, generatedTo, signedFrom, signedTo, sort, null);
		}

		Params withSort(String value) {
			return new Params(q, facility, form, status, generatedFrom, generatedTo, signedFrom, signedTo, value, null);
		}

		Params withPage(int value) {
			return new Params(q, facility, form, status, generatedFrom, generatedTo, signedFrom, signedTo, sort,
					value == 0 ? null : Integer.toString(value));
		}

	}

	/** One value of a filter: its words, count, and the link that sets or clears it. */
	record FacetLink(String label, long count, String href, boolean selected) {
	}

	/** A part of a name or reading, marked when it matched. */
	record Segment(String text, boolean marked) {
	}

	/** One hit as the page shows it. */
	record Row(SearchResponse.Hit hit, List<Segment> name, List<Segment> reading, String birthWestern,
			String statusLabel, String tierLabel, String formTitle, String generatedAt, String signedAt,
			String thumbnail, String pageViewer, String original) {
	}

	@GetMapping("/search")
	ModelAndView search(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) String facility, @RequestParam(required = false) String form,
			@RequestParam(required = false) String status, @RequestParam(required = false) String generatedFrom,
			@RequestParam(required = false) String generatedTo, @RequestParam(required = false) String signedFrom,
			@RequestParam(required = false) String signedTo, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String page, Model model) {
		Params params = new Params(q, facility, form, status, generatedFrom, generatedTo, signedFrom, signedTo, sort,
				page);
		model.addAttribute("params", params);
		model.addAttribute("thumbnail", THUMBNAIL);
		SearchRequest request;
		try {
			request = SearchRequest.parse(q, facility, form, status, generatedFrom, generatedTo, signedFrom, signedTo,
					sort, page);
		}
		catch (ClientError e) {
			model.addAttribute("failure", messages.text(e.code(), e.args()));
			model.addAttribute("failureField", e.field());
			ModelAndView view = new ModelAndView("search/search", model.asMap());
			view.setStatus(e.status() == null ? HttpStatus.BAD_REQUEST : e.status());
			return view;
		}
		SearchResponse response = search.search(user.municipalityId(), request);
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.SEARCH, "records-search",
				SearchApi.auditTarget(request, response.total()));
		page(user, params, request, response, model);
		return new ModelAndView("search/search", model.asMap());
	}

	private void page(StaffUser user, Params params, SearchRequest request, SearchResponse response, Model model) {
		Map<Long, ScanPageLocation> located = pages.find(user.municipalityId(),
				response.hits().stream().map(SearchResponse.Hit::thumbnailPageId).filter(Objects::nonNull).toList());
		List<Row> main = new ArrayList<>();
		List<Row> similar = new ArrayList<>();
		for (SearchResponse.Hit hit : response.hits()) {
			(hit.tier() == Tier.SIMILAR ? similar : main).add(row(hit, located));
		}
		model.addAttribute("request", request);
		model.addAttribute("response", response);
		model.addAttribute("rows", main);
		model.addAttribute("similar", similar);
		long first = response.hits().isEmpty() ? 0 : (long) request.page() * SearchRequest.PAGE_SIZE + 1;
		model.addAttribute("first", first);
		model.addAttribute("last", response.hits().isEmpty() ? 0 : first + response.hits().size() - 1);
		boolean hasNext = (long) (request.page() + 1) * SearchRequest.PAGE_SIZE < response.total()
				&& request.page() < SearchRequest.MAX_PAGE;
		model.addAttribute("previousHref", request.page() > 0 ? params.withPage(request.page() - 1).href() : null);
		model.addAttribute("nextHref", hasNext ? params.withPage(request.page() + 1).href() : null);
		model.addAttribute("relevanceHref", params.withSort(null).href());
		model.addAttribute("newestHref", params.withSort("newest").href());
		model.addAttribute("newest", request.sort() == SearchRequest.Sort.NEWEST);
		model.addAttribute("facilities",
				facets(response.facets().facility(), request.facility(), v -> v, params::withFacility));
		model.addAttribute("forms", facets(response.facets().form(), request.form(), this::title, params::withForm));
		model.addAttribute("statuses",
				facets(response.facets().status(), request.status() == null ? null : request.status().name(),
						v -> statusLabel(SearchStatus.valueOf(v)), params::withStatus));
		model.addAttribute("filtered",
				request.facility() != null || request.form() != null || request.status() != null
						|| request.generatedFrom() != null || request.generatedTo() != null
						|| request.signedFrom() != null || request.signedTo() != null);
		model.addAttribute("clearHref",
				new Params(params.q(), null, null, null, null, null, null, null, params.sort(), null).href());
	}

	private static List<FacetLink> facets(List<SearchResponse.FacetCount> counts, String selected,
			Function<String, String> label, Function<String, Params> link) {
		List<FacetLink> links = new ArrayList<>();
		for (SearchResponse.FacetCount c : counts) {
			boolean on = c.value().equals(selected);
			links.add(new FacetLink(label.apply(c.value()), c.count(), link.apply(on ? null : c.value()).href(), on));
		}
		return links;
	}

	private Row row(SearchResponse.Hit hit, Map<Long, ScanPageLocation> located) {
		ScanPageLocation at = hit.thumbnailPageId() == null ? null : located.get(hit.thumbnailPageId());
		return new Row(hit, segments(hit.name(), hit.nameHighlights()),
				segments(hit.reading(), hit.readingHighlights()),
				hit.birthDate() == null ? null : western(hit.birthDate()), statusLabel(hit.status()),
				hit.tier() == null ? null : tierLabel(hit.tier()), hit.form() == null ? null : title(hit.form()),
				timestamp(hit.generatedAt()), timestamp(hit.signedAt()),
				hit.thumbnailPageId() == null ? null
						: "/scans/page-images/" + hit.thumbnailPageId() + ".png?width=" + THUMBNAIL,
				at == null ? null : "/scans/" + at.scanId() + "/pages/" + at.page(),
				at == null ? null : "/scans/" + at.scanId() + "/file");
	}

	private String title(String form) {
		try {
			return forms.title(FormId.fromId(form));
		}
		catch (IllegalArgumentException e) {
			return form;
		}
	}

	static String western(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

	private static String timestamp(OffsetDateTime at) {
		return at == null ? null : at.atZoneSameInstant(JAPAN).format(TIMESTAMP);
	}

	/** The status in the catalogue's words ({@code SEARCH_STATUS_*}). */
	private String statusLabel(SearchStatus status) {
		return status == null ? "" : messages.text("SEARCH_STATUS_" + status.name());
	}

	/** The tier in the catalogue's words ({@code SEARCH_TIER_*}). */
	private String tierLabel(Tier tier) {
		return messages.text("SEARCH_TIER_" + tier.name());
	}

	/**
	 * The text cut into marked and unmarked parts. A span's ends are moved outward so
	 * that no surrogate pair, variation selector or combining mark is split from its
	 * character.
	 */
	static List<Segment> segments(String text, List<SearchResponse.Span> spans) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		int n = text.length();
		boolean[] marked = new boolean[n];
		if (spans != null) {
			for (SearchResponse.Span span : spans) {
				int start = Math.max(0, Math.min(n, span.start()));
				int end = Math.max(0, Math.min(n, span.end()));
				while (start > 0 && !boundary(text, start)) {
					start--;
				}
				while (end < n && !boundary(text, end)) {
					end++;
				}
				for (int i = start; i < end; i++) {
					marked[i] = true;
				}
			}
		}
		List<Segment> segments = new ArrayList<>();
		int from = 0;
		for (int i = 1; i <= n; i++) {
			if (i == n || marked[i] != marked[from]) {
				segments.add(new Segment(text.substring(from, i), marked[from]));
				from = i;
			}
		}
		return segments;
	}

	/**
	 * True when a cut before char {@code i} keeps every character whole: not inside a
	 * surrogate pair, not before a variation selector or combining mark.
	 */
	static boolean boundary(String text, int i) {
		if (i <= 0 || i >= text.length()) {
			return true;
		}
		if (Character.isLowSurrogate(text.charAt(i)) && Character.isHighSurrogate(text.charAt(i - 1))) {
			return false;
		}
		int cp = text.codePointAt(i);
		int type = Character.getType(cp);
		return !(type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
				|| type == Character.COMBINING_SPACING_MARK || (cp >= 0xFE00 && cp <= 0xFE0F)
				|| (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0x200D);
	}

}
