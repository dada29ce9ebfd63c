package jp.madoguchi.search.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;

import jp.madoguchi.search.SearchRecord;
import jp.madoguchi.search.SearchStatus;

/**
 * The index's document schema: how a {@link SearchRecord} becomes a Lucene document and
 * back, and the filters, facets and sorts over it.
 *
 * <p>
 * For the index pipeline:
 * <ul>
 * <li>{@link #toDocument(SearchRecord)} builds the document, facets already translated by
 * {@link #FACETS} and every analysed field pre-analysed (any index-writer analyzer will
 * do; the document may wait in a batch). Update with
 * {@code writer.updateDocument(keyTerm(key),
 * doc)}, delete with {@link #keyTerm} or {@link #rosterTerm}.</li>
 * <li>{@link #fromDocument(Document)} gives the record back from the stored fields (the
 * name with its exact glyphs, variation selectors included).</li>
 * <li>Filters: {@link #municipalityFilter(long)} (every search carries it),
 * {@link #facetFilter(String, String)} for {@link #FACILITY}, {@link #FORM} and
 * {@link #STATUS}, {@link #dateRange(String, LocalDate, LocalDate)} for
 * {@link #GENERATED_AT}, {@link #SCANNED_AT} and {@link #SIGNED_AT}. Add them as
 * {@code FILTER} clauses beside {@code SearchQueries.parse(q).query()} (FILTER clauses do
 * not change the score, so the tier stays readable).</li>
 * <li>Facet counts: {@link #FACETS} with
 * {@code new DefaultSortedSetDocValuesReaderState(reader, FACETS)} (build it once per
 * opened reader, e.g. in a {@code SearcherFactory}: it walks the ordinals) and
 * {@code SortedSetDocValuesFacetCounts} (or {@code DrillSideways}, so that a dimension's
 * own filter does not hide its other values); values are the facility name, the form id
 * and the {@link SearchStatus} name.</li>
 * <li>Sort: {@link #relevanceThenRecent()} (tier, then most recent), or
 * {@link #byDate(String, boolean)}.</li>
 * </ul>
 */
public final class SearchDocuments {

	/** The unique key field ({@link SearchRecord#key()}), for updates and deletes. */
	public static final String KEY = "key";

	/**
	 * The municipality (LongPoint and doc values), for the filter every search carries.
	 */
	public static final String MUNICIPALITY = "municipality";

	/** The roster, so a discarded roster's entries can be deleted at once. */
	public static final String ROSTER = "roster";

	public static final String NAME_EXACT = "name_exact";

	public static final String NAME_FOLDED = "name_folded";

	public static final String NAME_BIGRAM = "name_bigram";

	public static final String NAME_CHAR = "name_char";

	public static final String READING_EXACT = "reading_exact";

	public static final String READING_LOOSE = "reading_loose";

	public static final String READING_PART = "reading_part";

	public static final String ROMAJI = "romaji";

	public static final String ROMAJI_PART = "romaji_part";

	/** Birth date as epoch day (LongPoint and doc values). */
	public static final String BIRTH_DATE = "birth_date";

	/** Dates as epoch milliseconds (LongPoint for ranges, doc values for sorting). */
	public static final String GENERATED_AT = "generated_at";

	public static final String SCANNED_AT = "scanned_at";

	public static final String SIGNED_AT = "signed_at";

	/** The most recent of signed, scanned and generated (epoch ms, doc values): ties. */
	public static final String RECENT = "recent";

	/** Facet dimensions (values: facility name, form id, {@link SearchStatus} name). */
	public static final String FACILITY = "facility";

	public static final String FORM = "form";

	public static final String STATUS = "status";

	/** The facets configuration of the index: the three dimensions, single-valued. */
	public static final FacetsConfig FACETS = new FacetsConfig();

