package jp.madoguchi.scans;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.cases.CaseRegistry;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.Messages;
import jp.madoguchi.forms.FormId;
import jp.madoguchi.forms.FormsEngine;
import jp.madoguchi.forms.IssuedDocument;
import jp.madoguchi.forms.IssuedDocuments;
import jp.madoguchi.scans.ScanRepository.ScanDocument;
import jp.madoguchi.scans.ScanRepository.ScanFile;
import jp.madoguchi.scans.ScanRepository.StoredPage;
import jp.madoguchi.scans.reading.Verdict;
import jp.madoguchi.retention.Tombstones;
import jp.madoguchi.storage.ContentStore;
import jp.madoguchi.tenant.StaffUser;

/**
 * What a records officer sees and decides: scans, page images (rendered from the stored
 * original on demand, never kept in its place), a case's signed documents and the
 * unmatched queue. Every view of a scan, page or case's documents is audited; everything
 * is scoped to the officer's municipality (another's answers 404).
 */
@Service
class ScanViews {

	private final ScanRepository repository;

	private final ScanService scans;

	private final ContentStore store;

	private final IssuedDocuments documents;

	private final CaseRegistry cases;

	private final AuditLog audit;

	private final Messages messages;

	private final ScanProperties properties;

	private final FormsEngine forms;

	private final Tombstones tombstones;

	/**
	 * Page images by original, page and width: an original never changes, so neither does
	 * what is drawn from it; decoding a 300-dpi page for each thumbnail would cost a
	 * tenth of a second every time the queue is opened.
	 */
	private final Cache<String, byte[]> images = Caffeine.newBuilder()
		.maximumWeight(64L << 20)
		.weigher((String key, byte[] png) -> png.length)
		.build();

	ScanViews(ScanRepository repository, ScanService scans, ContentStore store, IssuedDocuments documents,
			CaseRegistry cases, AuditLog audit, Messages messages, ScanProperties properties, FormsEngine forms,
			Tombstones tombstones) {
		this.tombstones = tombstones;
		this.forms = forms;
		this.repository = repository;
		this.scans = scans;
		this.store = store;
		this.documents = documents;
		this.cases = cases;
		this.audit = audit;
		this.messages = messages;
		this.properties = properties;
	}

	/** A scan in the list: its counts per outcome. */
	record ScanSummary(long scanId, String fileName, String status, Integer pages, String uploadedBy,
			OffsetDateTime uploadedAt, int documents, int flagged, int blankPages, int coverPages, int unmatchedPages,
			int failedPages, String failure) {
	}

