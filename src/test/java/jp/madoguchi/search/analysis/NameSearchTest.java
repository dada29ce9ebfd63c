package jp.madoguchi.search.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jp.madoguchi.search.Tier;
import jp.madoguchi.search.analysis.RecallReport.Figures;
import jp.madoguchi.search.analysis.RecallReport.Outcome;
import jp.madoguchi.search.analysis.SyntheticPeople.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof: 240 synthetic people, each searched by another spelling, all found
 * on the first page, exact glyphs first, 「似た表記」 last; recall beside plain setups.
 */
class NameSearchTest {

	private static final int PEOPLE = 240;

	private static Figures figures;

	@BeforeAll
	static void run() throws IOException {
		figures = RecallReport.run(PEOPLE);
		System.out.printf("recall ours %.1f %%, StandardAnalyzer %.1f %%, CJK bigrams %.1f %% (%d queries)%n",
				100 * figures.oursRecall(), 100 * figures.standardRecall(), 100 * figures.cjkRecall(),
				figures.queries());
		figures.byKind()
			.forEach((kind, c) -> System.out.printf("  %-28s ours %d, standard %d, cjk %d of %d%n", kind, c[0], c[1],
					c[2], c[3]));
	}

	@Test
	void everyPersonIsFoundOnTheFirstPageByEveryOtherSpelling() {
		List<String> missed = figures.outcomes()
			.stream()
			.filter(o -> o.rank() < 0)
			.map(o -> o.search().kind() + ": " + o.search().text() + " → " + o.search().target().name())
			.toList();
		assertThat(missed).isEmpty();
		assertThat(figures.queries()).isGreaterThanOrEqualTo(PEOPLE * 8);
		assertThat(figures.oursRecall()).isEqualTo(1.0);
		assertThat(figures.standardRecall()).isLessThan(0.5);
		assertThat(figures.cjkRecall()).isLessThan(0.5);
	}

	@Test
	void theTierTellsHowTheTargetMatched() {
		for (Outcome o : figures.outcomes()) {
			String kind = o.search().kind();
			Set<Tier> expected = switch (kind) {
				case "variant glyph" -> EnumSet.of(Tier.EXACT, Tier.VARIANT);
				case "name and date" -> EnumSet.of(Tier.PARTIAL); // the surname alone
				case "birth date" -> EnumSet.of(Tier.EXACT);
				default -> EnumSet.of(Tier.READING);
			};
			assertThat(o.tier()).as(kind + " " + o.search().text()).isIn(expected);
		}
	}

	@Test
	void theExactGlyphPersonComesFirstWhenBothExist() {
		List<Person> people = SyntheticPeople.people(PEOPLE);
		int checked = 0;
		for (Outcome o : figures.outcomes()) {
			if (!o.search().kind().equals("variant glyph")) {
				continue;
			}
			String typed = NameText.normalize(o.search().text(), false);
			List<Person> exact = people.stream()
				.filter(p -> NameText.normalize(p.name(), false).equals(typed))
				.toList();
			if (exact.isEmpty()) {
				continue;
			}
			checked++;
			assertThat(o.tiers().get(0)).as(o.search().text()).isEqualTo(Tier.EXACT);
			Set<String> exactKeys = exact.stream().map(p -> p.record().key()).collect(Collectors.toSet());
			assertThat(exactKeys).as(o.search().text()).contains(o.page().get(0).key());
			if (!NameText.normalize(o.search().target().name(), false).equals(typed)) {
				assertThat(o.tier()).as(o.search().text()).isEqualTo(Tier.VARIANT);
				assertThat(o.rank()).isPositive();
			}
		}
		assertThat(checked).isGreaterThan(20);
	}

	@Test
	void tiersNeverRiseDownThePageAndSimilarComesLast() {
		int similar = 0;
		for (Outcome o : figures.outcomes()) {
			List<Tier> tiers = new ArrayList<>(o.tiers());
			for (int i = 1; i < tiers.size(); i++) {
				assertThat(tiers.get(i).ordinal()).as(o.search().text())
					.isGreaterThanOrEqualTo(tiers.get(i - 1).ordinal());
			}
			similar += (int) tiers.stream().filter(t -> t == Tier.SIMILAR).count();
		}
		assertThat(similar).as("斉藤/斎藤, 沢田/択田, 荻原/萩原 show as 似た表記").isPositive();
	}

}
