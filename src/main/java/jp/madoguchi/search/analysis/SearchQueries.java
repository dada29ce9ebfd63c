package jp.madoguchi.search.analysis;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;

import jp.madoguchi.japanese.InvalidDateException;
import jp.madoguchi.japanese.JapaneseDates;
import jp.madoguchi.search.Tier;

/**
 * What a records officer typed, as one Lucene query whose score tells the tier of each
 * hit.
 *
 * <p>
 * {@link #parse(String)} reads the search box: a name in kanji (or kana, or Latin
 * letters), a reading in hiragana, katakana or half-width katakana, romaji (Hepburn,
 * kunrei, with or without long vowels), a birth date in 和暦 or 西暦
 * ({@link JapaneseDates#parse}), or a mix separated by spaces (「渡辺 S23.4.5」 = the name
 * AND the birth date). The name part becomes one constant-score clause per {@link Tier}
 * (EXACT 5, VARIANT 4, READING 3, PARTIAL 2, SIMILAR 1), combined by maximum, so a hit's
 * score is exactly its tier and {@link TieredQuery#tierOf(float)} reads it back. Birth
 * dates are filters (no score); a date alone scores EXACT. Blank text matches every entry
 * with score 0 (tier null). Only term queries: no wildcard, fuzzy or regular expression,
 * so a query costs a few posting lists whatever the index size; text beyond 64 characters
 * or 8 space-separated parts is ignored, so no input makes the query too large.
 *
 * <p>
 * For the caller: add the municipality and facet/date filters as {@code FILTER} clauses
 * ({@link SearchDocuments}), sort with {@link SearchDocuments#relevanceThenRecent()}
 * (ties by most recent), read the tier with {@code tierOf(hit.score)}, and highlight the
 * name with {@link #highlights(String, TieredQuery)} and the reading with
 * {@link #readingHighlights(String, TieredQuery)} (char ranges of the stored text).
 */
public final class SearchQueries {

	static final float EXACT = 5f;

	static final float VARIANT = 4f;

	static final float READING = 3f;

	static final float PARTIAL = 2f;

	static final float SIMILAR = 1f;

	private static final int MAX_SIMILAR = 8;

	private static final int MAX_DATE_TOKENS = 4;

	/** Longer text is cut: a name is never this long, and the query stays small. */
	static final int MAX_QUERY_CHARS = 64;

	static final int MAX_QUERY_PARTS = 8;

	private SearchQueries() {
	}

	/** The query for the search box's text (name, reading, romaji or birth date). */
	public static TieredQuery parse(String text) {
		if (text == null || text.isBlank()) {
			return new TieredQuery(new BoostQuery(new ConstantScoreQuery(new MatchAllDocsQuery()), 0f));
		}
		String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
		if (normal.codePointCount(0, normal.length()) > MAX_QUERY_CHARS) {
			normal = normal.substring(0, normal.offsetByCodePoints(0, MAX_QUERY_CHARS));
		}
		String[] tokens = normal.split("\\s+");
		if (tokens.length > MAX_QUERY_PARTS) {
			tokens = Arrays.copyOf(tokens, MAX_QUERY_PARTS);
		}
		List<LocalDate> dates = new ArrayList<>(1);
		List<String> nameParts = new ArrayList<>(tokens.length);
		for (int i = 0; i < tokens.length;) {
			int taken = 0;
			for (int len = Math.min(MAX_DATE_TOKENS, tokens.length - i); len >= 1 && taken == 0; len--) {
				String candidate = String.join(" ", Arrays.asList(tokens).subList(i, i + len));
				if (candidate.chars().anyMatch(Character::isDigit)) {
					try {
						dates.add(JapaneseDates.parse(candidate));
						taken = len;
					}
					catch (InvalidDateException e) {
						// not a date: part of the name
					}
				}
			}
			if (taken == 0) {
				String[] split = splitDate(tokens[i]);
				if (split != null) {
					dates.add(JapaneseDates.parse(split[1]));
					nameParts.add(split[0]);
				}
				else {
					nameParts.add(tokens[i]);
				}
				taken = 1;
			}
			i += taken;
		}
		Query name = nameParts.isEmpty() ? null : nameQuery(nameParts);
		if (dates.isEmpty()) {
			return new TieredQuery(name);
		}
		BooleanQuery.Builder b = new BooleanQuery.Builder();
		for (LocalDate d : dates) {
			b.add(SearchDocuments.birthDate(d), BooleanClause.Occur.FILTER);
		}
		if (name == null) {
			return new TieredQuery(new BoostQuery(new ConstantScoreQuery(b.build()), EXACT));
		}
		b.add(name, BooleanClause.Occur.MUST);
		return new TieredQuery(b.build());
	}

