package jp.madoguchi.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;

import jp.madoguchi.search.analysis.SearchDocuments;
import tools.jackson.databind.json.JsonMapper;

/**
 * The index pipeline's own fields around {@link SearchDocuments#toDocument}: the whole
 * record stored (read back for a hit), the case (for deletes), filters, facets, the sort
 * key and the date ranges. STAND-IN: the analysis chain is to provide
 * {@code fromDocument}, the facet config, sort fields and date-range helpers; once it
 * does, this class delegates to them (the pipeline and the service call only this class).
 */
final class IndexedRecords {

	/** The case, for deletes (a case's entries change together). */
	static final String CASE = "ix_case";

	/** The whole {@link SearchRecord} as JSON, read back for each hit. */
	static final String STORED = "ix_record";

	/** Sort key: the latest of generated, scanned and signed (epoch milliseconds). */
	static final String NEWEST = "ix_newest";

	static final String GENERATED = "ix_generated";

	static final String SIGNED = "ix_signed";

	/** Exact-value filter fields; the facet dimensions carry the same names. */
	static final String FACILITY = "facility";

	static final String FORM = "form";

	static final String STATUS = "status";

	private static final String FILTER = "ix_filter_";

	/** Dates are days in Japan: a range 4/1–4/30 means those days in Japanese time. */
	static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	static final FacetsConfig FACETS = new FacetsConfig();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private IndexedRecords() {
	}

	static Document document(SearchRecord record) {
		Document doc = SearchDocuments.toDocument(record);
		doc.add(new StringField(CASE, Long.toString(record.caseId()), Field.Store.NO));
		doc.add(new StoredField(STORED, JSON.writeValueAsBytes(record)));
		doc.add(new NumericDocValuesField(NEWEST, newest(record)));
		if (record.generatedAt() != null) {
			doc.add(new LongPoint(GENERATED, record.generatedAt().toInstant().toEpochMilli()));
		}
		if (record.signedAt() != null) {
			doc.add(new LongPoint(SIGNED, record.signedAt().toInstant().toEpochMilli()));
		}
		facet(doc, FACILITY, record.facility());
		facet(doc, FORM, record.form());
		facet(doc, STATUS, record.status().name());
		try {
			return FACETS.build(doc);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void facet(Document doc, String dimension, String value) {
		if (value == null || value.isEmpty()) {
			return;
		}
		doc.add(new StringField(FILTER + dimension, value, Field.Store.NO));
		doc.add(new SortedSetDocValuesFacetField(dimension, value));
	}

	static SearchRecord record(Document stored) {
		return JSON.readValue(stored.getBinaryValue(STORED).bytes, SearchRecord.class);
	}

	static Term caseTerm(long caseId) {
		return new Term(CASE, Long.toString(caseId));
	}

	static Term filterTerm(String dimension, String value) {
		return new Term(FILTER + dimension, value);
	}

	/**
	 * Entries whose date field lies within the days {@code from}..{@code to} (either
	 * open).
	 */
	static Query dayRange(String field, LocalDate from, LocalDate to) {
		long lower = from == null ? Long.MIN_VALUE : from.atStartOfDay(JAPAN).toInstant().toEpochMilli();
		long upper = to == null ? Long.MAX_VALUE : to.plusDays(1).atStartOfDay(JAPAN).toInstant().toEpochMilli() - 1;
		return LongPoint.newRangeQuery(field, lower, upper);
	}

	private static long newest(SearchRecord r) {
		long newest = 0;
		for (OffsetDateTime t : new OffsetDateTime[] { r.generatedAt(), r.scannedAt(), r.signedAt() }) {
			if (t != null) {
				newest = Math.max(newest, t.toInstant().toEpochMilli());
			}
		}
		return newest;
	}

}
