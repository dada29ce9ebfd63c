package jp.madoguchi.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.springframework.stereotype.Service;

import jp.madoguchi.japanese.JapaneseDates;
import jp.madoguchi.search.analysis.SearchDocuments;
import jp.madoguchi.search.analysis.SearchQueries;

import jp.madoguchi.runtime.ServingProcessOnly;

/**
 * Searches one municipality's entries. The municipality is a filter of the Lucene query
 * itself, so no other municipality's entry is ever read. Usable without Spring:
 * {@code new SearchService(SearchIndex.open(path))}. Auditing is the caller's (the API
 * audits every search).
 */
@ServingProcessOnly
@Service
public class SearchService {

	private static final int FACET_VALUES = 50;

	private static final Sort BY_RELEVANCE = SearchDocuments.relevanceThenRecent();

	private static final Sort BY_NEWEST = SearchDocuments.byDate(SearchDocuments.RECENT, true);

	private final SearchIndex index;

	/** Facet state of the last reader searched (rebuilt when the reader changes). */
	private volatile FacetState facetState;

	private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
	}

	public SearchService(SearchIndex index) {
		this.index = index;
	}

	/** One page of the municipality's entries matching the request. */
	public SearchResponse search(long municipalityId, SearchRequest request) {
		SearchQueries.TieredQuery tiered = request.q().isEmpty() ? null : SearchQueries.parse(request.q());
		Query query = query(municipalityId, request, tiered);
		int from = request.page() * SearchRequest.PAGE_SIZE;
		int upTo = from + SearchRequest.PAGE_SIZE;
		try {
			return index.withSearcher(searcher -> {
				FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query, upTo,
						request.sort() == SearchRequest.Sort.NEWEST ? BY_NEWEST : BY_RELEVANCE, true,
						new FacetsCollectorManager());
				long total = 0;
				for (FacetsCollector.MatchingDocs docs : result.facetsCollector().getMatchingDocs()) {
					total += docs.totalHits();
				}
				List<SearchResponse.Hit> hits = hits(searcher, result.topDocs(), from, tiered);
				return new SearchResponse(total, request.page(), SearchRequest.PAGE_SIZE, hits,
						facets(searcher, result.facetsCollector()));
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Query query(long municipalityId, SearchRequest request, SearchQueries.TieredQuery tiered) {
		BooleanQuery.Builder b = new BooleanQuery.Builder();
		b.add(tiered == null ? new MatchAllDocsQuery() : tiered.query(), BooleanClause.Occur.MUST);
		b.add(SearchDocuments.municipalityFilter(municipalityId), BooleanClause.Occur.FILTER);
		if (request.facility() != null) {
			b.add(SearchDocuments.facetFilter(SearchDocuments.FACILITY, request.facility()),
					BooleanClause.Occur.FILTER);
		}
		if (request.form() != null) {
			b.add(SearchDocuments.facetFilter(SearchDocuments.FORM, request.form()), BooleanClause.Occur.FILTER);
		}
		if (request.status() != null) {
			b.add(SearchDocuments.facetFilter(SearchDocuments.STATUS, request.status().name()),
					BooleanClause.Occur.FILTER);
		}
		if (request.generatedFrom() != null || request.generatedTo() != null) {
			b.add(SearchDocuments.dateRange(SearchDocuments.GENERATED_AT, request.generatedFrom(),
					request.generatedTo()), BooleanClause.Occur.FILTER);
		}
		if (request.signedFrom() != null || request.signedTo() != null) {
			b.add(SearchDocuments.dateRange(SearchDocuments.SIGNED_AT, request.signedFrom(), request.signedTo()),
					BooleanClause.Occur.FILTER);
		}
		return b.build();
	}

	private static List<SearchResponse.Hit> hits(IndexSearcher searcher, TopDocs top, int from,
			SearchQueries.TieredQuery tiered) throws IOException {
		List<SearchResponse.Hit> hits = new ArrayList<>(SearchRequest.PAGE_SIZE);
		StoredFields stored = searcher.storedFields();
		ScoreDoc[] docs = top.scoreDocs;
		for (int i = from; i < docs.length; i++) {
			ScoreDoc sd = docs[i];
			float score = sd instanceof FieldDoc fd ? fd.score : sd.score;
			SearchRecord r = SearchDocuments.fromDocument(stored.document(sd.doc));
			hits.add(new SearchResponse.Hit(r.documentId(), r.caseId(), r.name(), r.reading(), r.birthDate(),
					r.birthDate() == null ? null : JapaneseDates.toEraText(r.birthDate()), r.facility(), r.form(),
					r.status(), tiered == null ? null : tiered.tierOf(score), r.generatedAt(), r.signedAt(),
					r.thumbnailPageId(), spans(SearchQueries.highlights(r.name(), tiered)),
					spans(SearchQueries.readingHighlights(r.reading(), tiered))));
		}
		return hits;
	}

	private static List<SearchResponse.Span> spans(List<SearchQueries.Range> ranges) {
		return ranges.stream().map(r -> new SearchResponse.Span(r.start(), r.end())).toList();
	}

	private SearchResponse.Facets facets(IndexSearcher searcher, FacetsCollector collector) throws IOException {
		SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
		if (state == null) {
			return new SearchResponse.Facets(List.of(), List.of(), List.of());
		}
		Facets counts = new SortedSetDocValuesFacetCounts(state, collector);
		return new SearchResponse.Facets(counts(counts, SearchDocuments.FACILITY), counts(counts, SearchDocuments.FORM),
				counts(counts, SearchDocuments.STATUS));
	}

	private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
		FacetState current = facetState;
		if (current != null && current.reader() == reader) {
			return current.state();
		}
		SortedSetDocValuesReaderState state;
		try {
			state = new DefaultSortedSetDocValuesReaderState(reader, SearchDocuments.FACETS);
		}
		catch (IllegalArgumentException e) {
			// No entry has any facet yet (an empty index).
			state = null;
		}
		facetState = new FacetState(reader, state);
		return state;
	}

	private static List<SearchResponse.FacetCount> counts(Facets counts, String dimension) throws IOException {
		FacetResult result;
		try {
			result = counts.getTopChildren(FACET_VALUES, dimension);
		}
		catch (IllegalArgumentException e) {
			// No entry has this dimension.
			return List.of();
		}
		if (result == null) {
			return List.of();
		}
		List<SearchResponse.FacetCount> list = new ArrayList<>(result.labelValues.length);
		for (LabelAndValue lv : result.labelValues) {
			list.add(new SearchResponse.FacetCount(lv.label, lv.value.longValue()));
		}
		return list;
	}

}
