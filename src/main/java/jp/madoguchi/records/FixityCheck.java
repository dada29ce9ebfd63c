package jp.madoguchi.records;

import java.util.List;

import org.springframework.stereotype.Service;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.tenant.StaffUser;

/**
 * Fixity: every stored file of the municipality's records (roster files and scan
 * originals, named by each module) is read again and re-hashed by the {@code fixity} job;
 * a file whose content no longer hashes to its recorded SHA-256, or that is gone, is a
 * finding with its record. Audited as {@code FIXITY_CHECKED}.
 */
@Service
class FixityCheck {

	private final FixityRuns runs;

	private final FixityStore store;

	private final AuditLog audit;

	FixityCheck(FixityRuns runs, FixityStore store, AuditLog audit) {
		this.runs = runs;
		this.store = store;
		this.audit = audit;
	}

	/** Runs the job now and returns what this run checked and found. */
	FixityReport run(StaffUser operator) {
		FixityRun run = runs.run(operator.municipalityId(), operator.getUsername());
		FixityReport report = report(operator.municipalityId(), run);
		audited(operator.municipalityId(), operator.getUsername(), report);
		return report;
	}

	/**
	 * Starts the job in the background (the page); false when the municipality's check is
	 * under way.
	 */
	boolean start(StaffUser operator) {
		long municipalityId = operator.municipalityId();
		String username = operator.getUsername();
		return runs.start(municipalityId, username,
				run -> audited(municipalityId, username, report(municipalityId, run)));
	}

	FixityReport report(long municipalityId, FixityRun run) {
		List<FixityReport.Mismatch> mismatches = store.foundBy(municipalityId, run.id())
			.stream()
			.map(f -> new FixityReport.Mismatch(f.recordType(), f.recordId(), f.sha256(), f.problem()))
			.toList();
		return new FixityReport(run.checked(), mismatches);
	}

	private void audited(long municipalityId, String username, FixityReport report) {
		audit.record(municipalityId, username, AuditAction.FIXITY_CHECKED, "fixity",
				report.checked() + "/" + report.mismatches().size());
	}

}
