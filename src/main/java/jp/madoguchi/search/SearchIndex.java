package jp.madoguchi.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import jp.madoguchi.search.analysis.SearchAnalyzers;
import jp.madoguchi.search.analysis.SearchDocuments;

/**
 * The Lucene index under one directory: one {@link IndexWriter} (written by one thread,
 * the feeder), near-real-time searchers, and the last change-log sequence applied kept in
 * each commit's user data with the sequence numbers seen missing.
 */
public final class SearchIndex implements Closeable {

	private static final String SEQ = "madoguchi.seq";

	private static final String GAPS = "madoguchi.gaps";

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final boolean fresh;

	private final long committedSeq;

	private final Set<Long> committedGaps;

	private SearchIndex(Directory directory, IndexWriter writer, boolean fresh, Map<String, String> userData)
			throws IOException {
		this.directory = directory;
		this.writer = writer;
		this.fresh = fresh;
		this.searchers = new SearcherManager(writer, null);
		this.committedSeq = userData.containsKey(SEQ) ? Long.parseLong(userData.get(SEQ)) : 0;
		this.committedGaps = new LinkedHashSet<>();
		String gaps = userData.getOrDefault(GAPS, "");
		for (String gap : gaps.split(",")) {
			if (!gap.isEmpty()) {
				this.committedGaps.add(Long.parseLong(gap));
			}
		}
	}

	/**
	 * Opens (or creates) the index in {@code path}. An index without a commit that says
	 * which change it reached is {@link #fresh()}: it must be rebuilt.
	 */
	public static SearchIndex open(Path path) throws IOException {
		Analyzer analyzer = SearchAnalyzers.perField();
		Files.createDirectories(path);
		Directory directory = FSDirectory.open(path);
		Map<String, String> userData = Map.of();
		boolean fresh = true;
		if (DirectoryReader.indexExists(directory)) {
			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				userData = reader.getIndexCommit().getUserData();
				fresh = !userData.containsKey(SEQ);
			}
		}
		IndexWriterConfig config = new IndexWriterConfig(analyzer)
			.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
			.setRAMBufferSizeMB(64);
		return new SearchIndex(directory, new IndexWriter(directory, config), fresh, new HashMap<>(userData));
	}

	/** True when the index has never been completely built: rebuild it. */
	public boolean fresh() {
		return fresh;
	}

	/** The last change-log sequence number the last commit had applied. */
	public long committedSeq() {
		return committedSeq;
	}

	/** The sequence numbers the last commit had seen missing (not yet committed then). */
	public Set<Long> committedGaps() {
		return Set.copyOf(committedGaps);
	}

	/** Replaces a roster's entries by {@code records} (none: the roster's entries go). */
	public void replaceRoster(long rosterId, List<SearchRecord> records) {
		try {
			writer.deleteDocuments(SearchDocuments.rosterTerm(rosterId));
			add(records);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Replaces the entries of these cases by {@code records} (a case without records
	 * leaves the index).
	 */
	public void replaceCases(Collection<Long> caseIds, List<SearchRecord> records) {
		try {
			List<Term> terms = new ArrayList<>(caseIds.size());
			caseIds.forEach(id -> terms.add(IndexedRecords.caseTerm(id)));
			for (int from = 0; from < terms.size(); from += 1000) {
				writer.deleteDocuments(terms.subList(from, Math.min(terms.size(), from + 1000)).toArray(Term[]::new));
			}
			add(records);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Adds entries (a rebuild, after {@link #deleteAll()}). One document at a time: a
	 * built document holds its analysed tokens (tens of kilobytes), and a batch of them
	 * held at once survives young collections and multiplies their pauses.
	 */
	public void add(List<SearchRecord> records) {
		try {
			for (SearchRecord r : records) {
				writer.addDocument(IndexedRecords.document(r));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public void deleteAll() {
		try {
			writer.deleteAll();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * From now on, until the next {@link #commit}, a commit (also the one closing the
	 * index) leaves the index {@link #fresh()}: to be rebuilt.
	 */
	public void markIncomplete() {
		writer.setLiveCommitData(Map.<String, String>of().entrySet());
	}

	/** Makes what was written searchable. */
	public void refresh() {
		try {
			searchers.maybeRefreshBlocking();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Commits what was written, saying that the change log was applied up to {@code seq}
	 * except the {@code gaps}.
	 */
	public void commit(long seq, Collection<Long> gaps) {
		StringJoiner joined = new StringJoiner(",");
		gaps.forEach(g -> joined.add(Long.toString(g)));
		writer.setLiveCommitData(Map.of(SEQ, Long.toString(seq), GAPS, joined.toString()).entrySet());
		try {
			writer.commit();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Runs {@code work} with the current searcher. */
	public <T> T withSearcher(SearcherWork<T> work) throws IOException {
		IndexSearcher searcher = searchers.acquire();
		try {
			return work.apply(searcher);
		}
		finally {
			searchers.release(searcher);
		}
	}

	/** Something done with a searcher. */
	@FunctionalInterface
	public interface SearcherWork<T> {

		T apply(IndexSearcher searcher) throws IOException;

	}

	@Override
	public void close() throws IOException {
		try {
			searchers.close();
		}
		finally {
			try {
				writer.close();
			}
			finally {
				directory.close();
			}
		}
	}

}
