package jp.madoguchi.scans;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

/**
 * Turns scan page ids into their scan and page number, for links to the page viewer and
 * the original. Only the municipality's own pages are found; reading where a page is
 * shows no personal data (the views that follow audit themselves).
 */
@Service
public class ScanPageLocations {

	/** Ids looked up in one query at most. */
	static final int BATCH = 500;

	private final ScanRepository repository;

	ScanPageLocations(ScanRepository repository) {
		this.repository = repository;
	}

	/** Where the municipality's page is, if it is one of its pages. */
	public Optional<ScanPageLocation> find(long municipalityId, long pageId) {
		return Optional.ofNullable(repository.locations(municipalityId, Set.of(pageId)).get(pageId));
	}

	/** Where each of these pages of the municipality is (unknown ids are left out). */
	public Map<Long, ScanPageLocation> find(long municipalityId, Collection<Long> pageIds) {
		Set<Long> ids = new LinkedHashSet<>(pageIds);
		ids.remove(null);
		if (ids.size() > BATCH) {
			throw new IllegalArgumentException("at most " + BATCH + " page ids at once");
		}
		return repository.locations(municipalityId, ids);
	}

}
