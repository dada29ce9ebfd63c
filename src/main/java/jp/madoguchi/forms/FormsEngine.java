package jp.madoguchi.forms;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import jp.madoguchi.forms.internal.pdf.DocumentIds;
import jp.madoguchi.forms.internal.pdf.FontBook;
import jp.madoguchi.forms.internal.pdf.PacketWriter;
import jp.madoguchi.forms.internal.pdf.Renderer;
import jp.madoguchi.forms.internal.template.EraDates;
import jp.madoguchi.forms.internal.template.FieldCatalog;
import jp.madoguchi.forms.internal.template.FieldValues;
import jp.madoguchi.forms.internal.template.FormTemplate;
import jp.madoguchi.forms.internal.template.TemplateLoader;
import java.math.BigInteger;
import java.util.concurrent.ExecutionException;

/**
 * The forms module's facade: single documents, roster packets, template checks.
 * Thread-safe; the fonts and templates are loaded once when the engine is created.
 */
public final class FormsEngine {

	private final TemplateSet defaults;

	private final Renderer renderer;

	/**
	 * Single documents store their font subsets uncompressed: see
	 * {@link FontBook.Compression#NONE}.
	 */
	private final Renderer documentRenderer;

	private final TemplateLoader loader = new TemplateLoader();

	/**
	 * Installed versions compiled once (parsed, checked against the fonts), so that a
	 * 4,000-page packet or 200 single documents a second never re-parse a template. One
	 * entry per municipality and form: the version in use; an older one is compiled again
	 * if re-activated.
	 */
	private final Map<MunicipalForm, FormTemplate> installed = new ConcurrentHashMap<>();

	private record MunicipalForm(long municipalityId, FormId form) {
	}

	private FormsEngine(Map<FormId, FormTemplate> templates, Renderer renderer, Renderer documentRenderer) {
		this.defaults = new TemplateSet(templates);
		this.renderer = renderer;
		this.documentRenderer = documentRenderer;
	}

	/**
	 * Loads {@code <templatesRoot>/<form-id>/template.json} for every form and checks
	 * that it fits.
	 */
	public static FormsEngine load(Path templatesRoot, FontFiles fonts) {
		Renderer renderer = new Renderer(FontBook.of(fonts));
		TemplateLoader loader = new TemplateLoader();
		Map<FormId, FormTemplate> templates = new EnumMap<>(FormId.class);
		for (FormId form : FormId.values()) {
			Path folder = templatesRoot.resolve(form.id());
			if (!Files.isDirectory(folder)) {
				throw new TemplateRejectedException("missing template folder " + folder);
			}
			FormTemplate template = loader.load(folder);
			renderer.checkFits(template);
			templates.put(form, template);
		}
		return new FormsEngine(templates, renderer, new Renderer(FontBook.of(fonts, FontBook.Compression.NONE)));
	}

	/**
	 * Checks an uploaded template (e.g. a municipality's own wording) without installing
	 * it: throws {@link TemplateRejectedException} naming the line of an unknown field or
	 * of text that does not fit.
	 */
	public TemplateSummary checkTemplate(FormId form, String fileName, byte[] json) {
		FormTemplate template = loader.load(fileName, form.id(), json, Map.of());
		renderer.checkFits(template);
		return new TemplateSummary(template.id(), template.version(), template.title(), template.sha256());
	}

	/**
	 * Renders an uploaded template with the built-in sample applicant, after the same
	 * checks as {@link #checkTemplate}: what an ADMIN sees before adopting a
	 * municipality's own wording.
	 */
	public GeneratedDocument previewTemplate(FormId form, String fileName, byte[] json) {
		FormTemplate template = loader.load(fileName, form.id(), json, Map.of());
		renderer.checkFits(template);
		return documentRenderer.render(form, template, FieldCatalog.sample());
	}

	/**
	 * The built-in templates: what a municipality without installed versions prints with.
	 */
	public TemplateSet defaultTemplates() {
		return defaults;
	}

