package jp.madoguchi.search.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

import jp.madoguchi.search.SearchRecord;
import jp.madoguchi.search.SearchStatus;
import jp.madoguchi.search.Tier;
import jp.madoguchi.search.analysis.SearchQueries.Range;

import static org.assertj.core.api.Assertions.assertThat;

class AnalysisChainTest {

	private static final String KATSURAGI = "葛\uDB40\uDD00城";

	@Test
	void theIssuesVariantsFoldToOneFormAndConfusablesDoNot() {
		String[][] groups = { { "辺", "邊", "邉" }, { "高", "髙" }, { "崎", "﨑", "嵜" }, { "沢", "澤" }, { "浜", "濱" },
				{ "桜", "櫻" }, { "広", "廣" }, { "島", "嶋", "嶌" }, { "国", "國" }, { "斎", "齋" }, { "斉", "齊" }, { "吉", "𠮷" },
				{ "柳", "栁" }, { "竜", "龍" }, { "恵", "惠" }, { "徳", "德" }, { "真", "眞" }, { "富", "冨" } };
		for (String[] g : groups) {
			for (String v : g) {
				assertThat(KanjiVariants.fold(v)).as(v).isEqualTo(g[0]);
			}
		}
		assertThat(KanjiVariants.fold("斉")).isNotEqualTo(KanjiVariants.fold("斎"));
		assertThat(KanjiVariants.fold("沢")).isNotEqualTo(KanjiVariants.fold("択"));
		assertThat(KanjiVariants.fold("崎")).isNotEqualTo(KanjiVariants.fold("埼"));
		assertThat(KanjiVariants.similar("斎藤", 8)).contains("斉藤");
		assertThat(KanjiVariants.size()).isGreaterThan(1000);
	}

