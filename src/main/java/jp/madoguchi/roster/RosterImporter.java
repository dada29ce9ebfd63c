package jp.madoguchi.roster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.ClientErrorSource;
import jp.madoguchi.errors.Messages;
import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.cases.CaseRegistry;
import jp.madoguchi.cases.CaseSummary;
import jp.madoguchi.retention.RecordDisposedException;
import jp.madoguchi.retention.Tombstones;
import jp.madoguchi.storage.ContentStore;
import jp.madoguchi.storage.FileReference;
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

	/**
	 * The rosters being imported by this instance right now (one service instance owns a
	 * database): an IMPORTING roster not among them is a leftover.
	 */
	private final Set<Long> running = ConcurrentHashMap.newKeySet();

	private final Tombstones tombstones;

	RosterImporter(ContentStore store, RosterRepository rosters, CaseRegistry cases, AuditLog audit,
			TransactionTemplate transaction, RosterProperties properties, Messages messages, Tombstones tombstones) {
		this.tombstones = tombstones;
		this.messages = messages;
		this.store = store;
		this.rosters = rosters;
		this.cases = cases;
		this.audit = audit;
		this.transaction = transaction;
		this.properties = properties;
	}

	/** Stages the upload and imports it; see {@link #importStaged}. */
	public ImportResult importRoster(StaffUser user, String fileName, InputStream content, boolean acceptValidRows,
			boolean includeHiddenRows) throws IOException {
		try (StagedFile staged = store.stage(content)) {
			return importStaged(user, fileName, staged, acceptValidRows, includeHiddenRows);
		}
	}

	/**
	 * Imports a file already staged (the web page keeps a rejected upload so the clerk
	 * can accept its valid rows). Hidden rows are left out, each with a
	 * {@code HIDDEN_ROW} warning, unless the clerk chose to include them. An import that
	 * fails for any reason leaves nothing behind: its cases, rejected rows and roster are
	 * removed, and the clerk gets {@code ROSTER_IMPORT_FAILED}; if even that removal
	 * fails, the next upload of the same file removes the leftover and imports again.
	 */
	public ImportResult importStaged(StaffUser user, String fileName, StagedFile staged, boolean acceptValidRows,
			boolean includeHiddenRows) throws IOException {
		long municipalityId = user.municipalityId();
		Optional<RosterSummary> existing = rosters.findByHash(municipalityId, staged.sha256());
		if (existing.isPresent()) {
			return existingResult(existing.get());
		}
		RosterFormat format = RosterFileReader.detect(staged.path());
		Long rosterId = start(municipalityId, fileName, staged, format, user.getUsername());
		if (rosterId == null) {
			// The same file arrived twice at once: answer with the finished roster, or
			// say
			// the first is still running.
			return rosters.findByHash(municipalityId, staged.sha256())
				.map(this::existingResult)
				.orElseThrow(ImportInProgressException::new);
		}
		boolean completed = false;
		try {
			ImportResult result = new Run(municipalityId, rosterId, fileName, staged, format, acceptValidRows,
					includeHiddenRows)
				.execute();
			completed = result.outcome() == ImportResult.Outcome.CREATED;
			if (completed) {
				audit.record(municipalityId, user.getUsername(), AuditAction.IMPORT, "roster", result.id().toString());
			}
			return result;
		}
		catch (Throwable e) {
			if (e instanceof ClientError || e instanceof ClientErrorSource || completed) {
				// A refusal of the file (nothing kept), or a failure after the roster was
				// completed (it stays).
				throw e;
			}
			// Class and stack only: the message may quote a cell or a name.
			log.error("Import of roster {} failed with {}; nothing of it is kept", rosterId, e.getClass().getName(),
					withoutMessage(e));
			throw new ImportFailedException();
		}
		finally {
			if (!completed) {
				discard(municipalityId, rosterId);
			}
			running.remove(rosterId);
		}
	}

	/**
	 * Registers the import as IMPORTING, or null when the same file is being imported by
	 * a running request. A roster of the file left IMPORTING by no running import (its
	 * clean-up failed) is removed first, so a failure never blocks the file.
	 */
	private Long start(long municipalityId, String fileName, StagedFile staged, RosterFormat format, String username) {
		for (int attempt = 0;; attempt++) {
			// Marked running before it commits, so no other request takes it for a
			// leftover.
			long[] inserted = { -1 };
			try {
				transaction.executeWithoutResult(status -> {
					inserted[0] = rosters.insert(municipalityId, staged.sha256(), fileName, staged.size(), format,
							username);
					running.add(inserted[0]);
				});
				return inserted[0];
			}
			catch (RuntimeException e) {
				if (inserted[0] >= 0) {
					running.remove(inserted[0]);
				}
				if (!(e instanceof DuplicateKeyException)) {
					throw e;
				}
				if (attempt >= 2) {
					return null;
				}
				Optional<Long> importing = rosters.findImporting(municipalityId, staged.sha256());
				if (importing.isEmpty()) {
					if (rosters.findByHash(municipalityId, staged.sha256()).isPresent()) {
						return null;
					}
					// The other import ended without a roster meanwhile: try again.
					continue;
				}
				if (running.contains(importing.get())) {
					return null;
				}
				log.warn("Removing roster {}, left importing by a failed import, before importing its file again",
						importing.get());
				if (!discard(municipalityId, importing.get())) {
					return null;
				}
			}
		}
	}

	/**
	 * Removes an import that did not complete: its cases (through the cases module), its
	 * rejected rows and the roster, in one transaction. False when that failed: the
	 * roster then stays IMPORTING, invisible, until the next upload of the file or the
	 * next start removes it.
	 */
	boolean discard(long municipalityId, long rosterId) {
		try {
			transaction.executeWithoutResult(status -> {
				// Locked, and only while still IMPORTING: a completed roster is never
				// touched.
				if (rosters.lockUnfinished(rosterId)) {
					cases.discardRoster(municipalityId, rosterId);
					rosters.deleteUnfinished(rosterId);
				}
			});
			return true;
		}
		catch (RuntimeException e) {
			log.error("Could not remove the unfinished roster {} ({})", rosterId, e.getClass().getName(),
					withoutMessage(e));
			return false;
		}
	}

	/**
	 * The stack shows where it failed; the message may quote data (a SQL value, a cell),
	 * so it is left out.
	 */
	private static Throwable withoutMessage(Throwable e) {
		Throwable t = new Throwable(e.getClass().getName());
		t.setStackTrace(e.getStackTrace());
		return t;
	}

	public Optional<RosterSummary> find(StaffUser user, long rosterId) {
		return rosters.find(user.municipalityId(), rosterId);
	}

	public List<RosterSummary> list(StaffUser user) {
		return rosters.list(user.municipalityId());
	}

	/**
	 * The original files of the municipality's completed rosters with an id above
	 * {@code afterId}, in id order, at most {@code limit}: a fixity check's pages.
	 */
	public List<FileReference> files(long municipalityId, long afterId, int limit) {
		return rosters.files(municipalityId, afterId, limit);
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
	 * @throws RecordDisposedException when the file was disposed of (410 with its
	 * tombstone)
	 */
	public Optional<Path> originalFile(StaffUser user, long rosterId) {
		return rosters.find(user.municipalityId(), rosterId).flatMap(r -> {
			tombstones.requireKept(user.municipalityId(), RosterFileRecords.TYPE, Long.toString(r.id()));
			audit.record(user.municipalityId(), user.getUsername(), AuditAction.DOWNLOAD, "roster-file",
					Long.toString(r.id()));
			return store.find(r.sha256());
		});
	}

	private ImportResult existingResult(RosterSummary r) {
		return new ImportResult(ImportResult.Outcome.EXISTING, r.id(), r.format(), r.acceptedRows(), r.acceptedRows(),
				r.rejectedRows(), 0, false, 0, List.of(), List.of(), null, null, 0);
	}

	/**
	 * The state of one import while its rows stream by: the visible sheets are searched
	 * in order for the header, and the first that has it is the roster.
	 */
	private final class Run {

		private static final int HEADER_SEARCH_ROWS = 20;

		private final long municipalityId;

		private final long rosterId;

		private final String fileName;

		private final StagedFile staged;

		private final RosterFormat format;

		private final boolean acceptValidRows;

		private final boolean includeHiddenRows;

		private final LocalDate today = LocalDate.now(JAPAN);

		private final List<RowError> errors = new ArrayList<>();

		private final List<RowError> headerErrors = new ArrayList<>();

		private List<RowError> warnings = new ArrayList<>();

		private RowValidator validator;

		/**
		 * The best header candidate so far: the row that names the most required columns.
		 */
		private RowValidator.HeaderResult candidate;

		private String candidateSheet;

		/** The table being read: a sheet's name, null for CSV. */
		private String sheet;

		/** Where the header was read. */
		private String headerSheet;

		private Integer headerRow;

		private CaseRegistry.CaseWriter writer;

		private int hiddenRows;

		private int errorCount;

		private int total;

		private int rejected;

		private int valid;

		Run(long municipalityId, long rosterId, String fileName, StagedFile staged, RosterFormat format,
				boolean acceptValidRows, boolean includeHiddenRows) {
			this.municipalityId = municipalityId;
			this.rosterId = rosterId;
			this.fileName = fileName;
			this.staged = staged;
			this.format = format;
			this.acceptValidRows = acceptValidRows;
			this.includeHiddenRows = includeHiddenRows;
		}

		ImportResult execute() throws IOException {
			long started = System.nanoTime();
			this.writer = cases.writer(municipalityId, rosterId);
			RosterFileReader.read(staged.path(), format, RosterFileLimits.of(properties), new RosterFileReader.Rows() {

				@Override
				public boolean sheet(String name) {
					// The first sheet with a header is the roster: later sheets are not
					// read, nor is a sheet of examples.
					if (validator != null) {
						return false;
					}
					if (name != null && name.contains(RowValidator.EXAMPLE_MARKER)) {
						warnings.add(new RowError(0, "", name, "EXAMPLE_SHEET_SKIPPED",
								messages.text("ROSTER_EXAMPLE_SHEET_SKIPPED", name)));
						return false;
					}
					sheet = name;
					return true;
				}

				@Override
				public boolean row(RawRow row) {
					if (validator == null) {
						return findHeader(row);
					}
					if (!headerErrors.isEmpty()) {
						// A refused header: the rows below it are not read.
						return false;
					}
					accept(row);
					return true;
				}

			});
			writer.finish();
			if (validator == null && candidate != null) {
				useHeader(candidate, candidateSheet);
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
			int accepted = writer.written();
			int duplicates = transaction.execute(status -> {
				if (!errors.isEmpty()) {
					rosters.saveErrors(rosterId, errors);
				}
				int flagged = writer.complete();
				rosters.complete(rosterId, total, accepted, rejected);
				// Last, so that a failure before it leaves no file in the store; a
				// failure of the commit itself leaves the file unreferenced (never
				// served).
				keep(staged);
				return flagged;
			});
			// Counts and durations only: a roster's content never reaches the log.
			log.info("Roster {} imported: {} rows kept, {} rejected, {} possible duplicates in {} ms", rosterId,
					accepted, rejected, duplicates, (System.nanoTime() - started) / 1_000_000);
			return new ImportResult(ImportResult.Outcome.CREATED, rosterId, format.label(), accepted, valid, rejected,
					errorCount, errorCount > errors.size(), duplicates, errors, warnings, headerSheet, headerRow,
					hiddenRows);
		}

		private void keep(StagedFile staged) {
			try {
				store.keep(staged);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		private void accept(RawRow row) {
			if (row.isBlank()) {
				return;
			}
			if (row.hidden() && !includeHiddenRows) {
				// Listed like errors: at most as many as the answer reports, all counted.
				if (hiddenRows < properties.maxReportedErrors()) {
					warnings.add(new RowError(row.number(), validator.nameColumn(), validator.nameOf(row), "HIDDEN_ROW",
							messages.text("ROSTER_HIDDEN_ROW")));
				}
				hiddenRows++;
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
		 * of a table that has every required column; title rows, dates and empty rows
		 * above it are ignored. Returns false when this table has none (the next sheet is
		 * searched). If no table has them all, the row naming the most is reported as
		 * missing the rest.
		 */
		private boolean findHeader(RawRow row) {
			if (row.number() > HEADER_SEARCH_ROWS) {
				return false;
			}
			if (row.isBlank()) {
				return true;
			}
			var header = RowValidator.forHeader(row, today, messages);
			if (header.missingRequired() == 0) {
				useHeader(header, sheet);
			}
			else if (candidate == null || header.missingRequired() < candidate.missingRequired()) {
				candidate = header;
				candidateSheet = sheet;
			}
			return true;
		}

		private void useHeader(RowValidator.HeaderResult header, String sheetName) {
			validator = header.validator();
			headerErrors.addAll(header.errors());
			warnings.addAll(header.warnings());
			headerSheet = sheetName;
			headerRow = header.row();
		}

		private ImportResult rejected(List<RowError> reported) {
			return new ImportResult(ImportResult.Outcome.REJECTED, null, format.label(), 0, valid, rejected,
					Math.max(errorCount, reported.size()), errorCount > reported.size(), 0, reported, warnings,
					headerSheet, headerRow, hiddenRows);
		}

	}

}
