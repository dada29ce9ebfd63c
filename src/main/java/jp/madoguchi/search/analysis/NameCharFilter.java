package jp.madoguchi.search.analysis;

import java.io.IOException;
import java.io.Reader;

import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Char filter of every name and reading field ({@link NameText}): NFKC, variation
 * selectors removed, spaces dropped (or collapsed to one ASCII space with
 * {@code keepSpaces}), offsets corrected back to the original text.
 */
public final class NameCharFilter extends BaseCharFilter {

	private final boolean keepSpaces;

	private String output;

	private int position;

	public NameCharFilter(Reader in, boolean keepSpaces) {
		super(in);
		this.keepSpaces = keepSpaces;
	}

	@Override
	public int read(char[] cbuf, int off, int len) throws IOException {
		if (output == null) {
			fill();
		}
		if (position >= output.length()) {
			return -1;
		}
		int n = Math.min(len, output.length() - position);
		output.getChars(position, position + n, cbuf, off);
		position += n;
		return n;
	}

	private void fill() throws IOException {
		StringBuilder sb = new StringBuilder();
		char[] buf = new char[256];
		int n;
		while ((n = input.read(buf)) != -1) {
			sb.append(buf, 0, n);
		}
		NameText.Mapped mapped = NameText.map(sb.toString(), keepSpaces);
		output = mapped.text();
		int lastDiff = 0;
		for (int i = 0; i <= output.length(); i++) {
			int original = i < output.length() ? mapped.start()[i] : mapped.originalLength();
			int diff = original - i;
			if (diff != lastDiff) {
				addOffCorrectMap(i, diff);
				lastDiff = diff;
			}
		}
	}

}
