package jp.madoguchi.forms.internal.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import jp.madoguchi.forms.FontFiles;
import jp.madoguchi.forms.internal.template.Element.FontRole;

/**
 * Kinsoku: what may not start or end a line, over every width from 3 to 30 characters.
 */
class LineBreakerTest {

	private static final Shaper SHAPER = new Shaper(FontBook.of(FontFiles.debianDefaults()));

	private static final String TEXT = "マイナンバーカードの健康保険証利用の申込み（マイナポータル利用規約に係る同意を含む。）を、"
			+ "「顔認証」と追記します。ちょっとしたチェックシート、ジャッジ、ショッピング。ぁっ、とぉ。ファイル（ゥ）終わり。";

	private static final String NO_START = "、。）」ーぁぃぅぇぉっゃゅょァィゥェォッャュョ";

	private static final String NO_END = "（「";

	@Test
	void noLineStartsWithClosingPunctuationProlongedSoundOrSmallKanaAndNoneEndsWithAnOpeningBracket() {
		List<Cluster> clusters = SHAPER.shape(TEXT, FontRole.MINCHO, "test", "text");
		float size = 10;
		for (int chars = 3; chars <= 30; chars++) {
			List<LineBreaker.Line> lines = LineBreaker.breakLines(clusters, size, chars * size);
			String joined = lines.stream().map(LineBreakerTest::text).collect(Collectors.joining());
			assertThat(joined).as("nothing dropped at width " + chars).isEqualTo(TEXT);
			for (int i = 0; i < lines.size(); i++) {
				String line = text(lines.get(i));
				if (i > 0) {
					assertThat(NO_START.indexOf(line.charAt(0))).as("width " + chars + " line starts: " + line)
						.isLessThan(0);
				}
				if (i < lines.size() - 1) {
					assertThat(NO_END.indexOf(line.charAt(line.length() - 1)))
						.as("width " + chars + " line ends: " + line)
						.isLessThan(0);
				}
				// a hanging character may overflow by at most two characters (e.g. 。」)
				assertThat(lines.get(i).width()).isLessThanOrEqualTo((chars + 2) * size + 0.01f);
			}
		}
	}

	@Test
	void aHardBreakStartsANewLineAndVariationSequencesStayWhole() {
		List<Cluster> clusters = SHAPER.shape("葛\uDB40\uDD00葛\uDB40\uDD00葛\uDB40\uDD00\n辻\uDB40\uDD00", FontRole.MINCHO,
				"t", "f");
		List<LineBreaker.Line> lines = LineBreaker.breakLines(clusters, 10, 20);
		assertThat(lines.stream().map(LineBreakerTest::text).toList()).containsExactly("葛\uDB40\uDD00葛\uDB40\uDD00",
				"葛\uDB40\uDD00", "辻\uDB40\uDD00");
	}

	private static String text(LineBreaker.Line line) {
		return line.clusters().stream().map(Cluster::text).collect(Collectors.joining());
	}

}