	/**
	 * The built-in templates with a municipality's installed versions in their place.
	 * {@code content} is asked for a version's JSON only when that version is not
	 * compiled yet; a content whose SHA-256 differs from the recorded one is refused, as
	 * it is no longer the wording on record.
	 */
	public TemplateSet templatesWith(List<InstalledTemplate> current, Function<InstalledTemplate, byte[]> content) {
		if (current.isEmpty()) {
			return defaults;
		}
		Map<FormId, FormTemplate> templates = new EnumMap<>(FormId.class);
		for (FormId form : FormId.values()) {
			templates.put(form, defaults.get(form));
		}
		for (InstalledTemplate version : current) {
			templates.put(version.form(), compiled(version, content));
		}
		return new TemplateSet(templates);
	}

	private FormTemplate compiled(InstalledTemplate version, Function<InstalledTemplate, byte[]> content) {
		MunicipalForm key = new MunicipalForm(version.municipalityId(), version.form());
		FormTemplate cached = installed.get(key);
		if (cached != null && cached.sha256().equals(version.sha256())
				&& cached.version().equals(Integer.toString(version.version()))) {
			return cached;
		}
		// Compiled outside the map's lock: two threads may both compile a new version
		// once, harmlessly.
		String fileName = version.form().id() + "-v" + version.version() + ".json";
		FormTemplate template = loader.load(fileName, version.form().id(), content.apply(version), Map.of());
		if (!template.sha256().equals(version.sha256())) {
			throw new IllegalStateException("the stored content of " + fileName + " of municipality "
					+ version.municipalityId() + " does not match its recorded SHA-256");
		}
		renderer.checkFits(template);
		FormTemplate installedVersion = template.asInstalledVersion(version.version());
		installed.put(key, installedVersion);
		return installedVersion;
	}

	/** The built-in template's version, as recorded on each document made from it. */
	public String templateVersion(FormId form) {
		return defaults.version(form);
	}

	/**
	 * One document for one person with the built-in template, e.g. a walk-in at the
	 * counter.
	 */
	public GeneratedDocument generate(FormId form, Applicant applicant, MunicipalitySettings municipality,
			LocalDate issueDate) {
		return generate(defaults, form, applicant, municipality, issueDate);
	}

	/** One document for one person with the municipality's templates. */
	public GeneratedDocument generate(TemplateSet templates, FormId form, Applicant applicant,
			MunicipalitySettings municipality, LocalDate issueDate) {
		FieldValues values = new FieldValues(applicant, municipality, issueDate, DocumentIds.next());
		return documentRenderer.render(form, templates.get(form), values);
	}

	/** The built-in form rendered with the built-in sample applicant, for a preview. */
	public GeneratedDocument preview(FormId form) {
		return preview(defaults, form);
	}

	/**
	 * The municipality's form rendered with the built-in sample applicant, for a preview.
	 */
	public GeneratedDocument preview(TemplateSet templates, FormId form) {
		return documentRenderer.render(form, templates.get(form), FieldCatalog.sample());
	}

	/**
	 * A report as a PDF/A-2b file, e.g. the nightly reconciliation's for the section
	 * head: drawn with the forms' fonts, each embedded as a subset. A character no font
	 * can draw refuses the whole report with {@link FormRefusedException} (naming the
	 * column), as it refuses a document: never a blank box.
	 */
	public byte[] report(ReportDocument report) {
		return renderer.report(report);
	}

	/** The documents this applicant needs, by the rule table. */
	public RequiredForms.Selection formsFor(Applicant applicant) {
		return RequiredForms.forApplicant(applicant);
	}

	/**
	 * Streams a roster's packet to {@code out}: a cover with counts per form, then each
	 * applicant's documents (sorted by facility room, then reading), each set starting on
	 * a fresh sheet for duplex printing. Documents that cannot be printed are listed on
	 * the cover, not drawn.
	 */
	public PacketSummary writePacket(PacketRequest request, OutputStream out) {
		return writePacket(defaults, request, out, true);
	}

	/**
	 * {@link #writePacket(PacketRequest, OutputStream)} with the municipality's
	 * templates.
	 */
	public PacketSummary writePacket(TemplateSet templates, PacketRequest request, OutputStream out) {
		return writePacket(templates, request, out, true);
	}

	/**
	 * Decides and checks every document of a packet without drawing: for the clerk's
	 * overview, and pass 1 of {@link #writePacket}, so that the cover can list what was
	 * refused and the page count (printed in every QR code) is known before the first
	 * page is streamed.
	 */
	public PacketPlan plan(PacketRequest request) {
		return plan(defaults, request);
	}

