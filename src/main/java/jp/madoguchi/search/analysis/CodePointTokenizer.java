package jp.madoguchi.search.analysis;

import java.io.IOException;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * One token per code point (a supplementary kanji such as 𠮷 is one token); spaces
 * skipped.
 */
final class CodePointTokenizer extends Tokenizer {

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

	private String text;

	private int position;

	@Override
	public boolean incrementToken() throws IOException {
		clearAttributes();
		if (text == null) {
			StringBuilder sb = new StringBuilder();
			char[] buf = new char[128];
			int n;
			while ((n = input.read(buf)) != -1) {
				sb.append(buf, 0, n);
			}
			text = sb.toString();
			position = 0;
		}
		while (position < text.length() && Character.isWhitespace(text.codePointAt(position))) {
			position++;
		}
		if (position >= text.length()) {
			return false;
		}
		int cp = text.codePointAt(position);
		int len = Character.charCount(cp);
		term.setEmpty().append(text, position, position + len);
		offset.setOffset(correctOffset(position), correctOffset(position + len));
		position += len;
		return true;
	}

	@Override
	public void end() throws IOException {
		super.end();
		int last = correctOffset(text == null ? 0 : text.length());
		offset.setOffset(last, last);
	}

	@Override
	public void reset() throws IOException {
		super.reset();
		text = null;
		position = 0;
	}

}
