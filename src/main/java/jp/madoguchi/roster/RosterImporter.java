package jp.madoguchi.roster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import jp.madoguchi.errors.Messages;
import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.cases.CaseRegistry;
import jp.madoguchi.cases.CaseSummary;
import jp.madoguchi.storage.ContentStore;
import jp.madoguchi.storage.StagedFile;
import jp.madoguchi.tenant.StaffUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a roster in one pass and one transaction: rows are validated and written as
 * cases in batches while the file streams by; at the end the transaction is committed, or
 * rolled back when rows failed and the clerk did not choose to keep the valid ones. The
 * original file enters the content store only with a committed roster.
 */
@Service
public class RosterImporter {

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private static final Logger log = LoggerFactory.getLogger(RosterImporter.class);

	private final ContentStore store;

	private final RosterRepository rosters;

	private final CaseRegistry cases;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final RosterProperties properties;

	private final Messages messages;

	RosterImporter(ContentStore store, RosterRepository rosters, CaseRegistry cases, AuditLog audit,
			TransactionTemplate transaction, RosterProperties properties, Messages messages) {
		this.messages = messages;
		this.store = store;
		this.rosters = rosters;
		this.cases = cases;
		this.audit = audit;
		this.transaction = transaction;
		this.properties = properties;
	}

	/** Stages the upload and imports it; see {@link #importStaged}. */
	public ImportResult importRoster(StaffUser user, String fileName, InputStream content, boolean acceptValidRows)
			throws IOException {
		try (StagedFile staged = store.stage(content)) {
			return importStaged(user, fileName, staged, acceptValidRows);
		}
	}

	/**
	 * Imports a file already staged (the web page keeps a rejected upload so the clerk
	 * can accept its valid rows).
	 */
	public ImportResult importStaged(StaffUser user, String fileName, StagedFile staged, boolean acceptValidRows)
			throws IOException {
		long municipalityId = user.municipalityId();
		Optional<RosterSummary> existing = rosters.findByHash(municipalityId, staged.sha256());
		if (existing.isPresent()) {
			return existingResult(existing.get());
		}
		RosterFormat format = RosterFileReader.detect(staged.path());
		long rosterId;
		try {
			rosterId = transaction.execute(status -> rosters.insert(municipalityId, staged.sha256(), fileName,
					staged.size(), format, user.getUsername()));
		}
		catch (DuplicateKeyException e) {
			// The same file arrived twice at once: answer with the finished roster, or
			// say the first is still running.
			return rosters.findByHash(municipalityId, staged.sha256())
				.map(this::existingResult)
				.orElseThrow(ImportInProgressException::new);
		}
		try {
			ImportResult result = new Run(municipalityId, rosterId, fileName, staged, format).execute(acceptValidRows);
			if (result.outcome() == ImportResult.Outcome.CREATED) {
				audit.record(municipalityId, user.getUsername(), AuditAction.IMPORT, "roster", result.id().toString());
			}
			else {
				discard(rosterId);
			}
			return result;
		}
		catch (IOException | RuntimeException e) {
			discard(rosterId);
			throw e;
		}
	}

	private void discard(long rosterId) {
		transaction.executeWithoutResult(status -> rosters.deleteUnfinished(rosterId));
	}

	public Optional<RosterSummary> find(StaffUser user, long rosterId) {
		return rosters.find(user.municipalityId(), rosterId);
	}

	public List<RosterSummary> list(StaffUser user) {
		return rosters.list(user.municipalityId());
	}

	/**
	 * A roster with its rejected rows (which quote personal data), as a record view:
	 * audited.
	 */
	public Optional<RosterSummary> view(StaffUser user, long rosterId) {
		return rosters.find(user.municipalityId(), rosterId).map(r -> {
			audit.record(user.municipalityId(), user.getUsername(), AuditAction.VIEW, "roster", Long.toString(r.id()));
			return r;
		});
	}

	public List<RowError> rejectedRowsOf(StaffUser user, long rosterId) {
		return rosters.find(user.municipalityId(), rosterId).map(r -> rosters.errorsOf(r.id())).orElse(List.of());
	}

	/**
	 * The roster's cases, or empty when the roster is not the user's municipality's. The
	 * access is audited.
	 */
	public Optional<List<CaseSummary>> casesOf(StaffUser user, long rosterId) {
		return rosters.find(user.municipalityId(), rosterId).map(r -> {
			audit.record(user.municipalityId(), user.getUsername(), AuditAction.VIEW, "roster-cases",
					Long.toString(r.id()));
			return cases.casesOfRoster(user.municipalityId(), r.id());
		});
	}

	/**
	 * The original file as uploaded, or empty when the roster is not the user's
	 * municipality's. Audited.
	 */
	public Optional<Path> originalFile(StaffUser user, long rosterId) {
		return rosters.find(user.municipalityId(), rosterId).flatMap(r -> {
			audit.record(user.municipalityId(), user.getUsername(), AuditAction.DOWNLOAD, "roster-file",
					Long.toString(r.id()));
			return store.find(r.sha256());
		});
	}