	/** {@link #plan(PacketRequest)} with the municipality's templates. */
	public PacketPlan plan(TemplateSet templates, PacketRequest request) {
		List<Applicant> applicants = new ArrayList<>(request.applicants());
		applicants.sort(PACKET_ORDER);
		List<PacketPlan.Entry> entries = new ArrayList<>();
		List<String> refusals = new ArrayList<>();
		Map<FormId, Integer> counts = new EnumMap<>(FormId.class);
		int pages = 2;
		for (Applicant applicant : applicants) {
			List<FormId> printable = new ArrayList<>();
			List<String> refused = new ArrayList<>();
			RequiredForms.Selection selection = RequiredForms.forApplicant(applicant);
			if (!selection.valid()) {
				refused.add(applicant.name() + "（" + applicant.id() + "）：手続・申請者・交付方法の組合せが通知の流れにありません（"
						+ selection.invalidReason() + "）");
			}
			FieldValues values = new FieldValues(applicant, request.municipality(), request.issueDate(), "CHECK");
			int applicantPages = 0;
			for (FormId form : selection.forms()) {
				try {
					renderer.validate(templates.get(form), values);
					printable.add(form);
					counts.merge(form, 1, Integer::sum);
					applicantPages += templates.get(form).pages().size();
				}
				catch (FormRefusedException e) {
					refused.add(refusalLine(templates.get(form).title(), applicant, e));
				}
			}
			pages += applicantPages + applicantPages % 2;
			refusals.addAll(refused);
			entries.add(new PacketPlan.Entry(applicant, printable, refused));
		}
		return new PacketPlan(entries, counts, refusals, pages);
	}

	/** The built-in form's title as printed, e.g. for lists in the UI. */
	public String title(FormId form) {
		return defaults.title(form);
	}

	/**
	 * {@code reuseFixedLayers=false} draws every page from scratch: only for the
	 * benchmark.
	 */
	PacketSummary writePacket(PacketRequest request, OutputStream out, boolean reuseFixedLayers) {
		return writePacket(defaults, request, out, reuseFixedLayers);
	}

	private PacketSummary writePacket(TemplateSet templates, PacketRequest request, OutputStream out,
			boolean reuseFixedLayers) {
		String packetId = DocumentIds.next();
		PacketPlan plan = plan(templates, request);
		int pages = plan.pages();
		List<List<FieldValues>> documentValues = new ArrayList<>();
		for (PacketPlan.Entry entry : plan.entries()) {
			List<FieldValues> values = new ArrayList<>();
			for (int i = 0; i < entry.forms().size(); i++) {
				values.add(new FieldValues(entry.applicant(), request.municipality(), request.issueDate(),
						DocumentIds.next()));
			}
			documentValues.add(values);
		}
		List<DocumentRecord> records = new ArrayList<>();
		ExecutorService encoder = Executors.newSingleThreadExecutor(r -> {
			Thread thread = new Thread(r, "forms-qr-ahead");
			thread.setDaemon(true);
			return thread;
		});
		try (PacketWriter writer = renderer.openPacket(out, request.title(), reuseFixedLayers)) {
			// The next chunk's QR codes are encoded on the other core while this one is
			// drawn.
			Future<?> ahead = encoder.submit(() -> encodeAhead(templates, writer, plan, documentValues, 0));
			writer.cover(coverLines(templates, request, plan), packetId, pages);
			writer.blankBack(packetId, pages);
			for (int index = 0; index < plan.entries().size(); index++) {
				if (index % AHEAD_CHUNK == 0) {
					await(ahead);
					int next = index + AHEAD_CHUNK;
					ahead = encoder.submit(() -> encodeAhead(templates, writer, plan, documentValues, next));
				}
				PacketPlan.Entry entry = plan.entries().get(index);
				for (int i = 0; i < entry.forms().size(); i++) {
					FormId form = entry.forms().get(i);
					records.add(writer.document(form, templates.get(form), documentValues.get(index).get(i)));
				}
				if (writer.pagesWritten() % 2 == 1) {
					writer.blankBack(packetId, pages);
				}
			}
			await(ahead);
		}
		finally {
			encoder.shutdownNow();
		}
		return new PacketSummary(packetId, pages, plan.countsPerForm(), records);
	}

