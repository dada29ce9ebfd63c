package jp.madoguchi.search.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

import jp.madoguchi.search.SearchRecord;
import jp.madoguchi.search.Tier;
import jp.madoguchi.search.analysis.SyntheticPeople.Person;
import jp.madoguchi.search.analysis.SyntheticPeople.Search;

/**
 * Recall of name search on the synthetic people: our analysis chain against plain setups
 * (StandardAnalyzer; CJK bigrams without folding) on the same queries. A hit counts when
 * the person is on the first page (top 20). Run as a program for the benchmark note:
 * {@code java ... jp.madoguchi.search.analysis.RecallReport [people]}.
 */
public final class RecallReport {

	static final int PAGE = 20;

	/** One query's outcome in our index: the rank of the target (-1: not on page 1). */
	record Outcome(Search search, int rank, Tier tier, List<SearchRecord> page, List<Tier> tiers) {
	}

	/** What a run measured. */
	record Figures(int queries, int ours, int standard, int cjk, Map<String, int[]> byKind, List<Outcome> outcomes) {

		double oursRecall() {
			return (double) ours / queries;
		}

		double standardRecall() {
			return (double) standard / queries;
		}

		double cjkRecall() {
			return (double) cjk / queries;
		}

	}

	private RecallReport() {
	}

	public static void main(String[] args) throws IOException {
		int people = args.length > 0 ? Integer.parseInt(args[0]) : 240;
		Figures f = run(people);
		System.out.printf("name search recall on %d synthetic people, %d queries, first page = top %d%n", people,
				f.queries(), PAGE);
		System.out.printf("  ours (folding, readings, romaji, dates):  %5.1f %% (%d/%d)%n", 100 * f.oursRecall(),
				f.ours(), f.queries());
		System.out.printf("  plain StandardAnalyzer:                   %5.1f %% (%d/%d)%n", 100 * f.standardRecall(),
				f.standard(), f.queries());
		System.out.printf("  plain CJK bigrams (no folding):           %5.1f %% (%d/%d)%n", 100 * f.cjkRecall(),
				f.cjk(), f.queries());
		System.out.println("  by kind of spelling (ours / standard / cjk of n):");
		f.byKind()
			.forEach(
					(kind, c) -> System.out.printf("    %-28s %3d / %3d / %3d of %3d%n", kind, c[0], c[1], c[2], c[3]));
	}

	static Figures run(int count) throws IOException {
		List<Person> people = SyntheticPeople.people(count);
		List<Search> searches = SyntheticPeople.searches(people);
		Map<String, int[]> byKind = new LinkedHashMap<>();
		List<Outcome> outcomes = new ArrayList<>();
		int ours = 0;
		int standard = 0;
		int cjk = 0;
		try (Directory dir = new ByteBuffersDirectory();
				Directory std = new ByteBuffersDirectory();
				Directory bi = new ByteBuffersDirectory()) {
			index(dir, people);
			Analyzer standardAnalyzer = new StandardAnalyzer();
			Analyzer cjkAnalyzer = new CJKAnalyzer();
			plainIndex(std, people, standardAnalyzer);
			plainIndex(bi, people, cjkAnalyzer);
			try (DirectoryReader r = DirectoryReader.open(dir);
					DirectoryReader rs = DirectoryReader.open(std);
					DirectoryReader rb = DirectoryReader.open(bi)) {
				IndexSearcher searcher = new IndexSearcher(r);
				IndexSearcher ss = new IndexSearcher(rs);
				IndexSearcher sb = new IndexSearcher(rb);
				for (Search s : searches) {
					Outcome o = search(searcher, s);
					outcomes.add(o);
					boolean a = o.rank() >= 0;
					boolean b = plainFinds(ss, standardAnalyzer, s);
					boolean c = plainFinds(sb, cjkAnalyzer, s);
					ours += a ? 1 : 0;
					standard += b ? 1 : 0;
					cjk += c ? 1 : 0;
					int[] k = byKind.computeIfAbsent(s.kind(), x -> new int[4]);
					k[0] += a ? 1 : 0;
					k[1] += b ? 1 : 0;
					k[2] += c ? 1 : 0;
					k[3]++;
				}
			}
		}
		return new Figures(searches.size(), ours, standard, cjk, byKind, outcomes);
	}

	static void index(Directory dir, List<Person> people) throws IOException {
		try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
			for (Person p : people) {
				w.updateDocument(SearchDocuments.keyTerm(p.record().key()), SearchDocuments.toDocument(p.record()));
			}
		}
	}

	static Outcome search(IndexSearcher searcher, Search s) throws IOException {
		SearchQueries.TieredQuery q = SearchQueries.parse(s.text());
		Query query = new BooleanQuery.Builder().add(q.query(), BooleanClause.Occur.MUST)
			.add(SearchDocuments.municipalityFilter(1L), BooleanClause.Occur.FILTER)
			.build();
		TopDocs top = searcher.search(query, PAGE, SearchDocuments.relevanceThenRecent(), true);
		List<SearchRecord> page = new ArrayList<>();
		List<Tier> tiers = new ArrayList<>();
		int rank = -1;
		Tier tier = null;
		for (int i = 0; i < top.scoreDocs.length; i++) {
			ScoreDoc sd = top.scoreDocs[i];
			SearchRecord rec = SearchDocuments.fromDocument(searcher.storedFields().document(sd.doc));
			page.add(rec);
			tiers.add(q.tierOf(sd.score));
			if (rank < 0 && rec.key().equals(s.target().record().key())) {
				rank = i;
				tier = q.tierOf(sd.score);
			}
		}
		return new Outcome(s, rank, tier, page, tiers);
	}

	private static void plainIndex(Directory dir, List<Person> people, Analyzer analyzer) throws IOException {
		try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
			for (Person p : people) {
				Document d = new Document();
				d.add(new StringField("key", p.record().key(), Field.Store.YES));
				d.add(new TextField("name", p.name(), Field.Store.NO));
				d.add(new TextField("reading", p.reading(), Field.Store.NO));
				d.add(new TextField("birth", p.birthDate().toString(), Field.Store.NO));
				w.addDocument(d);
			}
		}
	}

	/**
	 * The plain way: every analysed query term, in name, reading or birth date, OR'ed.
	 */
	private static boolean plainFinds(IndexSearcher searcher, Analyzer analyzer, Search s) throws IOException {
		BooleanQuery.Builder b = new BooleanQuery.Builder();
		int clauses = 0;
		for (String field : new String[] { "name", "reading", "birth" }) {
			try (TokenStream ts = analyzer.tokenStream(field, s.text())) {
				CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
				ts.reset();
				while (ts.incrementToken()) {
					b.add(new TermQuery(new Term(field, t.toString())), BooleanClause.Occur.SHOULD);
					clauses++;
				}
				ts.end();
			}
		}
		if (clauses == 0) {
			return false;
		}
		TopDocs top = searcher.search(b.build(), PAGE);
		for (ScoreDoc sd : top.scoreDocs) {
			if (searcher.storedFields().document(sd.doc).get("key").equals(s.target().record().key())) {
				return true;
			}
		}
		return false;
	}

}
