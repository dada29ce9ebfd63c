package jp.madoguchi.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

	FixityCheck(ContentStore store, RosterImporter rosters, ScannedDocuments scans, AuditLog audit) {
		this.store = store;
		this.rosters = rosters;
		this.scans = scans;
		this.audit = audit;
	}

	FixityReport run(StaffUser operator) {
		List<Checked> files = new ArrayList<>();
		rosters.files(operator.municipalityId()).forEach(f -> files.add(new Checked(RecordType.ROSTER_FILE, f)));
		scans.files(operator.municipalityId()).forEach(f -> files.add(new Checked(RecordType.SCAN_ORIGINAL, f)));
		Map<String, FileState> states = store.verify(files.stream().map(c -> c.file().sha256()).toList(), THREADS);
		List<FixityReport.Mismatch> mismatches = new ArrayList<>();
		for (Checked c : files) {
			FileState state = states.get(c.file().sha256());
			if (state != FileState.INTACT) {
				mismatches.add(
						new FixityReport.Mismatch(c.type().id(), c.file().recordId(), c.file().sha256(), state.name()));
			}
		}
		audit.record(operator.municipalityId(), operator.getUsername(), AuditAction.FIXITY_CHECKED, "fixity",
				files.size() + "/" + mismatches.size());
		return new FixityReport(files.size(), mismatches);
	}

	private record Checked(RecordType type, FileReference file) {
	}

}