	private static final int AHEAD_CHUNK = 32;

	private static void encodeAhead(TemplateSet templates, PacketWriter writer, PacketPlan plan,
			List<List<FieldValues>> values, int from) {
		for (int index = from; index < Math.min(from + AHEAD_CHUNK, plan.entries().size()); index++) {
			List<FormId> forms = plan.entries().get(index).forms();
			for (int i = 0; i < forms.size(); i++) {
				writer.encodeAhead(templates.get(forms.get(i)), values.get(index).get(i).documentId());
			}
		}
	}

	private static void await(Future<?> task) {
		try {
			task.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while writing a packet", e);
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("encoding QR codes failed", e.getCause());
		}
	}

	/**
	 * One cover line per refused document, in Japanese, naming the person, the field and
	 * the character.
	 */
	private static String refusalLine(String formTitle, Applicant applicant, FormRefusedException e) {
		String who = applicant.name() + "（" + applicant.id() + "）";
		return e.codePoints() != null
				? formTitle + "：" + who + " の " + e.field() + " に印字できない文字 " + e.codePoints() + " があります"
				: formTitle + "：" + who + " の " + e.field() + " が欄に収まりません";
	}

	private static List<String> coverLines(TemplateSet templates, PacketRequest request, PacketPlan plan) {
		// In form order; new EnumMap<>(Map) refuses an empty map that is no EnumMap (a
		// roster whose applicants need no document).
		Map<FormId, Integer> counts = new EnumMap<>(FormId.class);
		counts.putAll(plan.countsPerForm());
		List<String> refusals = plan.refusals();
		int pages = plan.pages();
		int applicants = plan.entries().size();
		List<String> lines = new ArrayList<>();
		lines.add("申請書類一式　" + request.title());
		lines.add("発行日：" + EraDates.format(request.issueDate()));
		lines.add("発行：" + request.municipality().name() + "　" + request.municipality().department() + "（電話 "
				+ request.municipality().phone() + "）");
		lines.add("対象者：" + applicants + " 名　書類：" + counts.values().stream().mapToInt(Integer::intValue).sum()
				+ " 通　総ページ数：" + pages + "（表紙と白紙の裏面を含む）");
		lines.add("");
		lines.add("書類別の部数");
		counts.forEach((form, count) -> lines.add("・" + templates.get(form).title() + "：" + count + " 通"));
		if (!refusals.isEmpty()) {
			lines.add("");
			lines.add("印刷できなかった書類（" + refusals.size() + " 件）");
			refusals.stream().limit(15).forEach(r -> lines.add("・" + r));
			if (refusals.size() > 15) {
				lines.add("ほか " + (refusals.size() - 15) + " 件");
			}
		}
		lines.add("");
		lines.add("両面印刷してください。各申請者の書類は新しい用紙の表面から始まります。");
		return lines;
	}

	private static final Collator READING = Collator.getInstance(Locale.JAPAN);

	/**
	 * Facility room in natural order (2 before 10), then reading, then id for a stable
	 * order.
	 */
	static final Comparator<Applicant> PACKET_ORDER = Comparator
		.comparing((Applicant a) -> a.facilityRoom() == null ? "" : a.facilityRoom(), FormsEngine::compareNatural)
		.thenComparing(a -> a.nameReading() == null ? "" : a.nameReading(), READING)
		.thenComparing(Applicant::id);

	static int compareNatural(String left, String right) {
		int i = 0;
		int j = 0;
		while (i < left.length() && j < right.length()) {
			char a = left.charAt(i);
			char b = right.charAt(j);
			if (Character.isDigit(a) && Character.isDigit(b)) {
				int endA = i;
				int endB = j;
				while (endA < left.length() && Character.isDigit(left.charAt(endA))) {
					endA++;
				}
				while (endB < right.length() && Character.isDigit(right.charAt(endB))) {
					endB++;
				}
				int byValue = new BigInteger(left.substring(i, endA))
					.compareTo(new BigInteger(right.substring(j, endB)));
				if (byValue != 0) {
					return byValue;
				}
				i = endA;
				j = endB;
			}
			else {
				if (a != b) {
					return Character.compare(a, b);
				}
				i++;
				j++;
			}
		}
		return Integer.compare(left.length() - i, right.length() - j);
	}

}