	/**
	 * A name and a date typed without a space (渡辺S23.4.5, S23.4.5渡辺): {name, date}, or
	 * null.
	 */
	private static String[] splitDate(String token) {
		if (token.chars().noneMatch(Character::isDigit)) {
			return null;
		}
		int n = token.length();
		for (int k = 1; k < n; k++) {
			String name = token.substring(0, k);
			String date = token.substring(k);
			if (!Character.isHighSurrogate(token.charAt(k - 1)) && name.chars().noneMatch(Character::isDigit)
					&& isDate(date)) {
				return new String[] { name, date };
			}
		}
		for (int k = n - 1; k >= 1; k--) {
			String date = token.substring(0, k);
			String name = token.substring(k);
			if (!Character.isHighSurrogate(token.charAt(k - 1)) && name.chars().noneMatch(Character::isDigit)
					&& isDate(date)) {
				return new String[] { name, date };
			}
		}
		return null;
	}

	private static boolean isDate(String text) {
		if (text.chars().noneMatch(Character::isDigit)) {
			return false;
		}
		try {
			JapaneseDates.parse(text);
			return true;
		}
		catch (InvalidDateException e) {
			return false;
		}
	}

	private static Query nameQuery(List<String> parts) {
		String joined = String.join("", parts);
		String normal = NameText.normalize(joined, false);
		if (normal.isEmpty()) {
			return new MatchNoDocsQuery();
		}
		boolean kana = Kana.isKana(normal);
		boolean latin = Kana.isLatin(normal);
		List<Query> tiers = new ArrayList<>(5);

		tier(tiers, EXACT, term(SearchDocuments.NAME_EXACT, SearchAnalyzers.term(SearchAnalyzers.NAME_EXACT, joined)));
		String folded = SearchAnalyzers.term(SearchAnalyzers.NAME_FOLDED, joined);
		tier(tiers, VARIANT, term(SearchDocuments.NAME_FOLDED, folded));

		List<Query> reading = new ArrayList<>(3);
		if (kana) {
			reading
				.add(term(SearchDocuments.READING_EXACT, SearchAnalyzers.term(SearchAnalyzers.READING_EXACT, joined)));
			reading
				.add(term(SearchDocuments.READING_LOOSE, SearchAnalyzers.term(SearchAnalyzers.READING_LOOSE, joined)));
		}
		if (latin) {
			reading.add(term(SearchDocuments.ROMAJI, SearchAnalyzers.term(SearchAnalyzers.ROMAJI, joined)));
		}
		tier(tiers, READING, any(reading));

		List<Query> partial = new ArrayList<>(4);
		partial.add(partOfName(joined));
		if (kana) {
			partial
				.add(term(SearchDocuments.READING_PART, SearchAnalyzers.term(SearchAnalyzers.READING_LOOSE, joined)));
		}
		if (latin) {
			partial.add(term(SearchDocuments.ROMAJI_PART, SearchAnalyzers.term(SearchAnalyzers.ROMAJI, joined)));
		}
		if (parts.size() > 1) {
			BooleanQuery.Builder each = new BooleanQuery.Builder();
			for (String part : parts) {
				Query q = anyPart(part);
				if (q == null) {
					continue;
				}
				each.add(q, BooleanClause.Occur.FILTER);
			}
			partial.add(each.build());
		}
		tier(tiers, PARTIAL, any(partial));

		if (folded != null) {
			List<Query> similar = new ArrayList<>();
			for (String s : KanjiVariants.similar(folded, MAX_SIMILAR)) {
				similar.add(partOfName(s));
			}
			tier(tiers, SIMILAR, any(similar));
		}
		return tiers.isEmpty() ? new MatchNoDocsQuery() : new DisjunctionMaxQuery(tiers, 0f);
	}

