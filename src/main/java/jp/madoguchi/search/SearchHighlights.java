package jp.madoguchi.search;

import java.util.List;

import jp.madoguchi.search.analysis.SearchQueries;

/**
 * The matched parts of a hit. STAND-IN until the analysis chain provides highlights (it
 * knows which form of the name matched, glyph, folded form, reading or romaji): none yet.
 */
final class SearchHighlights {

	private SearchHighlights() {
	}

	static List<String> of(SearchRecord record, SearchQueries.TieredQuery tiered) {
		return List.of();
	}

}
