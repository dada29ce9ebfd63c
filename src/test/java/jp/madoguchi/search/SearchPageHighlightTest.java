package jp.madoguchi.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import jp.madoguchi.search.SearchPages.Segment;
import jp.madoguchi.search.SearchResponse.Span;

/**
 * The search page marks matched parts of a name without ever splitting a character: a
 * span that ends inside a surrogate pair or before a variation selector is widened.
 */
class SearchPageHighlightTest {

	@Test
	void aSpanIsCutIntoMarkedAndUnmarkedParts() {
		assertThat(SearchPages.segments("渡邉　ハナ", List.of(new Span(0, 2)))).containsExactly(new Segment("渡邉", true),
				new Segment("　ハナ", false));
		assertThat(SearchPages.segments("渡邉　ハナ", List.of())).containsExactly(new Segment("渡邉　ハナ", false));
		assertThat(SearchPages.segments("渡邉　ハナ", List.of(new Span(0, 2), new Span(3, 5))))
			.containsExactly(new Segment("渡邉", true), new Segment("　", false), new Segment("ハナ", true));
	}

	@Test
	void aSurrogatePairIsNeverSplit() {
		String name = "𠮷野　花子";
		// Both ends inside 𠮷 (two chars): the whole character is marked.
		assertThat(SearchPages.segments(name, List.of(new Span(1, 1 + 1)))).containsExactly(new Segment("𠮷", true),
				new Segment("野　花子", false));
		assertThat(SearchPages.segments(name, List.of(new Span(0, 1)))).containsExactly(new Segment("𠮷", true),
				new Segment("野　花子", false));
	}

	@Test
	void aVariationSelectorStaysWithItsCharacter() {
		String name = "葛\uDB40\uDD00城　花子";
		assertThat(SearchPages.segments(name, List.of(new Span(0, 1))))
			.containsExactly(new Segment("葛\uDB40\uDD00", true), new Segment("城　花子", false));
		assertThat(SearchPages.segments(name, List.of(new Span(2, 4))))
			.containsExactly(new Segment("葛\uDB40\uDD00城", true), new Segment("　花子", false));
		String bmp = "辻\uFE00子";
		assertThat(SearchPages.segments(bmp, List.of(new Span(1, 3)))).containsExactly(new Segment("辻\uFE00子", true));
	}

	@Test
	void spansOutsideTheTextAreClamped() {
		assertThat(SearchPages.segments("ハナ", List.of(new Span(-3, 99)))).containsExactly(new Segment("ハナ", true));
		assertThat(SearchPages.segments(null, List.of(new Span(0, 1)))).isEmpty();
	}

}
