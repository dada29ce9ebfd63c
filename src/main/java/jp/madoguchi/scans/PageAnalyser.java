package jp.madoguchi.scans;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jp.madoguchi.forms.IssuedDocument;
import jp.madoguchi.forms.IssuedDocuments;
import jp.madoguchi.forms.PageCode;
import jp.madoguchi.forms.Region;
import jp.madoguchi.scans.reading.BoxJudgement;
import jp.madoguchi.scans.reading.MarkReader;
import jp.madoguchi.scans.reading.PageGeometry;
import jp.madoguchi.scans.reading.PageMarks;
import jp.madoguchi.scans.reading.QrMark;
import jp.madoguchi.scans.reading.ReferencePage;
import jp.madoguchi.scans.reading.SignatureJudge;
import jp.madoguchi.scans.reading.Verdict;

/**
 * Decides what one page image is: a page of a document of this municipality (its QR code
 * read and its integrity code verified against the template the document was printed
 * with), a packet's cover or blank back, a blank duplex back, or unmatched, and for a
 * document page whether its signature and seal boxes were filled in. Thread-safe.
 */
@Component
class PageAnalyser {

	/** The unsigned form is rendered at this resolution for comparison. */
	static final float REFERENCE_DPI = 100;

	private final MarkReader marks = new MarkReader();

	private final SignatureJudge judge = new SignatureJudge();

	private final IssuedDocuments documents;

	/**
	 * Unsigned pages by template SHA-256, form and page: a signature box holds only the
	 * template's own content, so one rendering serves every document of that template.
	 */
	private final Cache<String, Optional<List<ReferencePage>>> references = Caffeine.newBuilder()
		.maximumSize(64)
		.build();

	PageAnalyser(IssuedDocuments documents) {
		this.documents = documents;
	}

	/**
	 * The documents named on this scan's pages, looked up once per scan; shared by the
	 * workers of one scan.
	 */
	final class ScanContext {

		private final long municipalityId;

		private final Map<String, Optional<IssuedDocument>> looked = new ConcurrentHashMap<>();

		ScanContext(long municipalityId) {
			this.municipalityId = municipalityId;
		}

		Optional<IssuedDocument> document(String documentId) {
			return looked.computeIfAbsent(documentId, id -> documents.find(municipalityId, id));
		}

	}

	ScanContext context(long municipalityId) {
		return new ScanContext(municipalityId);
	}

	PageResult analyse(ScanContext context, int pageNo, BufferedImage image) {
		PageMarks found = marks.read(image);
		Map<String, List<QrMark>> byPayload = new LinkedHashMap<>();
		for (QrMark mark : found.marks()) {
			byPayload.computeIfAbsent(mark.payload(), p -> new ArrayList<>()).add(mark);
		}
		PageCode matchedCode = null;
		IssuedDocument matchedDocument = null;
		List<QrMark> matchedMarks = null;
		boolean packetCover = false;
		boolean packetPage = false;
		boolean unverified = false;
		boolean unknown = false;
		for (Map.Entry<String, List<QrMark>> read : byPayload.entrySet()) {
			Optional<PageCode> parsed = PageCode.parse(read.getKey());
			if (parsed.isEmpty()) {
				continue;
			}
			PageCode code = parsed.get();
			if (code.isPacketPage()) {
				packetPage = true;
				packetCover |= code.isPacketCover();
				continue;
			}
			Optional<IssuedDocument> document = context.document(code.documentId());
			if (document.isEmpty()) {
				unknown = true;
				continue;
			}
			if (code.pages() != document.get().pages() || !code.verifies(document.get().templateSha256())) {
				unverified = true;
				continue;
			}
			if (matchedCode != null && !matchedCode.equals(code)) {
				return PageResult.unmatched(pageNo, "SCAN_PAGE_TWO_DOCUMENTS");
			}
			matchedCode = code;
			matchedDocument = document.get();
			matchedMarks = read.getValue();
		}
		if (matchedCode != null) {
			return signatureChecked(context.municipalityId, pageNo, image, matchedDocument, matchedCode, matchedMarks);
		}
		if (packetCover) {
			return PageResult.of(pageNo, PageOutcome.COVER);
		}
		if (packetPage) {
			return PageResult.of(pageNo, PageOutcome.BLANK);
		}
		if (unverified) {
			return PageResult.unmatched(pageNo, "SCAN_PAGE_CODE_NOT_VERIFIED");
		}
		if (unknown) {
			return PageResult.unmatched(pageNo, "SCAN_PAGE_UNKNOWN_DOCUMENT");
		}
		if (found.blank()) {
			return PageResult.of(pageNo, PageOutcome.BLANK);
		}
		return PageResult.unmatched(pageNo, "SCAN_PAGE_NO_CODE");
	}

