package jp.madoguchi.forms.internal.pdf;

import java.util.List;

import org.openpdf.text.pdf.PdfContentByte;

import jp.madoguchi.forms.DocumentRecord;
import jp.madoguchi.forms.FormId;
import jp.madoguchi.forms.Region;
import jp.madoguchi.forms.internal.template.Element.Align;
import jp.madoguchi.forms.internal.template.Element.FontRole;
import jp.madoguchi.forms.internal.template.FieldValues;
import jp.madoguchi.forms.internal.template.FormTemplate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a packet page by page to its stream: a cover, documents, and blank backs so that
 * each applicant's set starts on the front of a sheet when printed duplex. Cover and
 * blank backs carry the packet's id in their QR codes, so every page of the packet is
 * identifiable.
 */
public final class PacketWriter implements AutoCloseable {

	private static final float MM = 72f / 25.4f;

	/**
	 * QR positions of pages the engine draws itself (cover, blank backs): top-right and
	 * bottom-left.
	 */
	static final List<FormTemplate.QrBox> OWN_PAGE_QR = List.of(
			new FormTemplate.QrBox(185 * MM, FormTemplate.PAGE_HEIGHT - 25 * MM, 17 * MM, 0),
			new FormTemplate.QrBox(8 * MM, FormTemplate.PAGE_HEIGHT - 289 * MM, 17 * MM, 0));

	/** Stand-in for a template hash in the integrity code of pages without a template. */
	private static final String OWN_PAGE_HASH = "packet";

	/** QR symbols encoded ahead of drawing, by payload; taken out when drawn. */
	private final Map<String, QrSymbol> encodedAhead = new ConcurrentHashMap<>();

	private final PdfSession session;

	private final DocumentPainter painter;

	private final PageMarks marks;

	private final Shaper shaper;

	PacketWriter(PdfSession session, DocumentPainter painter, PageMarks marks, Shaper shaper) {
		this.session = session;
		this.painter = painter;
		this.marks = marks;
		this.shaper = shaper;
	}

	public int pagesWritten() {
		return session.pages();
	}

	/**
	 * Cover lines, drawn top to bottom; page {@code page} of {@code pages} of the packet.
	 */
	public void cover(List<String> lines, String packetId, int pages) {
		PdfContentByte canvas = session.newPage();
		float top = FormTemplate.PAGE_HEIGHT - 35 * MM;
		boolean first = true;
		for (String line : lines) {
			float size = first ? 16 : 10.5f;
			TextBlock block = new TextBlock(LineBreaker.breakLines(
					shaper.shapeEscaping(line, first ? FontRole.GOTHIC : FontRole.MINCHO), size, 160 * MM), size, 1.6f);
			block.draw(canvas, 25 * MM, top, 160 * MM, first ? Align.CENTER : Align.LEFT);
			top -= block.height() + (first ? 6 * MM : 0);
			first = false;
		}
		marks.draw(canvas, OWN_PAGE_QR, packetId, session.pages(), pages, OWN_PAGE_HASH);
	}

	/** A back left empty for duplex printing, marked only by its QR codes. */
	public void blankBack(String packetId, int pages) {
		PdfContentByte canvas = session.newPage();
		marks.draw(canvas, OWN_PAGE_QR, packetId, session.pages(), pages, OWN_PAGE_HASH);
	}

	/**
	 * Encodes the QR codes of a document that will be drawn later. Thread-safe: choosing
	 * the QR mask is the largest single cost of a packet page, so the engine runs this on
	 * the second core while this writer draws.
	 */
	public void encodeAhead(FormTemplate template, String documentId) {
		int pages = template.pages().size();
		for (int page = 1; page <= pages; page++) {
			String payload = DocumentIds.payload(documentId, page, pages, template.sha256());
			encodedAhead.put(payload, QrSymbol.encode(payload));
		}
	}

	/**
	 * Checks, lays out and draws one document; throws before drawing if a value cannot be
	 * printed.
	 */
	public DocumentRecord document(FormId form, FormTemplate template, FieldValues values) {
		PreparedDocument prepared = painter.prepare(template, values);
		List<Region> regions = painter.paint(session, prepared, values.documentId(), payload -> {
			QrSymbol ahead = encodedAhead.remove(payload);
			return ahead != null ? ahead : QrSymbol.encode(payload);
		});
		return Renderer.record(form, template, values, regions);
	}

	@Override
	public void close() {
		session.close();
	}

}