	@Test
	void theVariantTableCarriesItsProvenanceAndAttribution() throws IOException {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("search/kanji-variants.tsv")) {
			String header = new String(in.readNBytes(2000), StandardCharsets.UTF_8);
			assertThat(header).contains("generate-variants.py", "unicode-data", "kanjidic-xml", "KANJIDIC2",
					"Creative Commons Attribution-ShareAlike 4.0");
		}
	}

	@Test
	void offsetsPointIntoTheOriginalText() throws IOException {
		String name = KATSURAGI + "　𠮷野";
		List<int[]> offsets = new ArrayList<>();
		try (TokenStream ts = SearchAnalyzers.NAME_BIGRAM.tokenStream("f", name)) {
			OffsetAttribute o = ts.addAttribute(OffsetAttribute.class);
			ts.reset();
			while (ts.incrementToken()) {
				offsets.add(new int[] { o.startOffset(), o.endOffset() });
			}
			ts.end();
		}
		// an end offset may take in the spaces dropped after the token (one offset map)
		assertThat(offsets).extracting(r -> name.substring(r[0], r[1]).strip())
			.containsExactly(KATSURAGI, "城　𠮷", "𠮷野");
	}

	@Test
	void nameTextDropsSpacesAndVariationSelectorsButKeepsTheOriginalRanges() {
		NameText.Mapped m = NameText.map(KATSURAGI + "　花子", false);
		assertThat(m.text()).isEqualTo("葛城花子");
		assertThat(m.start()[1]).isEqualTo(3);
		assertThat(NameText.normalize("ﾜﾀﾅﾍﾞ ﾊﾅ", false)).isEqualTo("ワタナベハナ");
		assertThat(NameText.normalize("渡辺 　花子", true)).isEqualTo("渡辺 花子");
		assertThat(SearchAnalyzers.terms(SearchAnalyzers.NAME_BIGRAM, "𠮷野 花子")).containsExactly("吉野", "野花", "花子");
	}

	@Test
	void romajiAsClerksTypeIt() {
		String saito = Kana.romajiKey("サイトウ");
		for (String typed : new String[] { "saitou", "saito", "saitoh", "Saitō", "SAITO" }) {
			assertThat(Kana.romajiKey(typed)).as(typed).isEqualTo(saito);
		}
		String shota = Kana.romajiKey("ショウタ");
		for (String typed : new String[] { "syouta", "shota", "shouta", "syota" }) {
			assertThat(Kana.romajiKey(typed)).as(typed).isEqualTo(shota);
		}
		String ono = Kana.romajiKey("オオノ");
		for (String typed : new String[] { "ohno", "ono", "oono" }) {
			assertThat(Kana.romajiKey(typed)).as(typed).isEqualTo(ono);
		}
		assertThat(Kana.romajiKey("watanabe")).isEqualTo(Kana.romajiKey("ワタナベ"));
		assertThat(Kana.romajiKey("kenichi")).isEqualTo(Kana.romajiKey("ケンイチ"));
		assertThat(Kana.romajiKey("hattori")).isEqualTo(Kana.romajiKey("ハットリ"));
		assertThat(Kana.romajiKey("tiduru")).isEqualTo(Kana.romajiKey("チヅル"));
		assertThat(Kana.romajiKey("konno")).isEqualTo(Kana.romajiKey("コンノ"));
		assertThat(Kana.romajiKey("sampei")).isEqualTo(Kana.romajiKey("サンペイ"));
		assertThat(Kana.romajiKey("smith")).isNull();
		assertThat(Kana.romajiKey("yuki")).isNotEqualTo(Kana.romajiKey("kiyoko"));
	}

	@Test
	void looseReadings() {
		assertThat(Kana.loose("チヅル")).isEqualTo(Kana.loose("チズル"));
		assertThat(Kana.loose("キョウコ")).isEqualTo(Kana.loose("キヨーコ"));
		assertThat(Kana.loose("サイトウ")).isEqualTo(Kana.loose("サイトー"));
		assertThat(Kana.loose("オオノ")).isEqualTo(Kana.loose("オノ"));
		assertThat(Kana.loose("ハットリ")).isEqualTo(Kana.loose("ハツトリ"));
		assertThat(Kana.loose("ハナコ")).isNotEqualTo(Kana.loose("ハルコ"));
	}

	@Test
	void namesComeBackWithTheirGlyphs() throws IOException {
		List<SearchRecord> records = List.of(record(1, "𠮷野　花子", "ヨシノ　ハナコ"), record(2, KATSURAGI + " 一郎", "カツラギ　イチロウ"),
				record(3, "髙橋 恵子", "タカハシ　ケイコ"), record(4, "山﨑太郎", "ヤマザキ　タロウ"), record(5, "吉野花子", "ヨシノ　ハナコ"),
				record(6, "斎藤花子", "サイトウ　ハナコ"), record(7, "斉藤花子", "サイトウ　ハナコ"), record(8, "齋藤花子", "サイトウ　ハナコ"),
				record(9, "渡邉 ハナ", "ワタナベ　ハナ"), record(10, "高橋恵子", "タカハシ　ケイコ"));
		try (Directory dir = new ByteBuffersDirectory()) {
			try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
				for (SearchRecord r : records) {
					w.updateDocument(SearchDocuments.keyTerm(r.key()), SearchDocuments.toDocument(r));
				}
			}
			try (DirectoryReader reader = DirectoryReader.open(dir)) {
				IndexSearcher searcher = new IndexSearcher(reader);
				List<Hit> hits = search(searcher, "吉野花子");
				assertThat(hits.get(0).record().name()).isEqualTo("吉野花子");
				assertThat(hits.get(0).tier()).isEqualTo(Tier.EXACT);
				assertThat(hits.get(1).record().name()).isEqualTo("𠮷野　花子");
				assertThat(hits.get(1).tier()).isEqualTo(Tier.VARIANT);
				assertThat(hits.get(1).record()).isEqualTo(records.get(0));

				hits = search(searcher, "葛城");
				assertThat(hits).hasSize(1);
				assertThat(hits.get(0).record().name()).isEqualTo(KATSURAGI + " 一郎");
				assertThat(hits.get(0).tier()).isEqualTo(Tier.PARTIAL);
				hits = search(searcher, "葛城一郎");
				assertThat(hits.get(0).tier()).isEqualTo(Tier.EXACT);

				hits = search(searcher, "高橋恵子");
				assertThat(hits).extracting(h -> h.record().name()).containsExactly("高橋恵子", "髙橋 恵子");
				hits = search(searcher, "山崎");
				assertThat(hits).extracting(h -> h.record().name()).containsExactly("山﨑太郎");

				hits = search(searcher, "斎藤花子");
				assertThat(hits).extracting(h -> h.record().name()).containsExactly("斎藤花子", "齋藤花子", "斉藤花子");
				assertThat(hits).extracting(Hit::tier).containsExactly(Tier.EXACT, Tier.VARIANT, Tier.SIMILAR);

				hits = search(searcher, "さいとう はなこ");
				assertThat(hits).hasSize(3).allMatch(h -> h.tier() == Tier.READING);

				hits = search(searcher, "渡辺 S23.4.5");
				assertThat(hits).extracting(h -> h.record().name()).containsExactly("渡邉 ハナ");
				assertThat(hits.get(0).tier()).isEqualTo(Tier.PARTIAL);
				assertThat(search(searcher, "渡辺S23.4.5")).extracting(h -> h.record().name()).containsExactly("渡邉 ハナ");
				assertThat(search(searcher, "S23.4.5渡邊")).extracting(h -> h.record().name()).containsExactly("渡邉 ハナ");
				assertThat(search(searcher, "watanabe1948/4/5")).extracting(h -> h.record().name())
					.containsExactly("渡邉 ハナ");
				hits = search(searcher, "渡辺 S23.4.6");
				assertThat(hits).isEmpty();
				hits = search(searcher, "わたなべ 昭和23年4月5日");
				assertThat(hits).extracting(h -> h.record().name()).containsExactly("渡邉 ハナ");
				assertThat(hits.get(0).tier()).isEqualTo(Tier.PARTIAL);
				hits = search(searcher, "わたなべはな 昭和23年4月5日");
				assertThat(hits.get(0).tier()).isEqualTo(Tier.READING);
				hits = search(searcher, "1948-04-05");
				assertThat(hits).extracting(Hit::tier).containsOnly(Tier.EXACT);
				hits = search(searcher, "watanabe");
				assertThat(hits).extracting(Hit::tier).containsExactly(Tier.PARTIAL);
				hits = search(searcher, "  ");
				assertThat(hits).hasSize(records.size()).allMatch(h -> h.tier() == null);
			}
		}
	}

	@Test
	void kanaNamesAndOddInput() throws IOException {
		List<SearchRecord> records = List.of(record(1, "さくら", "サクラ"), record(2, "竜ヶ崎 一郎", "リュウガサキ　イチロウ"),
				record(3, "John SMITH", "ジョン　スミス"));
		try (Directory dir = new ByteBuffersDirectory()) {
			try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
				for (SearchRecord r : records) {
					w.addDocument(SearchDocuments.toDocument(r));
				}
			}
			try (DirectoryReader reader = DirectoryReader.open(dir)) {
				IndexSearcher searcher = new IndexSearcher(reader);
				assertThat(search(searcher, "サクラ")).extracting(Hit::tier).containsExactly(Tier.VARIANT);
				assertThat(search(searcher, "竜ケ崎一郎")).extracting(Hit::tier).containsExactly(Tier.VARIANT);
				assertThat(search(searcher, "john smith")).extracting(Hit::tier).containsExactly(Tier.VARIANT);
				assertThat(search(searcher, "smith")).extracting(Hit::tier).containsExactly(Tier.PARTIAL);
				assertThat(search(searcher, "すみす")).extracting(Hit::tier).containsExactly(Tier.PARTIAL);
				String[] odd = { "渡".repeat(5000), "a b c d e f g h i j k l m n o p", "1948", "S99.99.99", "昭和64年1月8日",
						"\uD800", "😀", "*", "?", "\"\"", "AND OR NOT", "・", "ー", "々", "%", "'; --", "\uFE00" };
				for (String text : odd) {
					List<Hit> hits = search(searcher, text);
					assertThat(hits).as(text).isEmpty();
					assertThat(SearchQueries.highlights("渡辺花子", SearchQueries.parse(text))).as(text).isNotNull();
				}
			}
		}
	}

	@Test
	void highlightsAreRangesOfTheStoredName() {
		assertThat(SearchQueries.highlights("渡邉 花子", SearchQueries.parse("渡辺"))).containsExactly(new Range(0, 2));
		assertThat(SearchQueries.highlights("渡邉 花子", SearchQueries.parse("渡辺花子"))).containsExactly(new Range(0, 5));
		assertThat(SearchQueries.highlights("𠮷野花子", SearchQueries.parse("吉野"))).containsExactly(new Range(0, 3));
		assertThat(SearchQueries.highlights(KATSURAGI + "一郎", SearchQueries.parse("葛城")))
			.containsExactly(new Range(0, 4));
		assertThat(SearchQueries.highlights("斉藤花子", SearchQueries.parse("斎藤"))).containsExactly(new Range(0, 2));
		assertThat(SearchQueries.highlights("山田花子", SearchQueries.parse("はなこ"))).isEmpty();
		assertThat(SearchQueries.readingHighlights("ヤマダ　ハナコ", SearchQueries.parse("はなこ")))
			.containsExactly(new Range(4, 7));
		assertThat(SearchQueries.readingHighlights("ヤマダ　ハナコ", SearchQueries.parse("yamada hanako")))
			.containsExactly(new Range(0, 7));
		assertThat(SearchQueries.readingHighlights("ヤマダ　ハナコ", SearchQueries.parse("ﾔﾏﾀﾞ")))
			.containsExactly(new Range(0, 3));
		assertThat(SearchQueries.readingHighlights("ヤマダ　ハナコ", SearchQueries.parse("山田"))).isEmpty();
	}

	@Test
	void filtersAndRanges() throws IOException {
		SearchRecord a = record(1, "山田花子", "ヤマダ　ハナコ");
		try (Directory dir = new ByteBuffersDirectory()) {
			try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
				w.addDocument(SearchDocuments.toDocument(a));
			}
			try (DirectoryReader reader = DirectoryReader.open(dir)) {
				IndexSearcher s = new IndexSearcher(reader);
				assertThat(s.count(SearchDocuments.facetFilter(SearchDocuments.FACILITY, "みずほ苑"))).isEqualTo(1);
				assertThat(s.count(SearchDocuments.facetFilter(SearchDocuments.STATUS, "SIGNED"))).isEqualTo(1);
				assertThat(s.count(SearchDocuments.facetFilter(SearchDocuments.FORM, "mandate"))).isZero();
				assertThat(s.count(SearchDocuments.dateRange(SearchDocuments.SIGNED_AT, LocalDate.of(2026, 3, 2),
						LocalDate.of(2026, 3, 2))))
					.isEqualTo(1);
				assertThat(s
					.count(SearchDocuments.dateRange(SearchDocuments.GENERATED_AT, LocalDate.of(2026, 3, 2), null)))
					.isZero();
				assertThat(s.count(SearchDocuments.municipalityFilter(2))).isZero();
				FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(s, SearchDocuments.all(), 10,
						new FacetsCollectorManager());
				Facets facets = new SortedSetDocValuesFacetCounts(
						new DefaultSortedSetDocValuesReaderState(reader, SearchDocuments.FACETS),
						result.facetsCollector());
				assertThat(facets.getTopChildren(10, SearchDocuments.FACILITY).labelValues)
					.extracting(lv -> lv.label + "=" + lv.value)
					.containsExactly("みずほ苑=1");
				assertThat(facets.getTopChildren(10, SearchDocuments.STATUS).labelValues).extracting(lv -> lv.label)
					.containsExactly("SIGNED");
				assertThat(s.count(new TermQuery(SearchDocuments.rosterTerm(7)))).isEqualTo(1);
			}
		}
	}

	private record Hit(SearchRecord record, Tier tier) {
	}

	private static List<Hit> search(IndexSearcher searcher, String text) throws IOException {
		SearchQueries.TieredQuery q = SearchQueries.parse(text);
		Query query = new BooleanQuery.Builder().add(q.query(), BooleanClause.Occur.MUST)
			.add(SearchDocuments.municipalityFilter(1), BooleanClause.Occur.FILTER)
			.build();
		TopDocs top = searcher.search(query, 20, SearchDocuments.relevanceThenRecent(), true);
		List<Hit> hits = new ArrayList<>();
		for (ScoreDoc sd : top.scoreDocs) {
			hits.add(new Hit(SearchDocuments.fromDocument(searcher.storedFields().document(sd.doc)),
					q.tierOf(sd.score)));
		}
		return hits;
	}

	private static SearchRecord record(int i, String name, String reading) {
		OffsetDateTime generated = OffsetDateTime.parse("2026-03-01T10:00:00+09:00").minusHours(i);
		return new SearchRecord(SearchRecord.documentKey("d" + i), 1, 100 + i, 7, "d" + i, name, reading,
				LocalDate.of(1948, 4, 5).plusDays(i == 9 ? 0 : i * 31L), "女", "みずほ市", "みずほ苑", "101", "consent", "v1",
				"onsite", SearchStatus.SIGNED, generated, generated.plusDays(1), generated.plusDays(1), 5L);
	}

}