	ScanResult scan(StaffUser user, long id) {
		ScanFile file = file(user, id);
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.VIEW, "scan", Long.toString(id));
		return scans.result(file, false);
	}

	List<ScanSummary> recent(StaffUser user) {
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.VIEW, "scans", "recent");
		return repository.recent(user.municipalityId(), 50)
			.stream()
			.map(f -> summary(scans.result(f, false), f))
			.toList();
	}

	static ScanSummary summary(ScanResult r, ScanFile f) {
		int flagged = (int) r.documents()
			.stream()
			.filter(d -> !d.missingPages().isEmpty() || !d.duplicatePages().isEmpty()
					|| (d.signature() != null && !d.signature().equals(Verdict.SIGNED.name())))
			.count();
		return new ScanSummary(r.scanId(), r.fileName(), r.status(), r.pages(), f.uploadedBy(), f.uploadedAt(),
				r.documents().size(), flagged, r.blankPages().size(), r.coverPages().size(), r.unmatchedPages().size(),
				r.failedPages().size(), r.failure());
	}

	private ScanFile file(StaffUser user, long id) {
		return repository.find(user.municipalityId(), id).orElseThrow(ClientError::notFound);
	}

	byte[] pageImage(StaffUser user, long id, int page, int width) {
		ScanFile file = file(user, id);
		tombstones.requireKept(user.municipalityId(), ScanOriginalRecords.TYPE, Long.toString(id));
		if (file.pages() == null || page < 1 || page > file.pages()) {
			throw ClientError.notFound();
		}
		int target = Math.max(64, Math.min(width, 2480));
		byte[] png = images.get(file.sha256() + "/" + page + "/" + target, key -> render(file, page, target));
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.VIEW, "scan-page", id + "/" + page);
		return png;
	}

	/** Forgets the page images drawn from this original (disposed of). */
	void forget(String sha256) {
		images.asMap().keySet().removeIf(key -> key.startsWith(sha256 + "/"));
	}

	private byte[] render(ScanFile file, int page, int width) {
		Path original = store.find(file.sha256()).orElseThrow(ClientError::notFound);
		BufferedImage image;
		try (PageSource source = PageSource.open(original, ScanFormat.ofMediaType(file.mediaType()),
				properties.maxPagePixels())) {
			image = source.page(page).call();
		}
		catch (Exception e) {
			throw ClientError.unprocessable("SCAN_PAGE_UNREADABLE", page).field("page");
		}
		return png(scaled(image, width));
	}

	private static BufferedImage scaled(BufferedImage image, int width) {
		if (image.getWidth() <= width) {
			return image;
		}
		int height = (int) Math.round((double) image.getHeight() * width / image.getWidth());
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(image, 0, 0, width, height, null);
		g.dispose();
		return out;
	}

	private static byte[] png(BufferedImage image) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	record Original(Path path, String fileName, String mediaType) {
	}

	Original original(StaffUser user, long id) {
		ScanFile file = file(user, id);
		tombstones.requireKept(user.municipalityId(), ScanOriginalRecords.TYPE, Long.toString(id));
		Path path = store.find(file.sha256()).orElseThrow(ClientError::notFound);
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.DOWNLOAD, "scan", Long.toString(id));
		return new Original(path, file.fileName(), file.mediaType());
	}

	/**
	 * A case's document as received on paper: where each page is (scan and page of the
	 * scan, in document order), what is missing, and the signature verdict.
	 */
	record SignedDocument(String documentId, long caseId, String form, String formTitle, int pages,
			List<ScanRepository.FoundPage> foundPages, List<Integer> missingPages, List<Integer> duplicatePages,
			String signature, double score) {
	}

	List<SignedDocument> signedDocuments(StaffUser user, long caseId) {
		cases.find(user.municipalityId(), caseId).orElseThrow(ClientError::notFound);
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.VIEW, "case-signed-documents",
				Long.toString(caseId));
		return repository.documentsOfCase(user.municipalityId(), caseId).stream().map(this::signed).toList();
	}

	List<SignedDocument> flagged(StaffUser user) {
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.VIEW, "scans", "flagged");
		return repository.flagged(user.municipalityId(), 200).stream().map(this::signed).toList();
	}

	private SignedDocument signed(ScanDocument d) {
		return new SignedDocument(d.documentId(), d.caseId(), d.form(), forms.title(FormId.fromId(d.form())), d.pages(),
				d.foundPages(), d.missingPages(), d.duplicatePages(),
				d.signature() == null ? null : d.signature().name(), d.score());
	}

	/** A page waiting for an officer, and why (Japanese). */
	record UnmatchedPage(long id, long scanId, int page, String fileName, String outcome, String reason,
			String documentId, Integer documentPage) {
	}

	List<UnmatchedPage> unmatched(StaffUser user) {
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.VIEW, "unmatched-pages", "queue");
		// Many queued pages come from the same few files: look each file's name up once.
		Map<Long, String> fileNames = new HashMap<>();
		return repository.unmatched(user.municipalityId(), 500)
			.stream()
			.map(p -> unmatchedPage(p, fileNames.computeIfAbsent(p.scanId(), id -> fileName(user, id))))
			.toList();
	}

	private String fileName(StaffUser user, long scanId) {
		return repository.find(user.municipalityId(), scanId).map(ScanFile::fileName).orElse("");
	}

	private UnmatchedPage unmatchedPage(StaffUser user, StoredPage p) {
		return unmatchedPage(p, fileName(user, p.scanId()));
	}

	private UnmatchedPage unmatchedPage(StoredPage p, String fileName) {
		PageResult r = p.result();
		return new UnmatchedPage(p.id(), p.scanId(), r.pageNo(), fileName, r.outcome().name(),
				r.reasonCode() == null ? null : messages.text(r.reasonCode(), r.pageNo()), r.documentId(),
				r.documentPage());
	}

	UnmatchedPage assign(StaffUser user, long pageId, String documentId, Integer documentPage, String signature) {
		StoredPage page = repository.pageById(user.municipalityId(), pageId).orElseThrow(ClientError::notFound);
		if (documentId == null || documentId.isBlank()) {
			throw ClientError.badRequest("SCAN_ASSIGN_DOCUMENT_REQUIRED").field("documentId");
		}
		String id = documentId.strip().toUpperCase(Locale.ROOT);
		IssuedDocument document = documents.find(user.municipalityId(), id)
			.orElseThrow(
					() -> ClientError.unprocessable("SCAN_ASSIGN_UNKNOWN_DOCUMENT", documentId).field("documentId"));
		int docPage;
		if (documentPage == null) {
			if (document.pages() != 1) {
				throw ClientError.badRequest("SCAN_ASSIGN_PAGE_REQUIRED", document.pages()).field("documentPage");
			}
			docPage = 1;
		}
		else {
			docPage = documentPage;
		}
		if (docPage < 1 || docPage > document.pages()) {
			throw ClientError.unprocessable("SCAN_ASSIGN_NO_SUCH_PAGE", docPage, document.pages())
				.field("documentPage");
		}
		Verdict verdict = verdict(signature);
		scans.decide(user, page, PageOutcome.ASSIGNED, document.documentId(), docPage, verdict);
		return unmatchedPage(user, repository.pageById(user.municipalityId(), pageId).orElseThrow());
	}

	private static Verdict verdict(String signature) {
		if (signature == null || signature.isBlank()) {
			return null;
		}
		return switch (signature) {
			case "SIGNED" -> Verdict.SIGNED;
			case "UNSIGNED" -> Verdict.UNSIGNED;
			default -> throw ClientError.badRequest("SCAN_ASSIGN_BAD_SIGNATURE", signature).field("signature");
		};
	}

	UnmatchedPage notAForm(StaffUser user, long pageId) {
		StoredPage page = repository.pageById(user.municipalityId(), pageId).orElseThrow(ClientError::notFound);
		scans.decide(user, page, PageOutcome.NOT_A_FORM, null, null, null);
		return unmatchedPage(user, repository.pageById(user.municipalityId(), pageId).orElseThrow());
	}

}
