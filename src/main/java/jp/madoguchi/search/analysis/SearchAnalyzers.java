package jp.madoguchi.search.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analysis chain of records search, all in one place: one Lucene {@link Analyzer} per
 * name and reading field, the same at index and query time, so that the chain could be
 * loaded into a Lucene-based search server as it is. Every analyzer starts with
 * {@link NameCharFilter} (NFKC, variation selectors removed, spaces dropped).
 *
 * <ul>
 * <li>{@link #NAME_EXACT}: the name's exact glyphs, one token (渡邉花子).</li>
 * <li>{@link #NAME_FOLDED}: variant kanji folded ({@link KanjiVariants}): 渡邉/渡邊 →
 * 渡辺.</li>
 * <li>{@link #NAME_BIGRAM}: character bigrams of the folded form (渡辺 辺花 花子): surname or
 * given name alone, any part of the name.</li>
 * <li>{@link #NAME_CHAR}: single folded characters, for a one-character query.</li>
 * <li>{@link #READING_EXACT}: the registered reading in katakana (hiragana and half-width
 * input folded).</li>
 * <li>{@link #READING_LOOSE}: ヂ/ジ, ヅ/ズ, long vowels (ウ/ー/オ), small kana written
 * large.</li>
 * <li>{@link #READING_PART}: the loose form of each space-separated part of the reading
 * (surname or given name alone).</li>
 * <li>{@link #ROMAJI} / {@link #ROMAJI_PART}: the romaji key (Hepburn, long vowels
 * folded) of the reading, and of romaji as typed: watanabe, saitou/saitoh/saito,
 * syouta/shota, ohno/ono/oono.</li>
 * </ul>
 */
public final class SearchAnalyzers {

	public static final Analyzer NAME_EXACT = analyzer(false, KeywordTokenizer::new, null);

	public static final Analyzer NAME_FOLDED = analyzer(false, KeywordTokenizer::new, KanjiVariants::fold);

	public static final Analyzer NAME_BIGRAM = new ChainAnalyzer(false, CodePointTokenizer::new,
			ts -> bigrams(new TermMapFilter(ts, KanjiVariants::fold)));

	public static final Analyzer NAME_CHAR = analyzer(false, CodePointTokenizer::new, KanjiVariants::fold);

	public static final Analyzer READING_EXACT = analyzer(false, KeywordTokenizer::new, Kana::katakana);

	public static final Analyzer READING_LOOSE = analyzer(false, KeywordTokenizer::new, SearchAnalyzers::loose);

	public static final Analyzer READING_PART = analyzer(true, WhitespaceTokenizer::new, SearchAnalyzers::loose);

	public static final Analyzer ROMAJI = analyzer(false, KeywordTokenizer::new, Kana::romajiKey);

	public static final Analyzer ROMAJI_PART = analyzer(true, WhitespaceTokenizer::new, Kana::romajiKey);

	private SearchAnalyzers() {
	}

	/**
	 * Field name → analyzer for every analysed field of {@link SearchDocuments}, keyword
	 * for the rest. {@link SearchDocuments#toDocument} pre-analyses its fields, so an
	 * index writer does not need this; it is here for a search server or a query parser.
	 */
	public static Analyzer perField() {
		return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(),
				Map.of(SearchDocuments.NAME_EXACT, NAME_EXACT, SearchDocuments.NAME_FOLDED, NAME_FOLDED,
						SearchDocuments.NAME_BIGRAM, NAME_BIGRAM, SearchDocuments.NAME_CHAR, NAME_CHAR,
						SearchDocuments.READING_EXACT, READING_EXACT, SearchDocuments.READING_LOOSE, READING_LOOSE,
						SearchDocuments.READING_PART, READING_PART, SearchDocuments.ROMAJI, ROMAJI,
						SearchDocuments.ROMAJI_PART, ROMAJI_PART));
	}

	/** The terms the analyzer makes of the text, in order (duplicates kept). */
	public static List<String> terms(Analyzer analyzer, String text) {
		List<String> terms = new ArrayList<>(4);
		if (text == null || text.isEmpty()) {
			return terms;
		}
		try (TokenStream ts = analyzer.tokenStream("", text)) {
			CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
			ts.reset();
			while (ts.incrementToken()) {
				terms.add(term.toString());
			}
			ts.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return terms;
	}

	/** The single term of a keyword analyzer, or null. */
	static String term(Analyzer analyzer, String text) {
		List<String> terms = terms(analyzer, text);
		return terms.isEmpty() ? null : terms.get(0);
	}

	private static String loose(String text) {
		String katakana = Kana.katakana(text);
		return katakana == null ? null : Kana.loose(katakana);
	}

	private static TokenStream bigrams(TokenStream in) {
		ShingleFilter shingles = new ShingleFilter(in, 2, 2);
		shingles.setOutputUnigrams(false);
		shingles.setOutputUnigramsIfNoShingles(true);
		shingles.setTokenSeparator("");
		return shingles;
	}

	private static Analyzer analyzer(boolean keepSpaces, Supplier<Tokenizer> tokenizer, UnaryOperator<String> mapping) {
		return new ChainAnalyzer(keepSpaces, tokenizer,
				mapping == null ? ts -> ts : ts -> new TermMapFilter(ts, mapping));
	}

	private static final class ChainAnalyzer extends Analyzer {

		private final boolean keepSpaces;

		private final Supplier<Tokenizer> tokenizer;

		private final Function<TokenStream, TokenStream> filters;

		ChainAnalyzer(boolean keepSpaces, Supplier<Tokenizer> tokenizer, Function<TokenStream, TokenStream> filters) {
			this.keepSpaces = keepSpaces;
			this.tokenizer = tokenizer;
			this.filters = filters;
		}

		@Override
		protected Reader initReader(String fieldName, Reader reader) {
			return new NameCharFilter(reader, keepSpaces);
		}

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = tokenizer.get();
			return new TokenStreamComponents(source, filters.apply(source));
		}

	}

}