	/** Dates of the range filters are days in this zone. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

	private static final String S = "stored.";

	private static final FieldType ANALYSED = new FieldType();

	static {
		ANALYSED.setIndexOptions(IndexOptions.DOCS);
		ANALYSED.setTokenized(true);
		ANALYSED.setOmitNorms(true);
		ANALYSED.setStored(false);
		ANALYSED.freeze();
	}

	private SearchDocuments() {
	}

	public static Document toDocument(SearchRecord record) {
		Document doc = new Document();
		doc.add(new StringField(KEY, record.key(), Field.Store.YES));
		doc.add(new LongPoint(MUNICIPALITY, record.municipalityId()));
		doc.add(new NumericDocValuesField(MUNICIPALITY, record.municipalityId()));
		doc.add(new StoredField(S + "municipality", record.municipalityId()));
		doc.add(new StringField(ROSTER, Long.toString(record.rosterId()), Field.Store.NO));
		doc.add(new StoredField(S + "roster", record.rosterId()));
		doc.add(new StoredField(S + "case", record.caseId()));
		String name = record.name();
		if (name != null) {
			doc.add(new StoredField(S + "name", name));
			analysed(doc, NAME_ANALYSIS, name);
		}
		String reading = record.reading();
		if (reading != null) {
			doc.add(new StoredField(S + "reading", reading));
			analysed(doc, READING_ANALYSIS, reading);
		}
		if (record.birthDate() != null) {
			long day = record.birthDate().toEpochDay();
			doc.add(new LongPoint(BIRTH_DATE, day));
			doc.add(new NumericDocValuesField(BIRTH_DATE, day));
			doc.add(new StoredField(S + "birth", day));
		}
		stored(doc, "document", record.documentId());
		stored(doc, "sex", record.sex());
		stored(doc, "address", record.address());
		stored(doc, "facility", record.facility());
		stored(doc, "room", record.room());
		stored(doc, "form", record.form());
		stored(doc, "template", record.templateVersion());
		stored(doc, "workflow", record.workflow());
		if (record.status() != null) {
			stored(doc, "status", record.status().name());
		}
		long recent = Long.MIN_VALUE;
		recent = Math.max(recent, date(doc, GENERATED_AT, record.generatedAt()));
		recent = Math.max(recent, date(doc, SCANNED_AT, record.scannedAt()));
		recent = Math.max(recent, date(doc, SIGNED_AT, record.signedAt()));
		doc.add(new NumericDocValuesField(RECENT, recent == Long.MIN_VALUE ? 0 : recent));
		if (record.thumbnailPageId() != null) {
			doc.add(new StoredField(S + "thumbnail", record.thumbnailPageId()));
		}
		facet(doc, FACILITY, record.facility());
		facet(doc, FORM, record.form());
		facet(doc, STATUS, record.status() == null ? null : record.status().name());
		try {
			return FACETS.build(doc);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The record back from a hit's stored fields ({@code searcher.storedFields()}). */
	public static SearchRecord fromDocument(Document stored) {
		String status = string(stored, "status");
		return new SearchRecord(stored.get(KEY), number(stored, "municipality", Long::longValue),
				number(stored, "case", Long::longValue), number(stored, "roster", Long::longValue),
				string(stored, "document"), string(stored, "name"), string(stored, "reading"),
				number(stored, "birth", LocalDate::ofEpochDay), string(stored, "sex"), string(stored, "address"),
				string(stored, "facility"), string(stored, "room"), string(stored, "form"), string(stored, "template"),
				string(stored, "workflow"), status == null ? null : SearchStatus.valueOf(status),
				dateTime(stored, GENERATED_AT), dateTime(stored, SCANNED_AT), dateTime(stored, SIGNED_AT),
				number(stored, "thumbnail", Long::valueOf));
	}

	public static Term keyTerm(String key) {
		return new Term(KEY, key);
	}

	public static Term rosterTerm(long rosterId) {
		return new Term(ROSTER, Long.toString(rosterId));
	}

	/** Entries of one municipality (points or doc values, whichever is cheaper). */
	public static Query municipalityFilter(long municipalityId) {
		return new IndexOrDocValuesQuery(LongPoint.newExactQuery(MUNICIPALITY, municipalityId),
				NumericDocValuesField.newSlowExactQuery(MUNICIPALITY, municipalityId));
	}

	/**
	 * Entries whose facet {@code dimension} ({@link #FACILITY}, ...) is {@code value}.
	 */
	public static Query facetFilter(String dimension, String value) {
		return new TermQuery(DrillDownQuery.term(FACETS.getDimConfig(dimension).indexFieldName, dimension, value));
	}

	/** Entries whose facet is any of the values (OR), e.g. several statuses. */
	public static Query facetFilter(String dimension, Iterable<String> values) {
		BooleanQuery.Builder b = new BooleanQuery.Builder();
		for (String v : values) {
			b.add(facetFilter(dimension, v), BooleanClause.Occur.SHOULD);
		}
		return b.build();
	}

	/**
	 * Entries whose date ({@link #GENERATED_AT}, {@link #SCANNED_AT}, {@link #SIGNED_AT})
	 * falls on a day from {@code from} to {@code to}, both inclusive, in {@link #ZONE};
	 * either may be null (open). Entries without that date never match.
	 */
	public static Query dateRange(String field, LocalDate from, LocalDate to) {
		long lo = from == null ? Long.MIN_VALUE : from.atStartOfDay(ZONE).toInstant().toEpochMilli();
		long hi = to == null ? Long.MAX_VALUE : to.plusDays(1).atStartOfDay(ZONE).toInstant().toEpochMilli() - 1;
		if (lo > hi) {
			return new BooleanQuery.Builder().build();
		}
		return new IndexOrDocValuesQuery(LongPoint.newRangeQuery(field, lo, hi),
				NumericDocValuesField.newSlowRangeQuery(field, lo, hi));
	}

