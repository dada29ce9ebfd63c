package jp.madoguchi.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.roster.RosterImporter;
import jp.madoguchi.scans.ScannedDocuments;
import jp.madoguchi.storage.ContentStore;
import jp.madoguchi.storage.FileReference;
import jp.madoguchi.storage.FileState;
import jp.madoguchi.tenant.StaffUser;

/**
 * Fixity: every stored file of the municipality's records (roster files and scan
 * originals, named by each module) is read again and re-hashed; a file whose content no
 * longer hashes to its recorded SHA-256, or that is gone, is reported with its record.
 */
@Service
class FixityCheck {

	/** Files read at once: both cores hash. */
	static final int THREADS = 2;

	private final ContentStore store;

	private final RosterImporter rosters;

	private final ScannedDocuments scans;

	private final AuditLog audit;

	/**
	 * References read and files re-hashed at a time ({@code madoguchi.fixity.page-size},
	 * 10,000): memory stays flat however many files there are.
	 */
	private final int pageSize;

	FixityCheck(ContentStore store, RosterImporter rosters, ScannedDocuments scans, AuditLog audit,
			@Value("${madoguchi.fixity.page-size:10000}") int pageSize) {
		this.pageSize = Math.max(1, pageSize);
		this.store = store;
		this.rosters = rosters;
		this.scans = scans;
		this.audit = audit;
	}

	FixityReport run(StaffUser operator) {
		long municipalityId = operator.municipalityId();
		List<FixityReport.Mismatch> mismatches = new ArrayList<>();
		long checked = check(RecordType.ROSTER_FILE, (after, limit) -> rosters.files(municipalityId, after, limit),
				mismatches);
		checked += check(RecordType.SCAN_ORIGINAL, (after, limit) -> scans.files(municipalityId, after, limit),
				mismatches);
		audit.record(municipalityId, operator.getUsername(), AuditAction.FIXITY_CHECKED, "fixity",
				checked + "/" + mismatches.size());
		return new FixityReport(checked, mismatches);
	}

	/** Checks one record type's files, a page at a time; returns how many. */
	private long check(RecordType type, Pages pages, List<FixityReport.Mismatch> mismatches) {
		long checked = 0;
		long after = 0;
		List<FileReference> page;
		do {
			page = pages.after(after, pageSize);
			Map<String, FileState> states = store.verify(page.stream().map(FileReference::sha256).toList(), THREADS);
			for (FileReference f : page) {
				FileState state = states.get(f.sha256());
				if (state != FileState.INTACT) {
					mismatches.add(new FixityReport.Mismatch(type.id(), f.recordId(), f.sha256(), state.name()));
				}
			}
			checked += page.size();
			if (!page.isEmpty()) {
				after = Long.parseLong(page.get(page.size() - 1).recordId());
			}
		}
		while (page.size() == pageSize);
		return checked;
	}

	/** A module's file references, by id. */
	private interface Pages {

		List<FileReference> after(long afterId, int limit);

	}

}
