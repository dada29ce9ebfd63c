package jp.madoguchi.search;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import jp.madoguchi.changes.Change;
import jp.madoguchi.changes.ChangeKind;
import jp.madoguchi.changes.ChangeLog;

import jp.madoguchi.runtime.ServingProcessOnly;

/**
 * Keeps the index following the change log: one background thread polls the log (every
 * {@code madoguchi.search.poll-interval}, 150 ms by default), applies the changes it
 * finds by reading the records anew, and makes them searchable at once. The same thread
 * rebuilds (at start when there is no index, on an ADMIN's request, or on the command
 * line), so the index has one writer.
 *
 * <p>
 * Gaps: sequence numbers come from an identity, and a transaction that took a number
 * commits when it ends, so a higher number can be visible before a lower one. A number
 * skipped over is remembered (also across restarts, in the index commit) and read again
 * on every poll for {@code madoguchi.search.gap-timeout} (10 minutes by default), after
 * which its transaction is taken as rolled back.
 */
@ServingProcessOnly
@Component
class IndexFeeder implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(IndexFeeder.class);

	/** Changes read per poll. */
	private static final int BATCH = 2000;

	/** Cases per rebuild batch. */
	private static final int REBUILD_BATCH = 2000;

	/**
	 * Cases read from the database at a time while applying changes: the next chunk is
	 * read while one is indexed.
	 */
	private static final int APPLY_CHUNK = 500;

	/** At most so many missing numbers are remembered (the oldest go first). */
	private static final int MAX_GAPS = 100_000;

	/** How far back a rebuild looks for numbers not yet committed when it starts. */
	private static final int REBUILD_GAP_WINDOW = 10_000;

	/** Commit at most this often while changes flow (a stop commits too). */
	private static final Duration COMMIT_EVERY = Duration.ofSeconds(2);

	/**
	 * While a catch-up reads full batches, open a new searcher at most this often (each
	 * reopen applies the deletes and flushes a segment); the last batch is searchable at
	 * once.
	 */
	private static final Duration REFRESH_DURING_CATCH_UP = Duration.ofSeconds(1);

	private final ChangeLog changes;

	private final SearchProjection projection;

	private final SearchIndex index;

	private final Duration pollInterval;

	private final Duration gapTimeout;

	private final Clock clock = Clock.systemUTC();

	private ScheduledThreadPoolExecutor thread;

	/** Reads the next records from the database while the feeder thread indexes. */
	private ExecutorService reader;

	private volatile boolean running;

	/** Feeder thread only: the highest sequence number read. */
	private long cursor;

	/** Feeder thread only: numbers skipped over, with when they were first missed. */
	private final Map<Long, Long> gaps = new LinkedHashMap<>();

	private boolean dirty;

	private boolean unrefreshed;

	private long lastCommit;

	private long lastRefresh;

	private boolean rebuildPending;

	private boolean failing;

	/** Whether the index holds everything up to the cursor (false while rebuilding). */
	private volatile boolean complete;

	/** Polls completed since the start (for tests and monitoring). */
	private volatile long polls;

	private final AtomicReference<RebuildProgress> progress = new AtomicReference<>(RebuildProgress.idle());

	IndexFeeder(ChangeLog changes, SearchProjection projection, SearchIndex index,
			@Value("${madoguchi.search.poll-interval:150ms}") Duration pollInterval,
			@Value("${madoguchi.search.gap-timeout:10m}") Duration gapTimeout) {
		this.changes = changes;
		this.projection = projection;
		this.index = index;
		this.pollInterval = pollInterval;
		this.gapTimeout = gapTimeout;
	}

	@Override
	public void start() {
		thread = new ScheduledThreadPoolExecutor(1, r -> {
			Thread t = new Thread(r, "search-index-feeder");
			t.setDaemon(true);
			return t;
		});
		// At stop, what is queued is dropped and what runs finishes its step: no
		// interrupt reaches the index writer in the middle of a write.
		thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		reader = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "search-index-reader");
			t.setDaemon(true);
			return t;
		});
		running = true;
		cursor = index.committedSeq();
		long now = clock.millis();
		index.committedGaps().forEach(g -> gaps.put(g, now));
		complete = !index.fresh();
		if (index.fresh()) {
			log.info("No complete search index: rebuilding it from the database");
			thread.execute(this::rebuildSafely);
		}
		thread.scheduleWithFixedDelay(this::pollSafely, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		running = false;
		if (thread == null) {
			return;
		}
		thread.shutdown();
		try {
			if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
				log.warn("The search index feeder did not stop within 30 s");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		reader.shutdownNow();
		if (complete) {
			try {
				index.commit(cursor, gaps.keySet());
			}
			catch (RuntimeException e) {
				log.warn("Could not commit the search index at stop ({})", e.getClass().getName());
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/**
	 * Starts a rebuild on the feeder thread; the current progress when one is running.
	 */
	RebuildProgress requestRebuild() {
		RebuildProgress current = progress.get();
		if (current.running()) {
			return current;
		}
		RebuildProgress queued = RebuildProgress.queued(OffsetDateTime.now(ZoneOffset.UTC));
		progress.set(queued);
		thread.execute(this::rebuildSafely);
		return queued;
	}

	/** Rebuilds on the feeder thread and waits until it is done. */
	RebuildProgress rebuildAndWait() throws InterruptedException {
		Future<?> done = thread.submit(this::rebuildSafely);
		try {
			done.get();
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("search index rebuild failed", e.getCause());
		}
		return progress.get();
	}

	RebuildProgress progress() {
		return progress.get();
	}

	long polls() {
		return polls;
	}

	private void pollSafely() {
		try {
			if (rebuildPending) {
				rebuildSafely();
				return;
			}
			// A full batch means more are waiting (a catch-up): go on at once.
			long started = System.nanoTime();
			int read = poll();
			long total = read;
			while (read == BATCH && running) {
				polls++;
				read = poll();
				total += read;
			}
			polls++;
			if (total >= BATCH) {
				log.info("Search index caught up: {} changes in {} ms", total,
						(System.nanoTime() - started) / 1_000_000);
			}
			failing = false;
		}
		catch (RuntimeException e) {
			// Type only: a message could quote data. The next poll tries again; a
			// database that stays away is logged once, not every poll.
			if (!failing) {
				log.error("Search index update failed ({}); trying again", e.getClass().getName());
			}
			failing = true;
		}
	}

	/**
	 * Applies the changes committed since the last poll and those of remembered gaps;
	 * returns how many new changes were read.
	 */
	int poll() {
		List<Change> found = new ArrayList<>();
		if (!gaps.isEmpty()) {
			long now = clock.millis();
			gaps.values().removeIf(firstMissed -> now - firstMissed > gapTimeout.toMillis());
			if (!gaps.isEmpty()) {
				for (Change late : changes.of(gaps.keySet())) {
					gaps.remove(late.seq());
					found.add(late);
				}
			}
		}
		List<Change> next = changes.after(cursor, BATCH);
		long now = clock.millis();
		for (Change c : next) {
			for (long missing = cursor + 1; missing < c.seq(); missing++) {
				gaps.put(missing, now);
			}
			cursor = c.seq();
		}
		trimGaps();
		found.addAll(next);
		if (!found.isEmpty()) {
			apply(found);
			unrefreshed = true;
			dirty = true;
		}
		if (unrefreshed
				&& (next.size() < BATCH || clock.millis() - lastRefresh >= REFRESH_DURING_CATCH_UP.toMillis())) {
			index.refresh();
			unrefreshed = false;
			lastRefresh = clock.millis();
		}
		if (dirty) {
			commit();
		}
		return next.size();
	}

	private void trimGaps() {
		var it = gaps.keySet().iterator();
		while (gaps.size() > MAX_GAPS && it.hasNext()) {
			it.next();
			it.remove();
		}
	}

	private void commit() {
		if (!complete || clock.millis() - lastCommit < COMMIT_EVERY.toMillis()) {
			return;
		}
		index.commit(cursor, gaps.keySet());
		dirty = false;
		lastCommit = clock.millis();
	}

	/**
	 * Applies changes: each roster once (its entries replaced), the cases of each
	 * municipality together in batches.
	 */
	private void apply(List<Change> found) {
		Set<Long> rosters = new LinkedHashSet<>();
		Map<Long, Long> rosterMunicipality = new TreeMap<>();
		Map<Long, Set<Long>> casesByMunicipality = new LinkedHashMap<>();
		for (Change c : found) {
			if (c.kind() == ChangeKind.ROSTER) {
				rosters.add(c.recordId());
				rosterMunicipality.put(c.recordId(), c.municipalityId());
			}
			else {
				casesByMunicipality.computeIfAbsent(c.municipalityId(), m -> new HashSet<>()).add(c.recordId());
			}
		}
		for (long rosterId : rosters) {
			index.replaceRoster(rosterId, projection.ofRoster(rosterMunicipality.get(rosterId), rosterId));
		}
		List<CaseChunk> chunks = new ArrayList<>();
		casesByMunicipality.forEach((municipalityId, ids) -> {
			List<Long> all = new ArrayList<>(ids);
			for (int from = 0; from < all.size(); from += APPLY_CHUNK) {
				chunks.add(new CaseChunk(municipalityId, all.subList(from, Math.min(all.size(), from + APPLY_CHUNK))));
			}
		});
		if (chunks.isEmpty()) {
			return;
		}
		Future<List<SearchRecord>> next = reader.submit(() -> chunks.get(0).read(projection));
		for (int i = 0; i < chunks.size(); i++) {
			List<SearchRecord> records = await(next);
			if (i + 1 < chunks.size()) {
				CaseChunk following = chunks.get(i + 1);
				next = reader.submit(() -> following.read(projection));
			}
			index.replaceCases(chunks.get(i).caseIds(), records);
		}
	}

	private record CaseChunk(long municipalityId, List<Long> caseIds) {

		List<SearchRecord> read(SearchProjection projection) {
			return projection.ofCases(municipalityId, caseIds);
		}

	}

	/** The result of a read on the reader thread; its failure as the feeder's own. */
	private static <T> T await(Future<T> read) {
		try {
			return read.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading", e);
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
		}
	}

	private void rebuildSafely() {
		try {
			rebuild();
			rebuildPending = false;
		}
		catch (RuntimeException e) {
			rebuildPending = true;
			progress.set(progress.get().failed(OffsetDateTime.now(ZoneOffset.UTC)));
			if (!running) {
				return;
			}
			log.error("Search index rebuild failed ({}); it will be tried again", e.getClass().getName());
			try {
				Thread.sleep(5000);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Replays everything from the database: every case of a completed roster with its
	 * documents, in batches by case id. Changes committed meanwhile are applied after it
	 * (from the sequence number read at its start, numbers then missing remembered as
	 * gaps), so nothing is lost; applying one twice does no harm.
	 */
	private void rebuild() {
		if (!running) {
			throw new IllegalStateException("stopping");
		}
		long started = System.nanoTime();
		RebuildProgress p = RebuildProgress.running(OffsetDateTime.now(ZoneOffset.UTC));
		progress.set(p);
		long snapshot = changes.lastSeq();
		Set<Long> committed = new HashSet<>(changes.seqsBetween(Math.max(0, snapshot - REBUILD_GAP_WINDOW), snapshot));
		// Until it completes, no commit (not even the one closing the index makes) says
		// the index is complete: a stop mid-way means a rebuild at the next start.
		complete = false;
		index.markIncomplete();
		index.deleteAll();
		long cases = 0;
		long entries = 0;
		// The next batch is read from the database while this one is indexed.
		Future<SearchProjection.Batch> next = reader.submit(() -> projection.batchAfter(0, REBUILD_BATCH));
		while (running) {
			SearchProjection.Batch batch = await(next);
			if (batch.cases() == 0) {
				break;
			}
			long last = batch.lastCaseId();
			next = reader.submit(() -> projection.batchAfter(last, REBUILD_BATCH));
			index.add(batch.records());
			cases += batch.cases();
			entries += batch.records().size();
			progress.set(p.advanced(cases, entries));
		}
		if (!running) {
			throw new IllegalStateException("stopped during a rebuild");
		}
		cursor = snapshot;
		gaps.clear();
		long now = clock.millis();
		for (long seq = Math.max(1, snapshot - REBUILD_GAP_WINDOW + 1); seq <= snapshot; seq++) {
			if (!committed.contains(seq)) {
				gaps.put(seq, now);
			}
		}
		index.commit(cursor, gaps.keySet());
		complete = true;
		index.refresh();
		dirty = false;
		lastCommit = clock.millis();
		progress.set(p.advanced(cases, entries).done(OffsetDateTime.now(ZoneOffset.UTC)));
		log.info("Search index rebuilt: {} cases, {} entries in {} ms", cases, entries,
				(System.nanoTime() - started) / 1_000_000);
	}

}
