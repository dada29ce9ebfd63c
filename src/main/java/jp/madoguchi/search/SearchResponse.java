package jp.madoguchi.search;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One page of a search: how many entries matched, the page's hits, and per filter the
 * values with their number of matching entries.
 */
public record SearchResponse(long total, int page, int pageSize, List<Hit> hits, Facets facets) {

	/**
	 * One entry: a generated document ({@code documentId} set) or a case without
	 * documents.
	 *
	 * @param birthDateEra the birth date in 和暦 (昭和23年4月5日)
	 * @param tier how the text matched; absent when no text was given
	 * @param thumbnailPageId the scan page showing the signed page, if any
	 * @param nameHighlights the parts of {@code name} that matched (char offsets)
	 * @param readingHighlights the parts of {@code reading} that matched (char offsets)
	 */
	public record Hit(String documentId, long caseId, String name, String reading, LocalDate birthDate,
			String birthDateEra, String facility, String form, SearchStatus status, Tier tier,
			OffsetDateTime generatedAt, OffsetDateTime signedAt, Long thumbnailPageId, List<Span> nameHighlights,
			List<Span> readingHighlights) {
	}

	/** Counts per value of each filter, most first. */
	public record Facets(List<FacetCount> facility, List<FacetCount> form, List<FacetCount> status) {
	}

	public record FacetCount(String value, long count) {
	}

	/** A matched part of a text: chars {@code start} (inclusive) to {@code end}. */
	public record Span(int start, int end) {
	}

}
