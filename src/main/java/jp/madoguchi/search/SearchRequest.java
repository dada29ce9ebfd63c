package jp.madoguchi.search;

import java.time.LocalDate;
import java.util.Locale;

import jp.madoguchi.cases.CaseLimits;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.forms.FormId;
import jp.madoguchi.japanese.InvalidDateException;
import jp.madoguchi.japanese.JapaneseDates;

/**
 * One search: the text typed (name, reading, romaji or birth date; blank lists
 * everything), filters, sort and page (from 0, {@link #PAGE_SIZE} hits each).
 */
public record SearchRequest(String q, String facility, String form, SearchStatus status, LocalDate generatedFrom,
		LocalDate generatedTo, LocalDate signedFrom, LocalDate signedTo, Sort sort, int page) {

	public static final int PAGE_SIZE = 20;

	/** Pages beyond this are not served: narrow the search instead. */
	public static final int MAX_PAGE = 499;

	/** Longest search text, in characters. */
	public static final int MAX_QUERY = 100;

	/** Longest facility filter (the column's width). */
	public static final int MAX_FACILITY = CaseLimits.FACILITY;

	public enum Sort {

		/** Best tier first, ties by most recent. */
		RELEVANCE,
		/** Most recent first. */
		NEWEST

	}

	public SearchRequest {
		q = q == null ? "" : q.strip();
		sort = sort == null ? Sort.RELEVANCE : sort;
	}

	/** A search by text only, first page. */
	public static SearchRequest text(String q) {
		return new SearchRequest(q, null, null, null, null, null, null, null, Sort.RELEVANCE, 0);
	}

	/**
	 * The request as the API's parameters give it; a bad one is a 400 naming the
	 * parameter.
	 */
	public static SearchRequest parse(String q, String facility, String form, String status, String generatedFrom,
			String generatedTo, String signedFrom, String signedTo, String sort, String page) {
		String text = q == null ? "" : q.strip();
		if (text.codePointCount(0, text.length()) > MAX_QUERY) {
			throw ClientError.badRequest("SEARCH_QUERY_TOO_LONG", MAX_QUERY).field("q");
		}
		String facilityValue = blankToNull(facility);
		if (facilityValue != null && facilityValue.codePointCount(0, facilityValue.length()) > MAX_FACILITY) {
			throw ClientError.badRequest("SEARCH_FACILITY_TOO_LONG", MAX_FACILITY).field("facility");
		}
		String formValue = blankToNull(form);
		if (formValue != null) {
			try {
				formValue = FormId.fromId(formValue).id();
			}
			catch (IllegalArgumentException e) {
				throw ClientError.badRequest("SEARCH_BAD_FORM").field("form");
			}
		}
		SearchStatus statusValue = null;
		if (blankToNull(status) != null) {
			try {
				statusValue = SearchStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw ClientError.badRequest("SEARCH_BAD_STATUS").field("status");
			}
		}
		LocalDate gFrom = date(generatedFrom, "generatedFrom");
		LocalDate gTo = date(generatedTo, "generatedTo");
		LocalDate sFrom = date(signedFrom, "signedFrom");
		LocalDate sTo = date(signedTo, "signedTo");
		if (gFrom != null && gTo != null && gFrom.isAfter(gTo)) {
			throw ClientError.badRequest("SEARCH_DATE_RANGE_REVERSED").field("generatedTo");
		}
		if (sFrom != null && sTo != null && sFrom.isAfter(sTo)) {
			throw ClientError.badRequest("SEARCH_DATE_RANGE_REVERSED").field("signedTo");
		}
		Sort sortValue = Sort.RELEVANCE;
		if (blankToNull(sort) != null) {
			try {
				sortValue = Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw ClientError.badRequest("SEARCH_BAD_SORT").field("sort");
			}
		}
		int pageValue = 0;
		if (blankToNull(page) != null) {
			String p = page.strip();
			if (!p.matches("[0-9]{1,4}") || Integer.parseInt(p) > MAX_PAGE) {
				throw ClientError.badRequest("SEARCH_BAD_PAGE", MAX_PAGE).field("page");
			}
			pageValue = Integer.parseInt(p);
		}
		return new SearchRequest(text, facilityValue, formValue, statusValue, gFrom, gTo, sFrom, sTo, sortValue,
				pageValue);
	}

	private static LocalDate date(String text, String field) {
		if (blankToNull(text) == null) {
			return null;
		}
		if (text.length() > 40) {
			throw ClientError.badRequest("SEARCH_BAD_DATE").field(field);
		}
		try {
			return JapaneseDates.parse(text);
		}
		catch (InvalidDateException e) {
			throw ClientError.badRequest("SEARCH_BAD_DATE").field(field);
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