	/** Entries born on that day. */
	public static Query birthDate(LocalDate date) {
		long day = date.toEpochDay();
		return new IndexOrDocValuesQuery(LongPoint.newExactQuery(BIRTH_DATE, day),
				NumericDocValuesField.newSlowExactQuery(BIRTH_DATE, day));
	}

	/** Every entry (for a search with filters and no text). */
	public static Query all() {
		return new MatchAllDocsQuery();
	}

	/** Best tier first, ties most recent first (the ranking). */
	public static Sort relevanceThenRecent() {
		return new Sort(SortField.FIELD_SCORE, new SortField(RECENT, SortField.Type.LONG, true));
	}

	/** By a date field, entries without it last; then by key for a stable order. */
	public static Sort byDate(String field, boolean newestFirst) {
		SortField date = new SortField(field, SortField.Type.LONG, newestFirst);
		date.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
		return new Sort(date, SortField.FIELD_SCORE);
	}

	private static void analysed(Document doc, FieldsOfText fields, String text) {
		AnalyzedTokens[] analysed = fields.analyse(text);
		for (int i = 0; i < analysed.length; i++) {
			if (!analysed[i].isEmpty()) {
				doc.add(analysed[i].field(fields.names[i], ANALYSED));
			}
		}
	}

	private static final FieldsOfText NAME_ANALYSIS = new FieldsOfText(
			new String[] { NAME_EXACT, NAME_FOLDED, NAME_BIGRAM, NAME_CHAR },
			new Analyzer[] { SearchAnalyzers.NAME_EXACT, SearchAnalyzers.NAME_FOLDED, SearchAnalyzers.NAME_BIGRAM,
					SearchAnalyzers.NAME_CHAR });

	private static final FieldsOfText READING_ANALYSIS = new FieldsOfText(
			new String[] { READING_EXACT, READING_LOOSE, READING_PART, ROMAJI, ROMAJI_PART },
			new Analyzer[] { SearchAnalyzers.READING_EXACT, SearchAnalyzers.READING_LOOSE, SearchAnalyzers.READING_PART,
					SearchAnalyzers.ROMAJI, SearchAnalyzers.ROMAJI_PART });

	/**
	 * The fields analysed from one text (the name, or the reading). The last text's
	 * analysis is kept per thread: a case's documents come one after another and share
	 * it, which saves most of the analysis in a rebuild or a catch-up.
	 */
	private static final class FieldsOfText {

		private final String[] names;

		private final Analyzer[] analyzers;

		private final ThreadLocal<Last> last = new ThreadLocal<>();

		private record Last(String text, AnalyzedTokens[] analysed) {
		}

		FieldsOfText(String[] names, Analyzer[] analyzers) {
			this.names = names;
			this.analyzers = analyzers;
		}

		AnalyzedTokens[] analyse(String text) {
			Last previous = last.get();
			if (previous != null && previous.text().equals(text)) {
				return previous.analysed();
			}
			AnalyzedTokens[] analysed = new AnalyzedTokens[names.length];
			for (int i = 0; i < names.length; i++) {
				analysed[i] = AnalyzedTokens.of(analyzers[i], names[i], text);
			}
			last.set(new Last(text, analysed));
			return analysed;
		}

	}

	private static void stored(Document doc, String name, String value) {
		if (value != null) {
			doc.add(new StoredField(S + name, value));
		}
	}

	private static void facet(Document doc, String dimension, String value) {
		if (value != null && !value.isBlank()) {
			doc.add(new SortedSetDocValuesFacetField(dimension, value));
		}
	}

	private static long date(Document doc, String field, OffsetDateTime at) {
		if (at == null) {
			return Long.MIN_VALUE;
		}
		long ms = at.toInstant().toEpochMilli();
		doc.add(new LongPoint(field, ms));
		doc.add(new NumericDocValuesField(field, ms));
		doc.add(new StoredField(S + field, at.toString()));
		return ms;
	}

	private static String string(Document stored, String name) {
		return stored.get(S + name);
	}

	private static <T> T number(Document stored, String name, Function<Long, T> convert) {
		IndexableField f = stored.getField(S + name);
		return f == null || f.numericValue() == null ? null : convert.apply(f.numericValue().longValue());
	}

	private static OffsetDateTime dateTime(Document stored, String field) {
		String s = stored.get(S + field);
		return s == null ? null : OffsetDateTime.parse(s);
	}

}