	/** The name holds the text: all its folded bigrams (a single character: that one). */
	private static Query partOfName(String text) {
		List<String> chars = SearchAnalyzers.terms(SearchAnalyzers.NAME_CHAR, text);
		if (chars.isEmpty()) {
			return null;
		}
		if (chars.size() == 1) {
			return term(SearchDocuments.NAME_CHAR, chars.get(0));
		}
		BooleanQuery.Builder b = new BooleanQuery.Builder();
		for (String bigram : new LinkedHashSet<>(SearchAnalyzers.terms(SearchAnalyzers.NAME_BIGRAM, text))) {
			b.add(term(SearchDocuments.NAME_BIGRAM, bigram), BooleanClause.Occur.FILTER);
		}
		return b.build();
	}

	/** One space-separated part of the query found anywhere: name, reading or romaji. */
	private static Query anyPart(String part) {
		String normal = NameText.normalize(part, false);
		List<Query> qs = new ArrayList<>(3);
		qs.add(partOfName(part));
		if (Kana.isKana(normal)) {
			qs.add(term(SearchDocuments.READING_PART, SearchAnalyzers.term(SearchAnalyzers.READING_LOOSE, part)));
		}
		if (Kana.isLatin(normal)) {
			qs.add(term(SearchDocuments.ROMAJI_PART, SearchAnalyzers.term(SearchAnalyzers.ROMAJI, part)));
		}
		return any(qs);
	}

	private static Query term(String field, String value) {
		return value == null || value.isEmpty() ? null : new TermQuery(new Term(field, value));
	}

	private static Query any(List<Query> queries) {
		List<Query> present = queries.stream().filter(q -> q != null).toList();
		if (present.isEmpty()) {
			return null;
		}
		if (present.size() == 1) {
			return present.get(0);
		}
		BooleanQuery.Builder b = new BooleanQuery.Builder();
		present.forEach(q -> b.add(q, BooleanClause.Occur.SHOULD));
		return b.build();
	}

	private static void tier(List<Query> tiers, float score, Query query) {
		if (query != null) {
			tiers.add(new BoostQuery(new ConstantScoreQuery(query), score));
		}
	}

	/** A range of chars {@code [start, end)} in the name as stored. */
	public record Range(int start, int end) {
	}

	/**
	 * The parts of {@code name} (as stored, variation selectors included) that the query
	 * matched, in order, merged: the whole name for an exact or variant match, the
	 * matched characters for a partial or similar one; none for a match on the reading
	 * only.
	 */
	public static List<Range> highlights(String name, TieredQuery query) {
		List<Range> ranges = new ArrayList<>();
		if (name == null || name.isEmpty() || query == null) {
			return ranges;
		}
		Map<String, Set<String>> terms = termsOf(query);
		NameText.Mapped mapped = NameText.map(name, false);
		String text = mapped.text();
		if (text.isEmpty()) {
			return ranges;
		}
		int[] charIndex = text.codePoints().map(cp -> 0).toArray();
		int[] folded = new int[charIndex.length];
		for (int i = 0, c = 0; i < text.length(); c++) {
			int cp = text.codePointAt(i);
			charIndex[c] = i;
			folded[c] = KanjiVariants.fold(cp);
			i += Character.charCount(cp);
		}
		int last = text.length() - 1;
		if (terms.getOrDefault(SearchDocuments.NAME_EXACT, Set.of()).contains(text)
				|| terms.getOrDefault(SearchDocuments.NAME_FOLDED, Set.of())
					.contains(new String(folded, 0, folded.length))) {
			ranges.add(new Range(mapped.start()[0], mapped.end()[last]));
			return ranges;
		}
		Set<String> bigrams = terms.getOrDefault(SearchDocuments.NAME_BIGRAM, Set.of());
		Set<String> chars = terms.getOrDefault(SearchDocuments.NAME_CHAR, Set.of());
		boolean[] hit = new boolean[folded.length];
		for (int c = 0; c < folded.length; c++) {
			if (chars.contains(new String(folded, c, 1))) {
				hit[c] = true;
			}
			if (c + 1 < folded.length && bigrams.contains(new String(folded, c, 2))) {
				hit[c] = true;
				hit[c + 1] = true;
			}
		}
		for (int c = 0; c < folded.length; c++) {
			if (!hit[c]) {
				continue;
			}
			int from = c;
			while (c + 1 < folded.length && hit[c + 1]) {
				c++;
			}
			int endChar = c + 1 < folded.length ? charIndex[c + 1] - 1 : last;
			ranges.add(new Range(mapped.start()[charIndex[from]], mapped.end()[endChar]));
		}
		return ranges;
	}

