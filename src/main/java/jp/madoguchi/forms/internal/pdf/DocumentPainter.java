package jp.madoguchi.forms.internal.pdf;

import java.util.ArrayList;
import java.util.List;

import org.openpdf.text.pdf.PdfContentByte;

import jp.madoguchi.forms.Region;
import jp.madoguchi.forms.internal.template.Element;
import jp.madoguchi.forms.internal.template.FieldCatalog;
import jp.madoguchi.forms.internal.template.FieldValues;
import jp.madoguchi.forms.internal.template.FormTemplate;
import java.util.function.Function;

/**
 * Turns a template and an applicant into pages: first {@link #prepare} checks and lays
 * out every value (refusing the document before anything is drawn), then {@link #paint}
 * places the fixed layer, the values, and the QR codes.
 */
final class DocumentPainter {

	private final TextLayouter layouter;

	private final ElementPainter painter;

	private final PageMarks marks;

	DocumentPainter(TextLayouter layouter, ElementPainter painter, PageMarks marks) {
		this.layouter = layouter;
		this.painter = painter;
		this.marks = marks;
	}

	PreparedDocument prepare(FormTemplate template, FieldValues values) {
		List<List<PreparedDocument.Prepared>> pages = new ArrayList<>();
		String person = values.personLabel();
		for (FormTemplate.Page page : template.pages()) {
			List<PreparedDocument.Prepared> prepared = new ArrayList<>();
			for (Element element : page.elements()) {
				if (element.isFixed()) {
					continue;
				}
				boolean holds = element.when() == null || FieldCatalog.test(element.when(), values);
				if (!holds) {
					continue;
				}
				TextBlock block = switch (element) {
					case Element.Text t -> layouter.text(t, FieldCatalog.fill(t.text(), values), person,
							String.join(",", FieldCatalog.placeholders(t.text())));
					case Element.Field f -> layouter.field(f, FieldCatalog.fill(f.text(), values), person);
					default -> null;
				};
				boolean ticked = element instanceof Element.Check c && c.checked() != null
						&& FieldCatalog.test(c.checked(), values);
				prepared.add(new PreparedDocument.Prepared(element, block, ticked));
			}
			pages.add(prepared);
		}
		return new PreparedDocument(template, values, pages);
	}

	/**
	 * Draws the document's pages into the session; returns its regions (page numbers from
	 * 1).
	 */
	List<Region> paint(PdfSession session, PreparedDocument document, String documentId) {
		return paint(session, document, documentId, QrSymbol::encode);
	}

	List<Region> paint(PdfSession session, PreparedDocument document, String documentId,
			Function<String, QrSymbol> symbols) {
		FormTemplate template = document.template();
		int pageCount = template.pages().size();
		List<Region> regions = new ArrayList<>();
		for (int index = 0; index < pageCount; index++) {
			FormTemplate.Page page = template.pages().get(index);
			PdfContentByte canvas = session.newPage();
			if (session.reuseFixedLayers()) {
				canvas.addTemplate(session.fixedLayer(page, layer -> drawFixed(layer, page, template)), 0, 0);
			}
			else {
				drawFixed(canvas, page, template);
			}
			for (PreparedDocument.Prepared prepared : document.pages().get(index)) {
				drawVariable(canvas, prepared, template);
			}
			int pageNumber = index + 1;
			for (Element element : page.elements()) {
				if (element instanceof Element.Box box && box.kind() != null
						&& (box.when() == null || FieldCatalog.test(box.when(), document.values()))) {
					regions.add(
							new Region(pageNumber, box.kind().equals("seal") ? Region.Kind.SEAL : Region.Kind.SIGNATURE,
									box.x(), box.y(), box.w(), box.h()));
				}
			}
			regions.addAll(marks.draw(canvas, template.qrCodes(), documentId, pageNumber, pageCount, template.sha256(),
					symbols));
		}
		return regions;
	}

	private void drawFixed(PdfContentByte canvas, FormTemplate.Page page, FormTemplate template) {
		for (Element element : page.elements()) {
			if (element.isFixed()) {
				painter.drawFixed(canvas, element, template.file());
			}
			else if (element instanceof Element.Check check && check.when() == null) {
				painter.drawSquare(canvas, check);
			}
		}
	}

	private void drawVariable(PdfContentByte canvas, PreparedDocument.Prepared prepared, FormTemplate template) {
		switch (prepared.element()) {
			case Element.Text t -> prepared.block().draw(canvas, t.x(), t.top(), t.width(), t.align());
			case Element.Field f -> painter.drawField(canvas, f, prepared.block());
			case Element.Box b -> painter.drawBox(canvas, b, template.file());
			case Element.Line l -> painter.drawLine(canvas, l);
			case Element.Table t -> painter.drawTable(canvas, t, template.file());
			case Element.Check c -> {
				if (c.when() != null) {
					painter.drawSquare(canvas, c);
				}
				if (prepared.conditionHolds()) {
					painter.drawTick(canvas, c);
				}
			}
		}
	}

}
