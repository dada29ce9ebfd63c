package jp.madoguchi.search.analysis;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;

import jp.madoguchi.search.SearchRecord;

/**
 * The index's document schema: how a {@link SearchRecord} becomes a Lucene document and
 * back. PLACEHOLDER until the analysis chain lands (issue 11): exact name only.
 */
public final class SearchDocuments {

	/** The unique key field ({@link SearchRecord#key()}), for updates and deletes. */
	public static final String KEY = "key";

	/** The municipality, for the filter every search carries. */
	public static final String MUNICIPALITY = "municipality";

	/** The roster, so a discarded roster's entries can be deleted at once. */
	public static final String ROSTER = "roster";

	private SearchDocuments() {
	}

	public static Document toDocument(SearchRecord record) {
		Document doc = new Document();
		doc.add(new StringField(KEY, record.key(), Field.Store.YES));
		doc.add(new LongPoint(MUNICIPALITY, record.municipalityId()));
		doc.add(new StringField(ROSTER, Long.toString(record.rosterId()), Field.Store.NO));
		doc.add(new StringField("name_exact", record.name(), Field.Store.YES));
		doc.add(new StoredField("case", record.caseId()));
		return doc;
	}

	public static Term keyTerm(String key) {
		return new Term(KEY, key);
	}

	public static Term rosterTerm(long rosterId) {
		return new Term(ROSTER, Long.toString(rosterId));
	}

}
