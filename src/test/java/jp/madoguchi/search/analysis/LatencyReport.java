package jp.madoguchi.search.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import jp.madoguchi.search.analysis.SyntheticPeople.Person;
import jp.madoguchi.search.analysis.SyntheticPeople.Search;

/**
 * Query latency of the analysis chain alone (parse + search of the first page, sorted by
 * tier then most recent, with the municipality filter) on N synthetic entries in an index
 * on disk. For the benchmark script:
 * {@code java ... jp.madoguchi.search.analysis.LatencyReport [entries] [queries]}; not
 * run by the test suite.
 */
public final class LatencyReport {

	private LatencyReport() {
	}

	public static void main(String[] args) throws IOException {
		int entries = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int queries = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
		Path dir = Files.createTempDirectory("madoguchi-latency");
		long t0 = System.nanoTime();
		List<Person> people = SyntheticPeople.people(entries);
		try (Directory d = FSDirectory.open(dir)) {
			IndexWriterConfig config = new IndexWriterConfig().setRAMBufferSizeMB(128);
			try (IndexWriter w = new IndexWriter(d, config)) {
				for (Person p : people) {
					w.addDocument(SearchDocuments.toDocument(p.record()));
				}
				w.forceMerge(1);
			}
			System.out.printf("indexed %d entries in %.1f s%n", entries, (System.nanoTime() - t0) / 1e9);
			List<Search> searches = SyntheticPeople.searches(people.subList(0, Math.min(people.size(), 2000)));
			try (DirectoryReader reader = DirectoryReader.open(d)) {
				IndexSearcher searcher = new IndexSearcher(reader);
				run(searcher, searches, queries / 2); // warm-up
				long[] times = run(searcher, searches, queries);
				print("all", times);
				if (Boolean.getBoolean("byKind")) {
					for (String kind : searches.stream().map(Search::kind).distinct().toList()) {
						List<Search> some = searches.stream().filter(x -> x.kind().equals(kind)).toList();
						print(kind, run(searcher, some, Math.max(200, queries / 10)));
					}
				}
			}
		}
		finally {
			try (var files = Files.list(dir)) {
				for (Path f : files.toList()) {
					Files.delete(f);
				}
			}
			Files.delete(dir);
		}
	}

	private static void print(String what, long[] times) {
		Arrays.sort(times);
		System.out.printf("%-28s %6d queries: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", what, times.length,
				times[times.length / 2] / 1e6, times[(int) (times.length * 0.99)] / 1e6, times[times.length - 1] / 1e6);
	}

	private static long[] run(IndexSearcher searcher, List<Search> searches, int n) throws IOException {
		long[] times = new long[n];
		for (int i = 0; i < n; i++) {
			Search s = searches.get((int) ((i * 2654435761L) % searches.size()));
			long t = System.nanoTime();
			SearchQueries.TieredQuery q = SearchQueries.parse(s.text());
			Query query = new BooleanQuery.Builder().add(q.query(), BooleanClause.Occur.MUST)
				.add(SearchDocuments.municipalityFilter(1L), BooleanClause.Occur.FILTER)
				.build();
			TopDocs top = searcher.search(query, 20, SearchDocuments.relevanceThenRecent(), true);
			if (top.scoreDocs.length > 0) {
				searcher.storedFields().document(top.scoreDocs[0].doc);
			}
			times[i] = System.nanoTime() - t;
		}
		return times;
	}

}
