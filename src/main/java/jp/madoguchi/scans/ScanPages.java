package jp.madoguchi.scans;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpSession;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.cases.CaseRegistry;
import jp.madoguchi.cases.CaseSummary;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.Messages;
import jp.madoguchi.forms.FormId;
import jp.madoguchi.forms.FormsEngine;
import jp.madoguchi.forms.IssuedDocument;
import jp.madoguchi.forms.IssuedDocuments;
import jp.madoguchi.scans.ScanViews.UnmatchedPage;
import jp.madoguchi.tenant.StaffUser;

/**
 * The records officer's scan pages: upload (several files, drag and drop, progress), the
 * result of each scan, the page viewer, the unmatched queue with its decisions, a case's
 * signed documents and the documents that need a look. Everything goes through
 * {@link ScanService} and {@link ScanViews}, which scope and audit it.
 */
@Controller
@PreAuthorize("hasRole('RECORDS_OFFICER')")
class ScanPages {

	/** Width of a thumbnail, in pixels. */
	static final int THUMBNAIL = 200;

	/** Width of a page in the viewer, in pixels (A4 at 150 dpi). */
	static final int FULL = 1240;

	/** Thumbnails shown either side of the viewer's page. */
	static final int AROUND = 10;

	/** A file name longer than this is shortened on the page (it is kept whole). */
	static final int SHOWN_NAME = 120;

	/** Cases listed for a name search. */
	static final int NAME_HITS = 20;

	/** Longest document id typed in the search (ids are 10 characters). */
	static final int MAX_DOCUMENT_ID = 32;

	private static final String BATCH = ScanPages.class.getName() + ".batch";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ScanService scans;

	private final ScanViews views;

	private final IssuedDocuments documents;

	private final FormsEngine forms;

	private final Messages messages;

	private final AuditLog audit;

	private final ScanProperties properties;

	private final CaseRegistry cases;

	private final ScanPageLocations locations;

	ScanPages(ScanService scans, ScanViews views, IssuedDocuments documents, FormsEngine forms, Messages messages,
			AuditLog audit, ScanProperties properties, CaseRegistry cases, ScanPageLocations locations) {
		this.cases = cases;
		this.locations = locations;
		this.scans = scans;
		this.views = views;
		this.documents = documents;
		this.forms = forms;
		this.messages = messages;
		this.audit = audit;
		this.properties = properties;
	}

	/** What became of one uploaded file: its scan, or why it was refused. */
	record FileOutcome(String fileName, Long scanId, boolean duplicate, String refusal) implements Serializable {
	}

	/** The files of the last upload, kept in the session for the page that shows them. */
	record Batch(String token, List<FileOutcome> files) implements Serializable {
	}

	/** A line of the upload's result: a file's scan with its counts, or its refusal. */
	record Outcome(String fileName, ScanResult result, boolean duplicate, String refusal) {

		public int flagged() {
			return result == null ? 0 : ScanPages.flagged(result);
		}

	}

	static int flagged(ScanResult r) {
		return (int) r.documents().stream().filter(ScanPages::needsAttention).count();
	}

	static boolean needsAttention(ScanResult.DocumentFound d) {
		return !d.missingPages().isEmpty() || !d.duplicatePages().isEmpty()
				|| (d.signature() != null && !d.signature().equals("SIGNED"));
	}

