package jp.madoguchi.scans;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;

import jp.madoguchi.storage.FileReference;

/** What the scans module received of each document, read in batches by case. */
@Service
public class ScannedDocuments {

	private final ScanRepository repository;

	ScannedDocuments(ScanRepository repository) {
		this.repository = repository;
	}

	/** The received documents of these cases of the municipality. */
	public List<ScannedDocument> ofCases(long municipalityId, Collection<Long> caseIds) {
		return repository.scannedOfCases(municipalityId, caseIds);
	}

	/**
	 * The original files of the municipality's scans with an id above {@code afterId}, in
	 * id order, at most {@code limit}: a fixity check's pages.
	 */
	public List<FileReference> files(long municipalityId, long afterId, int limit) {
		return repository.files(municipalityId, afterId, limit);
	}

}
