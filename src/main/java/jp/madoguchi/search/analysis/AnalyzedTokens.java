package jp.madoguchi.search.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;

/**
 * A field's tokens, analysed when the document is built: the document then indexes the
 * same whatever analyzer the index writer has, may be kept in a batch before it is added,
 * and may be added again. Immutable, so the documents of one person share one analysis;
 * an index writer replays it through the stream it reuses for the field, so no document
 * carries a token stream (an attribute map per field) of its own.
 */
final class AnalyzedTokens {

	private final String[] terms;

	private final int[] starts;

	private final int[] ends;

	private final int[] increments;

	private AnalyzedTokens(String[] terms, int[] starts, int[] ends, int[] increments) {
		this.terms = terms;
		this.starts = starts;
		this.ends = ends;
		this.increments = increments;
	}

	static AnalyzedTokens of(Analyzer analyzer, String field, String text) {
		List<String> terms = new ArrayList<>(8);
		List<int[]> positions = new ArrayList<>(8);
		try (TokenStream ts = analyzer.tokenStream(field, text)) {
			CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
			OffsetAttribute o = ts.addAttribute(OffsetAttribute.class);
			PositionIncrementAttribute p = ts.addAttribute(PositionIncrementAttribute.class);
			ts.reset();
			while (ts.incrementToken()) {
				terms.add(t.toString());
				positions.add(new int[] { o.startOffset(), o.endOffset(), p.getPositionIncrement() });
			}
			ts.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		int n = terms.size();
		int[] starts = new int[n];
		int[] ends = new int[n];
		int[] increments = new int[n];
		for (int i = 0; i < n; i++) {
			int[] at = positions.get(i);
			starts[i] = at[0];
			ends[i] = at[1];
			increments[i] = at[2];
		}
		return new AnalyzedTokens(terms.toArray(String[]::new), starts, ends, increments);
	}

	boolean isEmpty() {
		return terms.length == 0;
	}

	/** A field indexing these tokens. */
	Field field(String name, FieldType type) {
		return new ReplayedField(name, this, type);
	}

	/** Hands the writer the stream it passes back for reuse, reset to these tokens. */
	private static final class ReplayedField extends Field {

		private final AnalyzedTokens tokens;

		ReplayedField(String name, AnalyzedTokens tokens, FieldType type) {
			super(name, type);
			this.tokens = tokens;
		}

		@Override
		public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
			Replay replay = reuse instanceof Replay r ? r : new Replay();
			replay.tokens = tokens;
			return replay;
		}

	}

	/** Replays tokens; {@code reset} rewinds. */
	private static final class Replay extends TokenStream {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

		private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);

		private AnalyzedTokens tokens;

		private int next;

		@Override
		public boolean incrementToken() {
			if (next >= tokens.terms.length) {
				return false;
			}
			clearAttributes();
			term.setEmpty().append(tokens.terms[next]);
			offset.setOffset(tokens.starts[next], tokens.ends[next]);
			position.setPositionIncrement(Math.max(1, tokens.increments[next]));
			next++;
			return true;
		}

		@Override
		public void reset() throws IOException {
			super.reset();
			next = 0;
		}

	}

}
