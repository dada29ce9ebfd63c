package jp.madoguchi.records;

import java.time.OffsetDateTime;
import java.util.Map;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import jp.madoguchi.storage.ContentStore;
import jp.madoguchi.storage.FileReference;
import jp.madoguchi.storage.FileState;

/**
 * Re-hashes a chunk's files (a page) on two threads and records those altered or missing,
 * in the chunk's transaction with the reader's position: found as of the run's start, so
 * a chunk written again after a restart writes the same rows.
 */
class FixityWriter implements ItemWriter<FileReference> {

	/** Files read at once: both cores hash. */
	static final int THREADS = 2;

	private final ContentStore files;

	private final FixityStore store;

	private final RecordType type;

	private final long municipalityId;

	private final long runId;

	private final OffsetDateTime runStartedAt;

	FixityWriter(ContentStore files, FixityStore store, RecordType type, long municipalityId, long runId,
			OffsetDateTime runStartedAt) {
		this.files = files;
		this.store = store;
		this.type = type;
		this.municipalityId = municipalityId;
		this.runId = runId;
		this.runStartedAt = runStartedAt;
	}

	@Override
	public void write(Chunk<? extends FileReference> chunk) {
		Map<String, FileState> states = files.verify(chunk.getItems().stream().map(FileReference::sha256).toList(),
				THREADS);
		for (FileReference f : chunk) {
			FileState state = states.get(f.sha256());
			if (state != FileState.INTACT) {
				store.found(runId, municipalityId, type.id(), f.recordId(), f.sha256(), state.name(), runStartedAt);
			}
		}
		store.countChecked(runId, chunk.size());
	}

}
