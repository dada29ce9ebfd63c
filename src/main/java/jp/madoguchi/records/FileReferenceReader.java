package jp.madoguchi.records;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import jp.madoguchi.storage.FileReference;

/**
 * One record type's file references, in id order, a page at a time from the module that
 * keeps them (one question per page, never one per file). Restartable: the last record
 * handed out at each commit is kept in the step's execution context, and a restart goes
 * on after it. At most a page is held: memory stays flat however many files there are.
 */
class FileReferenceReader implements ItemStreamReader<FileReference> {

	static final String AFTER = "fixity.afterId";

	/**
	 * A module's file references with an id above {@code afterId}, at most {@code limit}.
	 */
	interface Pages {

		List<FileReference> after(long afterId, int limit);

	}

	private final Pages pages;

	private final int pageSize;

	private final Deque<FileReference> page = new ArrayDeque<>();

	/** The last record read from the module. */
	private long readUpTo;

	/** The last record handed out. */
	private long handedOut;

	private boolean exhausted;

	FileReferenceReader(Pages pages, int pageSize) {
		this.pages = pages;
		this.pageSize = pageSize;
	}

	@Override
	public void open(ExecutionContext context) {
		handedOut = context.containsKey(AFTER) ? context.getLong(AFTER) : 0;
		readUpTo = handedOut;
		page.clear();
		exhausted = false;
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(AFTER, handedOut);
	}

	@Override
	public FileReference read() {
		if (page.isEmpty() && !exhausted) {
			List<FileReference> next = pages.after(readUpTo, pageSize);
			page.addAll(next);
			if (!next.isEmpty()) {
				readUpTo = id(next.get(next.size() - 1));
			}
			exhausted = next.size() < pageSize;
		}
		FileReference next = page.poll();
		if (next != null) {
			handedOut = id(next);
		}
		return next;
	}

	private static long id(FileReference reference) {
		return Long.parseLong(reference.recordId());
	}

}
