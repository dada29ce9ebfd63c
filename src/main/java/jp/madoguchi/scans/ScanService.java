package jp.madoguchi.scans;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;
import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.cases.SignedDocumentReceived;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.Messages;
import jp.madoguchi.forms.IssuedDocument;
import jp.madoguchi.forms.IssuedDocuments;
import jp.madoguchi.forms.Region;
import jp.madoguchi.scans.ScanRepository.FoundPage;
import jp.madoguchi.scans.ScanRepository.ScanDocument;
import jp.madoguchi.scans.ScanRepository.ScanFile;
import jp.madoguchi.scans.ScanRepository.Status;
import jp.madoguchi.scans.ScanRepository.StoredPage;
import jp.madoguchi.scans.reading.BoxJudgement;
import jp.madoguchi.scans.reading.Verdict;
import jp.madoguchi.storage.ContentStore;
import jp.madoguchi.storage.StagedFile;
import jp.madoguchi.tenant.StaffUser;

/**
 * Takes a scan file (upload or inbox), keeps it byte for byte, reads its pages and
 * records what each one is; documents found are merged with what earlier scans brought
 * and the cases module hears of them. A file is processed once: the same content again
 * answers with the earlier result, and a file a crash left half-done is processed again
 * from its stored original (nothing of a half-done run was stored: the results are
 * written in one transaction at the end).
 */
@Service
class ScanService {

	private static final Logger log = LoggerFactory.getLogger(ScanService.class);

	private final ContentStore store;

	private final ScanRepository repository;

	private final PageAnalyser analyser;

	private final IssuedDocuments documents;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final ScanProperties properties;

	private final Messages messages;

	private final ExecutorService workers;

	/**
	 * Scans being processed in this JVM, so that a second request does not start them
	 * again.
	 */
	private final Set<Long> active = ConcurrentHashMap.newKeySet();

	ScanService(ContentStore store, ScanRepository repository, PageAnalyser analyser, IssuedDocuments documents,
			TransactionTemplate transaction, ApplicationEventPublisher events, AuditLog audit,
			ScanProperties properties, Messages messages) {
		this.messages = messages;
		this.store = store;
		this.repository = repository;
		this.analyser = analyser;
		this.documents = documents;
		this.transaction = transaction;
		this.events = events;
		this.audit = audit;
		this.properties = properties;
		this.workers = Executors.newFixedThreadPool(Math.max(1, properties.workers()), runnable -> {
			Thread thread = new Thread(runnable, "scan-page");
			thread.setDaemon(true);
			return thread;
		});
	}

	@PreDestroy
	void stop() {
		workers.shutdownNow();
	}

	/** An uploaded or inbox file, with who brought it. */
	record Intake(long municipalityId, String username, String fileName, String source) {
	}