	private ImportResult existingResult(RosterSummary r) {
		return new ImportResult(ImportResult.Outcome.EXISTING, r.id(), r.format(), r.acceptedRows(), r.acceptedRows(),
				r.rejectedRows(), 0, false, 0, List.of(), List.of());
	}

	/** The state of one import while its rows stream by. */
	private final class Run {

		private static final int HEADER_SEARCH_ROWS = 20;

		private final long municipalityId;

		private final long rosterId;

		private final String fileName;

		private final StagedFile staged;

		private final RosterFormat format;

		private final LocalDate today = LocalDate.now(JAPAN);

		private final List<RowError> errors = new ArrayList<>();

		private final List<RowError> headerErrors = new ArrayList<>();

		private List<RowError> warnings = new ArrayList<>();

		private RowValidator validator;

		/**
		 * The best header candidate so far: the row that names the most required columns.
		 */
		private RowValidator.HeaderResult candidate;

		private int errorCount;

		private int total;

		private int rejected;

		private int valid;

		Run(long municipalityId, long rosterId, String fileName, StagedFile staged, RosterFormat format) {
			this.municipalityId = municipalityId;
			this.rosterId = rosterId;
			this.fileName = fileName;
			this.staged = staged;
			this.format = format;
		}

		ImportResult execute(boolean acceptValidRows) throws IOException {
			long started = System.nanoTime();
			CaseRegistry.CaseWriter writer = cases.writer(municipalityId, rosterId);
			RosterFileReader.read(staged.path(), format, RosterFileLimits.of(properties),
					row -> accept(row, writer, acceptValidRows));
			writer.finish();
			if (validator == null && candidate != null) {
				useHeader(candidate);
			}
			if (validator == null) {
				return rejected(List.of(new RowError(1, "", "", "NO_HEADER", messages.text("ROSTER_NO_HEADER"))));
			}
			if (!headerErrors.isEmpty()) {
				return rejected(headerErrors);
			}
			if (total == 0) {
				return rejected(List.of(new RowError(2, "", "", "NO_ROWS", messages.text("ROSTER_NO_ROWS"))));
			}
			if (rejected > 0 && (!acceptValidRows || valid == 0)) {
				return rejected(errors);
			}
			store.keep(staged);
			int accepted = writer.written();
			int duplicates = transaction.execute(status -> {
				if (!errors.isEmpty()) {
					rosters.saveErrors(rosterId, errors);
				}
				int flagged = writer.flagRepeatedPeople();
				rosters.complete(rosterId, total, accepted, rejected);
				return flagged;
			});
			// Counts and durations only: a roster's content never reaches the log.
			log.info("Roster {} imported: {} rows kept, {} rejected, {} possible duplicates in {} ms", rosterId,
					accepted, rejected, duplicates, (System.nanoTime() - started) / 1_000_000);
			return new ImportResult(ImportResult.Outcome.CREATED, rosterId, format.label(), accepted, valid, rejected,
					errorCount, errorCount > errors.size(), duplicates, errors, warnings);
		}

		private void accept(RawRow row, CaseRegistry.CaseWriter writer, boolean acceptValidRows) {
			if (validator == null) {
				findHeader(row);
				return;
			}
			if (!headerErrors.isEmpty() || row.isBlank()) {
				return;
			}
			if (RowValidator.isExample(row)) {
				warnings.add(new RowError(row.number(), "", row.cell(0), "EXAMPLE_ROW_SKIPPED",
						messages.text("ROSTER_EXAMPLE_ROW_SKIPPED")));
				return;
			}
			total++;
			RowValidator.Outcome outcome = validator.validate(row);
			if (outcome.applicant() != null) {
				valid++;
				// Once a row failed, an all-or-nothing import will be discarded: validate
				// on, write no more.
				if (rejected == 0 || acceptValidRows) {
					writer.add(outcome.applicant());
				}
				return;
			}
			rejected++;
			for (RowError e : outcome.errors()) {
				errorCount++;
				if (errors.size() < properties.maxReportedErrors()) {
					errors.add(e);
				}
			}
		}

		/**
		 * The header is the first row within the first {@value #HEADER_SEARCH_ROWS} rows
		 * that has every required column; title rows, dates and empty rows above it are
		 * ignored. If none has them all, the row naming the most is reported as missing
		 * the rest.
		 */
		private void findHeader(RawRow row) {
			if (row.number() > HEADER_SEARCH_ROWS) {
				if (candidate != null) {
					useHeader(candidate);
				}
				return;
			}
			if (row.isBlank()) {
				return;
			}
			var header = RowValidator.forHeader(row, today, messages);
			if (header.missingRequired() == 0) {
				useHeader(header);
			}
			else if (candidate == null || header.missingRequired() < candidate.missingRequired()) {
				candidate = header;
			}
		}

		private void useHeader(RowValidator.HeaderResult header) {
			validator = header.validator();
			headerErrors.addAll(header.errors());
			warnings.addAll(header.warnings());
		}

		private ImportResult rejected(List<RowError> reported) {
			return new ImportResult(ImportResult.Outcome.REJECTED, null, format.label(), 0, valid, rejected,
					Math.max(errorCount, reported.size()), errorCount > reported.size(), 0, reported, warnings);
		}

	}

}
