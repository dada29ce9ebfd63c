package jp.madoguchi.reconcile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Writes a chunk's findings in the chunk's transaction (with the reader's position). */
class FindingWriter implements ItemWriter<List<FoundProblem>> {

	private final FindingStore store;

	private final long runId;

	private final long municipalityId;

	private final LocalDate day;

	FindingWriter(FindingStore store, long runId, long municipalityId, LocalDate day) {
		this.store = store;
		this.runId = runId;
		this.municipalityId = municipalityId;
		this.day = day;
	}

	@Override
	public void write(Chunk<? extends List<FoundProblem>> chunk) {
		List<FoundProblem> all = new ArrayList<>();
		chunk.forEach(all::addAll);
		store.save(runId, municipalityId, day, all);
	}

}