	private PageResult signatureChecked(long municipalityId, int pageNo, BufferedImage image, IssuedDocument document,
			PageCode code, List<QrMark> marksOfPage) {
		List<Region> boxes = new ArrayList<>(document.regions(code.page(), Region.Kind.SIGNATURE));
		boxes.addAll(document.regions(code.page(), Region.Kind.SEAL));
		if (boxes.isEmpty()) {
			return PageResult.matched(pageNo, document.documentId(), code.page(), null, null);
		}
		Optional<ReferencePage> reference = reference(municipalityId, document, code.page());
		Optional<AffineTransform> geometry = PageGeometry.fit(marksOfPage,
				document.regions(code.page(), Region.Kind.QR), image.getWidth(), image.getHeight());
		if (reference.isEmpty() || geometry.isEmpty()) {
			return PageResult.matched(pageNo, document.documentId(), code.page(), Verdict.UNCLEAR, 0.0);
		}
		List<BoxJudgement> judgements = new ArrayList<>();
		for (Region box : boxes) {
			judgements.add(judge.judge(image, geometry.get(), box, reference.get()));
		}
		BoxJudgement combined = combine(judgements);
		return PageResult.matched(pageNo, document.documentId(), code.page(), combined.verdict(), combined.score());
	}

	/**
	 * 署名又は記名押印: one box signed is enough (the name is printed); otherwise any unclear box
	 * makes the page unclear.
	 */
	static BoxJudgement combine(List<BoxJudgement> judgements) {
		BoxJudgement best = null;
		for (Verdict verdict : List.of(Verdict.SIGNED, Verdict.UNCLEAR, Verdict.UNSIGNED)) {
			for (BoxJudgement j : judgements) {
				if (j.verdict() == verdict && (best == null || j.score() > best.score())) {
					best = j;
				}
			}
			if (best != null) {
				return best;
			}
		}
		throw new IllegalArgumentException("no judgement");
	}

	private Optional<ReferencePage> reference(long municipalityId, IssuedDocument document, int page) {
		Optional<List<ReferencePage>> pages = references.get(document.templateSha256() + "/" + document.form().id(),
				key -> render(municipalityId, document));
		return pages.filter(p -> p.size() >= page).map(p -> p.get(page - 1));
	}

	private Optional<List<ReferencePage>> render(long municipalityId, IssuedDocument document) {
		Optional<byte[]> pdf = documents.unsignedForm(municipalityId, document);
		if (pdf.isEmpty()) {
			return Optional.empty();
		}
		try (PDDocument unsigned = Loader.loadPDF(pdf.get())) {
			PDFRenderer renderer = new PDFRenderer(unsigned);
			List<ReferencePage> pages = new ArrayList<>();
			for (int i = 0; i < unsigned.getNumberOfPages(); i++) {
				pages.add(new ReferencePage(renderer.renderImageWithDPI(i, REFERENCE_DPI, ImageType.GRAY),
						REFERENCE_DPI, unsigned.getPage(i).getMediaBox().getHeight()));
			}
			return Optional.of(List.copyOf(pages));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