	/**
	 * Stores and processes a file. The result's {@code duplicate} is true when the same
	 * content was processed before.
	 */
	ScanResult take(Intake intake, InputStream content) throws IOException {
		StagedFile staged = store.stage(content);
		if (staged.size() > properties.maxUploadSize().toBytes()) {
			staged.discard();
			throw new ClientError(HttpStatus.CONTENT_TOO_LARGE, "SCAN_FILE_TOO_LARGE", intake.fileName(),
					properties.maxUploadSize().toMegabytes() + "MB");
		}
		if (staged.size() == 0) {
			staged.discard();
			throw ClientError.badRequest("SCAN_FILE_EMPTY", intake.fileName()).field("file");
		}
		Optional<ScanFormat> format = ScanFormat.sniff(staged.path());
		if (format.isEmpty()) {
			staged.discard();
			throw new ClientError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "SCAN_UNSUPPORTED_FILE", intake.fileName())
				.field("file");
		}
		Optional<ScanFile> existing = repository.findBySha(intake.municipalityId(), staged.sha256());
		if (existing.isPresent()) {
			staged.discard();
			return again(existing.get());
		}
		store.keep(staged);
		long scanId;
		try {
			scanId = repository.insert(intake.municipalityId(), staged.sha256(), intake.fileName(), staged.size(),
					format.get(), intake.source(), intake.username());
		}
		catch (DuplicateKeyException e) {
			// The same file arrived twice at once: the other request processes it.
			return again(repository.findBySha(intake.municipalityId(), staged.sha256()).orElseThrow());
		}
		audit.record(intake.municipalityId(), intake.username(), AuditAction.IMPORT, "scan", Long.toString(scanId));
		return process(repository.find(intake.municipalityId(), scanId).orElseThrow(), false);
	}

	private ScanResult again(ScanFile file) {
		if (file.status() == Status.PROCESSING && !active.contains(file.id())) {
			// Left half-done by a crash: process it now from the stored original.
			return process(file, true);
		}
		if (file.status() == Status.FAILED) {
			throw refusal(file);
		}
		return result(file, true);
	}

	private static ClientError refusal(ScanFile file) {
		String[] args = file.failureArgs() == null ? new String[0] : file.failureArgs().split("\u001f", -1);
		return ClientError.unprocessable(file.failureCode(), (Object[]) args).field("file");
	}

	/** Processes every file a crash left half-done (at start-up). */
	void resumeUnfinished() {
		for (ScanFile file : repository.processing()) {
			if (!active.contains(file.id())) {
				log.info("Processing scan {} again after an interrupted run", file.id());
				try {
					process(file, false);
				}
				catch (ClientError e) {
					// Recorded as failed; nobody is waiting for the answer.
				}
			}
		}
	}

	private ScanResult process(ScanFile file, boolean duplicate) {
		if (!active.add(file.id())) {
			throw ClientError.conflict("SCAN_IN_PROGRESS", file.fileName());
		}
		try {
			Path original = store.find(file.sha256()).orElseThrow(() -> new IllegalStateException("original missing"));
			List<PageResult> pages;
			try {
				pages = readPages(file, original);
			}
			catch (FileRefused refused) {
				repository.markFailed(file.id(), refused.code, String.join("\u001f", refused.args));
				throw refusal(repository.find(file.municipalityId(), file.id()).orElseThrow());
			}
			transaction.executeWithoutResult(status -> record(file, pages));
			return result(repository.find(file.municipalityId(), file.id()).orElseThrow(), duplicate);
		}
		finally {
			active.remove(file.id());
		}
	}

	/** A whole file that cannot be read, with the catalogue code and its arguments. */
	private static final class FileRefused extends Exception {

		final String code;

		final String[] args;

		FileRefused(String code, String... args) {
			super(code, null, false, false);
			this.code = code;
			this.args = args;
		}

	}

	/**
	 * Reads the pages on the workers, each worker with its own reader of the file taking
	 * every n-th page (decoding a page, JPEG or CCITT, is most of the work, and one
	 * reader of a PDF cannot be shared between threads). One page per worker is in
	 * memory.
	 */
	private List<PageResult> readPages(ScanFile file, Path original) throws FileRefused {
		ScanFormat format = ScanFormat.ofMediaType(file.mediaType());
		int count;
		try (PageSource source = PageSource.open(original, format, properties.maxPagePixels())) {
			count = source.pages();
		}
		catch (IOException | RuntimeException e) {
			throw new FileRefused("SCAN_UNREADABLE", file.fileName());
		}
		if (count == 0) {
			throw new FileRefused("SCAN_NO_PAGES", file.fileName());
		}
		if (count > properties.maxPages()) {
			throw new FileRefused("SCAN_TOO_MANY_PAGES", file.fileName(), Integer.toString(count),
					Integer.toString(properties.maxPages()));
		}
		PageAnalyser.ScanContext context = analyser.context(file.municipalityId());
		int lanes = Math.max(1, Math.min(properties.workers(), count));
		PageResult[] results = new PageResult[count];
		List<Future<?>> running = new ArrayList<>(lanes);
		for (int lane = 0; lane < lanes; lane++) {
			int firstPage = lane + 1;
			running.add(workers.submit(() -> {
				try (PageSource source = PageSource.open(original, format, properties.maxPagePixels())) {
					for (int n = firstPage; n <= count; n += lanes) {
						results[n - 1] = readPage(source, context, n);
					}
				}
				return null;
			}));
		}
		try {
			for (Future<?> lane : running) {
				lane.get();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (ExecutionException e) {
			throw new FileRefused("SCAN_UNREADABLE", file.fileName());
		}
		return List.of(results);
	}

	/** One page; a page that cannot be decoded is a failed page, the others go on. */
	private PageResult readPage(PageSource source, PageAnalyser.ScanContext context, int n) {
		BufferedImage image;
		try {
			image = source.page(n).call();
		}
		catch (PageSource.PageTooLargeException e) {
			return PageResult.failed(n, "SCAN_PAGE_TOO_LARGE", e.width + "×" + e.height);
		}
		catch (Exception e) {
			return PageResult.failed(n, "SCAN_PAGE_UNREADABLE", null);
		}
		return analyser.analyse(context, n, image);
	}

	/** Pages, the documents they complete, the file's state and the events: together. */
	private void record(ScanFile file, List<PageResult> pages) {
		repository.insertPages(file.municipalityId(), file.id(), pages);
		Set<String> touched = new LinkedHashSet<>();
		for (PageResult p : pages) {
			if (p.documentId() != null) {
				touched.add(p.documentId());
			}
		}
		for (String documentId : touched) {
			refreshDocument(file.municipalityId(), documentId);
		}
		repository.markDone(file.id(), pages.size());
	}

	/**
	 * Recomputes a document from every page of it stored so far (all scans) and tells the
	 * cases module.
	 */
	private void refreshDocument(long municipalityId, String documentId) {
		Optional<IssuedDocument> issued = documents.find(municipalityId, documentId);
		if (issued.isEmpty()) {
			return;
		}
		IssuedDocument document = issued.get();
		List<FoundPage> found = new ArrayList<>();
		List<PageResult> pages = new ArrayList<>();
		for (StoredPage stored : repository.pagesOfDocument(municipalityId, documentId)) {
			PageResult p = stored.result();
			if (p.documentPage() == null) {
				continue;
			}
			found.add(new FoundPage(stored.scanId(), p.pageNo(), p.documentPage()));
			pages.add(p);
		}
		found.sort(Comparator.comparingInt(FoundPage::documentPage)
			.thenComparingLong(FoundPage::scanId)
			.thenComparingInt(FoundPage::page));
		List<Integer> missing = missing(document.pages(), found.stream().map(FoundPage::documentPage).toList());
		List<Integer> duplicated = duplicated(found.stream().map(FoundPage::documentPage).toList());
		boolean hasBoxes = document.regions()
			.stream()
			.anyMatch(r -> r.kind() == Region.Kind.SIGNATURE || r.kind() == Region.Kind.SEAL);
		BoxJudgement verdict = hasBoxes ? verdict(pages) : null;
		repository.saveDocument(municipalityId,
				new ScanDocument(documentId, document.caseId(), document.form().id(), document.pages(), found, missing,
						duplicated, verdict == null ? null : verdict.verdict(), verdict == null ? 0 : verdict.score()));
		events.publishEvent(new SignedDocumentReceived(municipalityId, document.caseId(), documentId,
				document.form().id(), verdict == null ? null : verdict.verdict().name(), missing));
	}

	/**
	 * An officer's decision on an unmatched page, audited; the document it joins is
	 * recomputed and the cases module told.
	 */
	void decide(StaffUser user, StoredPage page, PageOutcome outcome, String documentId, Integer documentPage,
			Verdict signature) {
		if (page.result().outcome() != PageOutcome.UNMATCHED) {
			throw ClientError.conflict("SCAN_PAGE_DECIDED", page.result().pageNo());
		}
		Verdict recorded = signature;
		if (documentId != null && recorded == null) {
			IssuedDocument document = documents.find(user.municipalityId(), documentId).orElseThrow();
			boolean boxes = !document.regions(documentPage, Region.Kind.SIGNATURE).isEmpty()
					|| !document.regions(documentPage, Region.Kind.SEAL).isEmpty();
			recorded = boxes ? Verdict.UNCLEAR : null;
		}
		Verdict finalVerdict = recorded;
		transaction.executeWithoutResult(status -> {
			if (!repository.decide(user.municipalityId(), page.id(), outcome, documentId, documentPage, finalVerdict,
					user.getUsername())) {
				throw ClientError.conflict("SCAN_PAGE_DECIDED", page.result().pageNo());
			}
			if (documentId != null) {
				refreshDocument(user.municipalityId(), documentId);
			}
			audit.record(user.municipalityId(), user.getUsername(), AuditAction.CHANGE, "scan-page", page.id() + ":"
					+ outcome.name() + (documentId == null ? "" : ":" + documentId + "/" + documentPage));
		});
	}

	/**
	 * A document's verdict from its pages' (of a form with signature or seal boxes): a
	 * document none of whose box pages was judged is unclear.
	 */
	private static BoxJudgement verdict(List<PageResult> pages) {
		List<BoxJudgement> judged = pages.stream()
			.filter(p -> p.signature() != null)
			.map(p -> new BoxJudgement(p.signature(), p.score() == null ? 0 : p.score()))
			.toList();
		return judged.isEmpty() ? new BoxJudgement(Verdict.UNCLEAR, 0) : PageAnalyser.combine(judged);
	}

	static List<Integer> missing(int pages, List<Integer> found) {
		List<Integer> missing = new ArrayList<>();
		for (int p = 1; p <= pages; p++) {
			if (!found.contains(p)) {
				missing.add(p);
			}
		}
		return missing;
	}

	static List<Integer> duplicated(List<Integer> found) {
		Map<Integer, Integer> counts = new TreeMap<>();
		found.forEach(p -> counts.merge(p, 1, Integer::sum));
		return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
	}

	/** The result of a stored scan, from its page rows. */
	ScanResult result(ScanFile file, boolean duplicate) {
		if (file.status() == Status.FAILED) {
			ClientError refusal = refusal(file);
			return new ScanResult(file.id(), file.sha256(), file.fileName(), file.status().name(), file.pages(),
					duplicate, List.of(), List.of(), List.of(), List.of(), List.of(),
					messages.text(refusal.code(), refusal.args()));
		}
		List<StoredPage> pages = repository.pagesOf(file.municipalityId(), file.id());
		Map<String, List<PageResult>> byDocument = new LinkedHashMap<>();
		List<Integer> blank = new ArrayList<>();
		List<Integer> cover = new ArrayList<>();
		List<Integer> unmatched = new ArrayList<>();
		List<ScanResult.FailedPage> failed = new ArrayList<>();
		for (StoredPage stored : pages) {
			PageResult p = stored.result();
			switch (p.outcome()) {
				case MATCHED, ASSIGNED -> byDocument.computeIfAbsent(p.documentId(), d -> new ArrayList<>()).add(p);
				case BLANK -> blank.add(p.pageNo());
				case COVER -> cover.add(p.pageNo());
				case UNMATCHED -> unmatched.add(p.pageNo());
				case FAILED ->
					failed.add(new ScanResult.FailedPage(p.pageNo(), messages.text(p.reasonCode(), p.reasonArg() == null
							? new Object[] { p.pageNo() } : new Object[] { p.pageNo(), p.reasonArg() })));
				case NOT_A_FORM -> {
				}
			}
		}
		List<ScanResult.DocumentFound> found = new ArrayList<>();
		Map<String, ScanDocument> documentsFound = repository.documents(file.municipalityId(), byDocument.keySet());
		for (Map.Entry<String, List<PageResult>> e : byDocument.entrySet()) {
			Optional<ScanDocument> document = Optional.ofNullable(documentsFound.get(e.getKey()));
			if (document.isEmpty()) {
				continue;
			}
			List<PageResult> inOrder = e.getValue()
				.stream()
				.sorted(Comparator.comparingInt((PageResult p) -> p.documentPage())
					.thenComparingInt(PageResult::pageNo))
				.toList();
			List<Integer> documentPages = inOrder.stream().map(PageResult::documentPage).toList();
			ScanDocument d = document.get();
			BoxJudgement verdict = d.signature() == null ? null : verdict(inOrder);
			found.add(new ScanResult.DocumentFound(d.documentId(), d.caseId(), d.form(),
					inOrder.stream().map(PageResult::pageNo).toList(), missing(d.pages(), documentPages),
					duplicated(documentPages), verdict == null ? null : verdict.verdict().name(),
					verdict == null ? null : verdict.score()));
		}
		return new ScanResult(file.id(), file.sha256(), file.fileName(), file.status().name(), file.pages(), duplicate,
				found, blank, cover, unmatched, failed, null);
	}

}
