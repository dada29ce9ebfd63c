package jp.madoguchi.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;

import jp.madoguchi.search.analysis.SearchDocuments;

/**
 * The pipeline's one field around the analysis chain's document
 * ({@link SearchDocuments#toDocument}): the case, so that a case's entries are replaced
 * together when it changes. Everything else — stored fields, filters, facets, sort keys —
 * is the chain's schema.
 */
final class IndexedRecords {

	/** The case, for deletes (a case's entries change together). */
	static final String CASE = "ix_case";

	private IndexedRecords() {
	}

	static Document document(SearchRecord record) {
		Document doc = SearchDocuments.toDocument(record);
		doc.add(new StringField(CASE, Long.toString(record.caseId()), Field.Store.NO));
		return doc;
	}

	static Term caseTerm(long caseId) {
		return new Term(CASE, Long.toString(caseId));
	}

}
