package jp.madoguchi.forms.internal.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.Map;

import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

import jp.madoguchi.forms.internal.template.FormTemplate;
import java.util.function.Consumer;

/**
 * One PDF/A-2b file being written to a stream, page after page (OpenPDF flushes each
 * page, so a packet of thousands of pages needs no more memory than one). It keeps the
 * fixed layer of each template page as a form XObject, drawn once per file and placed on
 * every page that uses it.
 */
final class PdfSession implements AutoCloseable {

	private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

	private final Document document;

	private final PdfWriter writer;

	private final boolean reuseFixedLayers;

	private final Map<FormTemplate.Page, PdfTemplate> fixedLayers = new IdentityHashMap<>();

	private int pages;

	private PdfSession(Document document, PdfWriter writer, boolean reuseFixedLayers) {
		this.document = document;
		this.writer = writer;
		this.reuseFixedLayers = reuseFixedLayers;
	}

	static PdfSession open(OutputStream out, String title, boolean reuseFixedLayers) {
		Document document = new Document(PageSize.A4, 0, 0, 0, 0);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		writer.setPDFXConformance(PdfWriter.PDFA2B);
		writer.setFullCompression();
		document.addTitle(title);
		document.addCreator("madoguchi forms");
		writer.createXmpMetadata();
		document.open();
		try {
			writer.setOutputIntents("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1", SRGB);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new PdfSession(document, writer, reuseFixedLayers);
	}

	/** Starts a page and returns its canvas. */
	PdfContentByte newPage() {
		if (pages > 0) {
			document.newPage();
		}
		pages++;
		return writer.getDirectContent();
	}

	int pages() {
		return pages;
	}

	boolean reuseFixedLayers() {
		return reuseFixedLayers;
	}

	PdfTemplate fixedLayer(FormTemplate.Page page, Consumer<PdfContentByte> drawing) {
		return fixedLayers.computeIfAbsent(page, p -> {
			PdfTemplate layer = writer.getDirectContent()
				.createTemplate(FormTemplate.PAGE_WIDTH, FormTemplate.PAGE_HEIGHT);
			drawing.accept(layer);
			return layer;
		});
	}

	@Override
	public void close() {
		document.close();
	}

}