	/**
	 * The parts of {@code reading} (the registered reading as stored) that the query
	 * matched: the whole reading for a kana or romaji match of the full reading, the
	 * matched space-separated part (surname or given name) otherwise; none when the name
	 * matched.
	 */
	public static List<Range> readingHighlights(String reading, TieredQuery query) {
		List<Range> ranges = new ArrayList<>();
		if (reading == null || reading.isBlank() || query == null) {
			return ranges;
		}
		Map<String, Set<String>> terms = termsOf(query);
		if (matches(terms, SearchDocuments.READING_EXACT, SearchAnalyzers.READING_EXACT, reading)
				|| matches(terms, SearchDocuments.READING_LOOSE, SearchAnalyzers.READING_LOOSE, reading)
				|| matches(terms, SearchDocuments.ROMAJI, SearchAnalyzers.ROMAJI, reading)) {
			int start = 0;
			int end = reading.length();
			while (start < end && Character.isWhitespace(reading.charAt(start))) {
				start++;
			}
			while (end > start && Character.isWhitespace(reading.charAt(end - 1))) {
				end--;
			}
			ranges.add(new Range(start, end));
			return ranges;
		}
		int i = 0;
		while (i < reading.length()) {
			while (i < reading.length() && Character.isWhitespace(reading.charAt(i))) {
				i++;
			}
			int start = i;
			while (i < reading.length() && !Character.isWhitespace(reading.charAt(i))) {
				i++;
			}
			if (i > start) {
				String part = reading.substring(start, i);
				if (matches(terms, SearchDocuments.READING_PART, SearchAnalyzers.READING_LOOSE, part)
						|| matches(terms, SearchDocuments.ROMAJI_PART, SearchAnalyzers.ROMAJI, part)) {
					ranges.add(new Range(start, i));
				}
			}
		}
		return ranges;
	}

	private static boolean matches(Map<String, Set<String>> terms, String field, Analyzer analyzer, String text) {
		Set<String> wanted = terms.get(field);
		if (wanted == null) {
			return false;
		}
		String term = SearchAnalyzers.term(analyzer, text);
		return term != null && wanted.contains(term);
	}

	private static Map<String, Set<String>> termsOf(TieredQuery query) {
		Map<String, Set<String>> terms = new HashMap<>();
		query.query().visit(new QueryVisitor() {
			@Override
			public void consumeTerms(Query q, Term... ts) {
				for (Term t : ts) {
					terms.computeIfAbsent(t.field(), k -> new HashSet<>()).add(t.text());
				}
			}
		});
		return terms;
	}

	/** A query plus the rule that reads a hit's tier from its score. */
	public record TieredQuery(Query query) {

		/** The tier of a hit with this score; null for a blank search (score 0). */
		public Tier tierOf(float score) {
			return switch (Math.round(score)) {
				case 5 -> Tier.EXACT;
				case 4 -> Tier.VARIANT;
				case 3 -> Tier.READING;
				case 2 -> Tier.PARTIAL;
				case 1 -> Tier.SIMILAR;
				default -> null;
			};
		}

	}

}
