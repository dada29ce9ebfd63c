package jp.madoguchi.search.analysis;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import jp.madoguchi.search.Tier;

/**
 * What a records officer typed, as a Lucene query whose score tells the tier of each hit.
 * PLACEHOLDER until the analysis chain lands (issue 11): exact name only.
 */
public final class SearchQueries {

	private SearchQueries() {
	}

	/** The query for the search box's text (name, reading, romaji or birth date). */
	public static TieredQuery parse(String text) {
		return new TieredQuery(new TermQuery(new Term("name_exact", text.strip())));
	}

	/** A query plus the rule that reads a hit's tier from its score. */
	public record TieredQuery(Query query) {

		public Tier tierOf(float score) {
			return Tier.EXACT;
		}

	}

}
