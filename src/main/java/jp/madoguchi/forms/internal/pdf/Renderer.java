package jp.madoguchi.forms.internal.pdf;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;

import jp.madoguchi.forms.DocumentRecord;
import jp.madoguchi.forms.FormId;
import jp.madoguchi.forms.FormRefusedException;
import jp.madoguchi.forms.GeneratedDocument;
import jp.madoguchi.forms.Region;
import jp.madoguchi.forms.ReportDocument;
import jp.madoguchi.forms.TemplateRejectedException;
import jp.madoguchi.forms.internal.template.Element;
import jp.madoguchi.forms.internal.template.FieldCatalog;
import jp.madoguchi.forms.internal.template.FieldValues;
import jp.madoguchi.forms.internal.template.FormTemplate;
import java.util.ArrayList;

/**
 * Entry point of the PDF side: single documents, packets, and the fit check of templates.
 */
public final class Renderer {

	private final Shaper shaper;

	private final TextLayouter layouter;

	private final DocumentPainter painter;

	private final PageMarks marks;

	private final ReportWriter reports;

	public Renderer(FontBook fonts) {
		this.shaper = new Shaper(fonts);
		this.layouter = new TextLayouter(shaper);
		this.marks = new PageMarks(shaper);
		this.painter = new DocumentPainter(layouter, new ElementPainter(layouter, shaper), marks);
		this.reports = new ReportWriter(shaper);
	}

	/**
	 * Refuses a template whose wording cannot be drawn or does not fit, or whose fields
	 * do not fit with the sample data, naming the file and line.
	 */
	public void checkFits(FormTemplate template) {
		FieldValues sample = FieldCatalog.sample();
		List<String> problems = new ArrayList<>();
		for (FormTemplate.Page page : template.pages()) {
			for (Element element : page.elements()) {
				try {
					if (element instanceof Element.Text text) {
						String content = text.isFixed() ? text.text() : FieldCatalog.fill(text.text(), sample);
						TextBlock block = layouter.text(text, content, "the template", "the text");
						if (text.top() - block.height() < 0) {
							problems.add(problem(template, text, "the text runs off the bottom of the page"));
						}
					}
					else if (element instanceof Element.Field field) {
						layouter.field(field, FieldCatalog.fill(field.text(), sample), "the sample applicant");
					}
					else if (element instanceof Element.Box box && box.label() != null) {
						shaper.shape(box.label(), Element.FontRole.GOTHIC, "the template", "the box label");
					}
					else if (element instanceof Element.Table table) {
						for (Element.Column column : table.columns()) {
							shaper.shape(column.title(), table.font(), "the template", "the column title");
						}
					}
				}
				catch (FormRefusedException e) {
					problems.add(problem(template, element, e.getMessage()));
				}
			}
		}
		if (!problems.isEmpty()) {
			// All problems at once, so that a designer can fix a template in one go.
			throw new TemplateRejectedException(String.join("\n", problems));
		}
	}

	private static String problem(FormTemplate template, Element element, String message) {
		return template.file() + ":" + element.line() + ": " + message;
	}

	/**
	 * Checks and lays out every value of the document; throws before anything is drawn.
	 */
	public void validate(FormTemplate template, FieldValues values) {
		painter.prepare(template, values);
	}

	/**
	 * One document as a PDF/A-2b file in memory (a walk-in at the counter, a preview).
	 */
	public GeneratedDocument render(FormId form, FormTemplate template, FieldValues values) {
		PreparedDocument prepared = painter.prepare(template, values);
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		List<Region> regions;
		try (PdfSession session = PdfSession.open(out, template.title(), true)) {
			regions = painter.paint(session, prepared, values.documentId());
		}
		return new GeneratedDocument(record(form, template, values, regions), out.toByteArray());
	}

	/**
	 * A report as a PDF/A-2b file in memory; throws {@link FormRefusedException} before
	 * anything is written when a character of it cannot be drawn.
	 */
	public byte[] report(ReportDocument report) {
		return reports.write(report);
	}

	/**
	 * Opens a packet file on a stream; the caller adds documents, blank backs and the
	 * cover.
	 */
	public PacketWriter openPacket(OutputStream out, String title, boolean reuseFixedLayers) {
		return new PacketWriter(PdfSession.open(out, title, reuseFixedLayers), painter, marks, shaper);
	}

	static DocumentRecord record(FormId form, FormTemplate template, FieldValues values, List<Region> regions) {
		return new DocumentRecord(values.documentId(), form, values.applicant().id(), template.version(),
				template.sha256(), template.pages().size(), regions, template.origin());
	}

}