	@GetMapping("/scans")
	String list(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) List<Long> done,
			@RequestParam(required = false) String batch, HttpSession session, Model model) {
		List<Outcome> outcomes = new ArrayList<>();
		if (batch != null && session.getAttribute(BATCH) instanceof Batch last && last.token().equals(batch)) {
			for (FileOutcome f : last.files()) {
				outcomes.add(f.scanId() == null ? new Outcome(f.fileName(), null, false, f.refusal())
						: found(user, f.scanId()).map(r -> new Outcome(f.fileName(), r, f.duplicate(), null))
							.orElse(new Outcome(f.fileName(), null, false, messages.text("NOT_FOUND"))));
			}
		}
		else if (done != null) {
			for (Long id : done) {
				if (id != null) {
					found(user, id).ifPresent(r -> outcomes.add(new Outcome(r.fileName(), r, false, null)));
				}
			}
		}
		model.addAttribute("outcomes", outcomes);
		return listPage(user, model);
	}

	private Optional<ScanResult> found(StaffUser user, long id) {
		try {
			return Optional.of(views.scan(user, id));
		}
		catch (ClientError e) {
			return Optional.empty();
		}
	}

	private String listPage(StaffUser user, Model model) {
		model.addAttribute("scans", views.recent(user));
		model.addAttribute("unmatchedCount", views.unmatched(user).size());
		model.addAttribute("flaggedCount", views.flagged(user).size());
		long megabytes = properties.maxUploadSize().toMegabytes();
		model.addAttribute("maxUploadLabel",
				megabytes >= 1024 && megabytes % 1024 == 0 ? megabytes / 1024 + "GB" : megabytes + "MB");
		return "scans/scans";
	}

	/**
	 * Each file is taken on its own: one refused does not stop the others. The answer is
	 * a redirect (303) to the single scan's page, or to the list with what happened to
	 * each file (kept in the session: the page's script follows the redirect once and
	 * then opens it).
	 */
	@PostMapping("/scans")
	Object upload(@AuthenticationPrincipal StaffUser user,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, HttpSession session, Model model)
			throws IOException {
		List<MultipartFile> chosen = files == null ? List.of() : files.stream()
			.filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()))
			.toList();
		if (chosen.isEmpty()) {
			model.addAttribute("outcomes", List.of());
			model.addAttribute("failure", messages.text("NO_FILE_CHOSEN"));
			ModelAndView page = new ModelAndView(listPage(user, model), model.asMap());
			page.setStatus(HttpStatus.BAD_REQUEST);
			return page;
		}
		List<FileOutcome> outcomes = new ArrayList<>();
		for (MultipartFile file : chosen) {
			outcomes.add(take(user, file));
		}
		List<Long> ids = outcomes.stream().map(FileOutcome::scanId).filter(id -> id != null).toList();
		if (outcomes.size() == 1 && ids.size() == 1 && !outcomes.get(0).duplicate()) {
			return seeOther("/scans/" + ids.get(0));
		}
		String token = HexFormat.of().formatHex(bytes());
		session.setAttribute(BATCH, new Batch(token, List.copyOf(outcomes)));
		String done = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
		return seeOther("/scans?" + (done.isEmpty() ? "" : "done=" + done + "&") + "batch=" + token);
	}

	private static byte[] bytes() {
		byte[] token = new byte[12];
		RANDOM.nextBytes(token);
		return token;
	}

	private FileOutcome take(StaffUser user, MultipartFile file) throws IOException {
		String shown = shown(file.getOriginalFilename());
		try {
			ScanService.Intake intake = new ScanService.Intake(user.municipalityId(), user.getUsername(),
					ScanIntake.fileName(file.getOriginalFilename()), "UPLOAD");
			ScanResult result;
			try (InputStream in = file.getInputStream()) {
				result = scans.take(intake, in);
			}
			return new FileOutcome(shown, result.scanId(), result.duplicate(), null);
		}
		catch (ClientError e) {
			return new FileOutcome(shown, null, false, messages.text(e.code(), e.args()));
		}
	}

	/** The file's name as the page shows it: without a path, shortened when very long. */
	static String shown(String name) {
		if (name == null || name.isBlank()) {
			return "scan";
		}
		String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		if (base.codePointCount(0, base.length()) > SHOWN_NAME) {
			return base.substring(0, base.offsetByCodePoints(0, SHOWN_NAME)) + "…";
		}
		return base;
	}

	/** Text typed by the officer, shown back at most {@code max} characters long. */
	static String clip(String text, int max) {
		if (text.codePointCount(0, text.length()) > max) {
			return text.substring(0, text.offsetByCodePoints(0, max)) + "…";
		}
		return text;
	}

	private static RedirectView seeOther(String url) {
		RedirectView view = new RedirectView(url, true);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		view.setExposeModelAttributes(false);
		return view;
	}

	/** A document found in a scan, with its form's title. */
	record DocumentRow(ScanResult.DocumentFound document, String title, boolean flagged) {
	}

	@GetMapping("/scans/{id}")
	String scan(@AuthenticationPrincipal StaffUser user, @PathVariable long id, Model model) {
		ScanResult result = views.scan(user, id);
		model.addAttribute("scan", result);
		model.addAttribute("documents",
				result.documents().stream().map(d -> new DocumentRow(d, title(d.form()), needsAttention(d))).toList());
		model.addAttribute("flagged", flagged(result));
		model.addAttribute("unmatched", views.unmatched(user).stream().filter(p -> p.scanId() == id).toList());
		model.addAttribute("thumbnail", THUMBNAIL);
		return "scans/scan";
	}

	private String title(String form) {
		try {
			return forms.title(FormId.fromId(form));
		}
		catch (IllegalArgumentException e) {
			return form;
		}
	}

	@GetMapping("/scans/{id}/pages/{page}.png")
	ResponseEntity<byte[]> pageImage(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
			@PathVariable int page, @RequestParam(defaultValue = "" + FULL) int width) {
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(views.pageImage(user, id, page, width));
	}

	/**
	 * A page's image by its page id (the search's thumbnail): the same image, scope and
	 * audit as by scan and page number; another municipality's page is a 404.
	 */
	@GetMapping("/scans/page-images/{pageId}.png")
	ResponseEntity<byte[]> pageImageById(@AuthenticationPrincipal StaffUser user, @PathVariable long pageId,
			@RequestParam(defaultValue = "" + THUMBNAIL) int width) {
		ScanPageLocation location = locations.find(user.municipalityId(), pageId).orElseThrow(ClientError::notFound);
		return pageImage(user, location.scanId(), location.page(), width);
	}

	@GetMapping("/scans/{id}/file")
	ResponseEntity<Resource> original(@AuthenticationPrincipal StaffUser user, @PathVariable long id) {
		ScanViews.Original original = views.original(user, id);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(original.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.contentType(MediaType.parseMediaType(original.mediaType()))
			.body(new FileSystemResource(original.path()));
	}

	/** A thumbnail in the viewer's strip: the scan's page and what it is. */
	record Thumb(int page, String label, boolean current) {
	}

	@GetMapping("/scans/{id}/pages/{page}")
	String viewer(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @PathVariable int page, Model model) {
		ScanResult result = views.scan(user, id);
		if (result.pages() == null || page < 1 || page > result.pages()) {
			throw ClientError.notFound();
		}
		Map<Integer, String> labels = labels(result);
		List<Thumb> strip = new ArrayList<>();
		for (int p = Math.max(1, page - AROUND); p <= Math.min(result.pages(), page + AROUND); p++) {
			strip.add(new Thumb(p, labels.getOrDefault(p, "振り分け済み（書類ではない）"), p == page));
		}
		model.addAttribute("scan", result);
		model.addAttribute("page", page);
		model.addAttribute("label", labels.getOrDefault(page, "振り分け済み（書類ではない）"));
		model.addAttribute("strip", strip);
		model.addAttribute("full", FULL);
		model.addAttribute("thumbnail", THUMBNAIL);
		return "scans/page";
	}

	/** What each page of the scan is, in words. */
	private Map<Integer, String> labels(ScanResult result) {
		Map<Integer, String> labels = new LinkedHashMap<>();
		for (ScanResult.DocumentFound d : result.documents()) {
			for (Integer p : d.pages()) {
				labels.put(p, "書類 " + d.documentId() + "（" + title(d.form()) + "）");
			}
		}
		result.blankPages().forEach(p -> labels.put(p, "白紙"));
		result.coverPages().forEach(p -> labels.put(p, "送付状（表紙）"));
		result.unmatchedPages().forEach(p -> labels.put(p, "未照合"));
		result.failedPages().forEach(f -> labels.put(f.page(), "読み取れず"));
		return labels;
	}

	/** The document the officer looked up by its id in the queue's search. */
	record DocumentLookup(String documentId, long caseId, String title, int pages) {
	}

	/** A case found by name, with the documents printed for it. */
	record NameHit(CaseSummary applicant, List<DocumentLookup> documents) {
	}

	@GetMapping("/scans/unmatched")
	String unmatched(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) String document,
			@RequestParam(required = false) String name, Model model) {
		if (name != null && !name.isBlank()) {
			model.addAttribute("searchedName", clip(name.strip(), CaseRegistry.MAX_SEARCH));
			model.addAttribute("nameHits",
					cases.searchByName(user.municipalityId(), user.getUsername(), name, NAME_HITS)
						.stream()
						.map(c -> new NameHit(c, documents.ofCase(user.municipalityId(), c.id())
							.stream()
							.map(d -> new DocumentLookup(d.documentId(), d.caseId(), forms.title(d.form()), d.pages()))
							.toList()))
						.toList());
		}
		return unmatchedPage(user, document, model);
	}

	private String unmatchedPage(StaffUser user, String document, Model model) {
		if (document != null && !document.isBlank()) {
			model.addAttribute("searched", document.strip());
			String id = document.strip().toUpperCase(Locale.ROOT);
			Optional<IssuedDocument> found = id.length() > MAX_DOCUMENT_ID ? Optional.empty()
					: documents.find(user.municipalityId(), id);
			audit.record(user.municipalityId(), user.getUsername(), AuditAction.SEARCH, "document",
					id.length() > MAX_DOCUMENT_ID ? id.substring(0, MAX_DOCUMENT_ID) : id);
			if (found.isPresent()) {
				IssuedDocument d = found.get();
				model.addAttribute("lookup",
						new DocumentLookup(d.documentId(), d.caseId(), forms.title(d.form()), d.pages()));
			}
			else {
				model.addAttribute("lookupFailure",
						messages.text("SCAN_ASSIGN_UNKNOWN_DOCUMENT", clip(document.strip(), MAX_DOCUMENT_ID)));
			}
		}
		model.addAttribute("pages", views.unmatched(user));
		model.addAttribute("thumbnail", THUMBNAIL);
		return "scans/unmatched";
	}

	@PostMapping("/scans/unmatched/{id}/assign")
	Object assign(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
			@RequestParam(required = false) String documentId, @RequestParam(required = false) String documentPage,
			@RequestParam(required = false) String signature, Model model, RedirectAttributes redirect) {
		try {
			UnmatchedPage page = views.assign(user, id, documentId, documentPage(documentPage), signature);
			redirect.addFlashAttribute("message", messages.text("SCAN_UI_ASSIGNED", page.fileName(), page.page(),
					page.documentId(), page.documentPage()));
			return seeOther("/scans/unmatched");
		}
		catch (ClientError e) {
			model.addAttribute("failedPage", id);
			model.addAttribute("failure", messages.text(e.code(), e.args()));
			model.addAttribute("enteredDocumentId", documentId);
			model.addAttribute("enteredDocumentPage", documentPage);
			model.addAttribute("enteredSignature", signature);
			return failed(user, model, e);
		}
	}

	private static Integer documentPage(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String digits = text.strip();
		if (digits.length() > 4 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw ClientError.badRequest("SCAN_UI_BAD_PAGE", clip(digits, 10)).field("documentPage");
		}
		return Integer.parseInt(digits);
	}

	@PostMapping("/scans/unmatched/{id}/not-a-form")
	Object notAForm(@AuthenticationPrincipal StaffUser user, @PathVariable long id, Model model,
			RedirectAttributes redirect) {
		try {
			UnmatchedPage page = views.notAForm(user, id);
			redirect.addFlashAttribute("message", messages.text("SCAN_UI_NOT_A_FORM", page.fileName(), page.page()));
			return seeOther("/scans/unmatched");
		}
		catch (ClientError e) {
			model.addAttribute("failedPage", id);
			model.addAttribute("failure", messages.text(e.code(), e.args()));
			return failed(user, model, e);
		}
	}

	private ModelAndView failed(StaffUser user, Model model, ClientError e) {
		ModelAndView page = new ModelAndView(unmatchedPage(user, null, model), model.asMap());
		page.setStatus(e.status());
		return page;
	}

	@GetMapping("/scans/cases/{caseId}")
	String caseDocuments(@AuthenticationPrincipal StaffUser user, @PathVariable long caseId, Model model) {
		model.addAttribute("caseId", caseId);
		model.addAttribute("documents", views.signedDocuments(user, caseId));
		model.addAttribute("thumbnail", THUMBNAIL);
		return "scans/case";
	}

	@GetMapping("/scans/flagged")
	String flagged(@AuthenticationPrincipal StaffUser user, Model model) {
		model.addAttribute("documents", views.flagged(user));
		return "scans/flagged";
	}

}
