package jp.madoguchi.forms.internal.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfTemplate;

import jp.madoguchi.forms.Region;
import jp.madoguchi.forms.internal.template.Element.Align;
import jp.madoguchi.forms.internal.template.Element.FontRole;
import jp.madoguchi.forms.internal.template.FormTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * The marks every page carries for scanning: the same QR code in two opposite corners (a
 * pen stroke across one leaves the other) and the document id printed small beside the
 * lower one.
 */
final class PageMarks {

	private static final float ID_SIZE = 6.5f;

	private final Shaper shaper;

	PageMarks(Shaper shaper) {
		this.shaper = shaper;
	}

	/**
	 * Writes the page's QR XObject to the stream now: OpenPDF otherwise keeps every form
	 * XObject until the file is closed, so a 4,000-page packet would hold 4,000 of them
	 * in memory.
	 */
	private static void release(PdfContentByte canvas, PdfTemplate template) {
		try {
			canvas.getPdfWriter().releaseTemplate(template);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	List<Region> draw(PdfContentByte canvas, List<FormTemplate.QrBox> boxes, String id, int page, int pages,
			String templateSha256) {
		return draw(canvas, boxes, id, page, pages, templateSha256, QrSymbol::encode);
	}

	/**
	 * As above, taking the symbol from {@code symbols} (e.g. encoded ahead on another
	 * core).
	 */
	List<Region> draw(PdfContentByte canvas, List<FormTemplate.QrBox> boxes, String id, int page, int pages,
			String templateSha256, Function<String, QrSymbol> symbols) {
		QrSymbol symbol = symbols.apply(DocumentIds.payload(id, page, pages, templateSha256));
		PdfTemplate modules = symbol.toTemplate(canvas);
		List<Region> regions = new ArrayList<>(2);
		for (FormTemplate.QrBox box : boxes) {
			float scale = box.size() / symbol.modules();
			canvas.addTemplate(modules, scale, 0, 0, scale, box.x(), box.y());
			regions.add(new Region(page, Region.Kind.QR, box.x(), box.y(), box.size(), box.size()));
		}
		release(canvas, modules);
		FormTemplate.QrBox lower = boxes.stream().min(Comparator.comparing(FormTemplate.QrBox::y)).orElseThrow();
		String label = "文書ID " + id + "  " + page + "/" + pages;
		TextBlock text = new TextBlock(
				LineBreaker.breakLines(shaper.shape(label, FontRole.GOTHIC, id, "document id"), ID_SIZE, 200), ID_SIZE,
				1.2f);
		boolean onLeft = lower.x() < FormTemplate.PAGE_WIDTH / 2;
		float gap = 12;
		float x = onLeft ? lower.x() + lower.size() + gap : lower.x() - gap - 200;
		text.draw(canvas, x, lower.y() + ID_SIZE * 1.2f, 200, onLeft ? Align.LEFT : Align.RIGHT);
		return regions;
	}

}
