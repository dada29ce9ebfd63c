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

/**
 * A field's tokens, analysed when the document is built: the document then indexes the
 * same whatever analyzer the index writer has, may be kept in a batch before it is added,
 * and may be added again (the stream rewinds on reset).
 */
final class AnalyzedTokens extends TokenStream {

	private final List<String> terms;

	private final int[] starts;

	private final int[] ends;

	private final int[] increments;

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

	private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);

	private int next;

	private AnalyzedTokens(List<String> terms, int[] starts, int[] ends, int[] increments) {
		this.terms = terms;
		this.starts = starts;
		this.ends = ends;
		this.increments = increments;
	}

	static AnalyzedTokens of(Analyzer analyzer, String field, String text) {
		List<String> terms = new ArrayList<>(8);
		int[] starts = new int[8];
		int[] ends = new int[8];
		int[] increments = new int[8];
		try (TokenStream ts = analyzer.tokenStream(field, text)) {
			CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
			OffsetAttribute o = ts.addAttribute(OffsetAttribute.class);
			PositionIncrementAttribute p = ts.addAttribute(PositionIncrementAttribute.class);
			ts.reset();
			while (ts.incrementToken()) {
				int i = terms.size();
				if (i == starts.length) {
					starts = grow(starts);
					ends = grow(ends);
					increments = grow(increments);
				}
				terms.add(t.toString());
				starts[i] = o.startOffset();
				ends[i] = o.endOffset();
				increments[i] = p.getPositionIncrement();
			}
			ts.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new AnalyzedTokens(terms, starts, ends, increments);
	}

	boolean isEmpty() {
		return terms.isEmpty();
	}

	private static int[] grow(int[] a) {
		int[] b = new int[a.length * 2];
		System.arraycopy(a, 0, b, 0, a.length);
		return b;
	}

	@Override
	public boolean incrementToken() {
		if (next >= terms.size()) {
			return false;
		}
		clearAttributes();
		term.setEmpty().append(terms.get(next));
		offset.setOffset(starts[next], ends[next]);
		position.setPositionIncrement(Math.max(1, increments[next]));
		next++;
		return true;
	}

	@Override
	public void reset() throws IOException {
		super.reset();
		next = 0;
	}

}
