package jp.madoguchi.search.analysis;

import java.io.IOException;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Rewrites each term with a function (variant folding, katakana, loose reading, romaji);
 * a term the function maps to null or empty is dropped.
 */
final class TermMapFilter extends TokenFilter {

	private final UnaryOperator<String> mapping;

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);

	TermMapFilter(TokenStream input, UnaryOperator<String> mapping) {
		super(input);
		this.mapping = mapping;
	}

	@Override
	public boolean incrementToken() throws IOException {
		int skipped = 0;
		while (input.incrementToken()) {
			String mapped = mapping.apply(term.toString());
			if (mapped == null || mapped.isEmpty()) {
				skipped += position.getPositionIncrement();
				continue;
			}
			term.setEmpty().append(mapped);
			position.setPositionIncrement(position.getPositionIncrement() + skipped);
			return true;
		}
		return false;
	}

}
