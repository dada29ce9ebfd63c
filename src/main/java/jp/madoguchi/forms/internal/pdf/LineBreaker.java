package jp.madoguchi.forms.internal.pdf;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Japanese line breaking: break opportunities from the JDK's line {@link BreakIterator},
 * then the kinsoku rules on top (no closing punctuation, prolonged sound mark or small
 * kana at a line start, no opening bracket at a line end): a line breaks at the last
 * opportunity that keeps the rules (追い出し); only where a run has no opportunity at all is
 * the break forced, and then up to two characters that may not start a line hang in the
 * margin (ぶら下げ).
 */
final class LineBreaker {

	private static final String NO_LINE_START = "、。，．,.）)］]｝}〕〉》」』】〙〗〟’”｠»" + "ー‐゠–〜～？！?!‼⁇⁈⁉・:;：；/／ゝゞヽヾ々〻"
			+ "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ";

	private static final String NO_LINE_END = "（(［[｛{〔〈《「『【〘〖〝‘“｟«";

	private LineBreaker() {
	}

	record Line(List<Cluster> clusters, float width) {
	}

	static List<Line> breakLines(List<Cluster> clusters, float size, float maxWidth) {
		List<Line> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i <= clusters.size(); i++) {
			if (i == clusters.size() || clusters.get(i).isHardBreak()) {
				breakParagraph(clusters.subList(start, i), size, maxWidth, lines);
				start = i + 1;
			}
		}
		return lines;
	}

	private static void breakParagraph(List<Cluster> paragraph, float size, float maxWidth, List<Line> lines) {
		if (paragraph.isEmpty()) {
			lines.add(new Line(List.of(), 0));
			return;
		}
		BitSet allowed = breakOpportunities(paragraph);
		int lineStart = 0;
		while (lineStart < paragraph.size()) {
			float width = 0;
			int end = lineStart;
			while (end < paragraph.size() && width + paragraph.get(end).width(size) <= maxWidth + 0.01f) {
				width += paragraph.get(end).width(size);
				end++;
			}
			if (end < paragraph.size()) {
				int breakAt = allowed.previousSetBit(end);
				if (breakAt > lineStart) {
					end = breakAt;
				}
				else {
					end = Math.max(end, lineStart + 1);
					// Forced break inside a run without opportunities: still honour
					// kinsoku.
					while (end < paragraph.size() && end - 1 > lineStart && isNoLineEnd(paragraph.get(end - 1))) {
						end--;
					}
				}
				// ぶら下げ for a forced break: up to two characters that may not start a line
				// stay on
				// this one (a longer run cannot be set without breaking a rule either
				// way).
				for (int hang = 0; hang < 2 && end < paragraph.size() && isNoLineStart(paragraph.get(end)); hang++) {
					end++;
				}
			}
			List<Cluster> line = paragraph.subList(lineStart, end);
			lines.add(new Line(List.copyOf(line), width(line, size)));
			lineStart = end;
		}
	}

	/** Cluster indices before which a line may break. */
	private static BitSet breakOpportunities(List<Cluster> paragraph) {
		StringBuilder text = new StringBuilder();
		int[] clusterAt = new int[paragraph.stream().mapToInt(c -> c.text().length()).sum() + 1];
		for (int i = 0; i < paragraph.size(); i++) {
			for (int k = 0; k < paragraph.get(i).text().length(); k++) {
				clusterAt[text.length() + k] = k == 0 ? i : -1;
			}
			text.append(paragraph.get(i).text());
		}
		clusterAt[text.length()] = paragraph.size();
		BitSet allowed = new BitSet();
		BreakIterator iterator = BreakIterator.getLineInstance(Locale.JAPAN);
		iterator.setText(text.toString());
		for (int offset = iterator.next(); offset != BreakIterator.DONE; offset = iterator.next()) {
			int index = clusterAt[offset];
			if (index <= 0 || index >= paragraph.size()) {
				continue;
			}
			if (!isNoLineStart(paragraph.get(index)) && !isNoLineEnd(paragraph.get(index - 1))) {
				allowed.set(index);
			}
		}
		return allowed;
	}

	private static boolean isNoLineStart(Cluster cluster) {
		return NO_LINE_START.indexOf(cluster.base()) >= 0 && cluster.base() < 0x10000;
	}

	private static boolean isNoLineEnd(Cluster cluster) {
		return NO_LINE_END.indexOf(cluster.base()) >= 0 && cluster.base() < 0x10000;
	}

	static float width(List<Cluster> clusters, float size) {
		float width = 0;
		for (Cluster cluster : clusters) {
			width += cluster.width(size);
		}
		return width;
	}

}
