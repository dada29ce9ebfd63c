package jp.madoguchi.scans.corpus;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import jp.madoguchi.forms.Applicant;
import jp.madoguchi.forms.DocumentRecord;
import jp.madoguchi.forms.FormId;
import jp.madoguchi.forms.FormsEngine;
import jp.madoguchi.forms.GeneratedDocument;
import jp.madoguchi.forms.PacketRequest;
import jp.madoguchi.forms.PacketSummary;
import jp.madoguchi.forms.Region;
import jp.madoguchi.forms.internal.pdf.DocumentIds;
import jp.madoguchi.forms.internal.template.FormTemplate;
import jp.madoguchi.scans.reading.ReferencePage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The scan corpus the suite builds itself: generated documents and packets, filled in
 * (signed, sealed, or not) and scanned at several resolutions with the effects of an
 * office multifunction printer, in shuffled order, with the truth of every page.
 *
 * <p>
 * Building plans the pages (documents are generated, nothing is rendered); {@link #pages}
 * renders each printed page once per dpi, reuses it for all its scans and as the unsigned
 * reference, and makes the scans one at a time, so memory stays bounded. Everything but
 * the document ids (random by design of the forms engine) is the same on every run: the
 * fills, effects and order come from {@link Random}s with fixed seeds.
 */
public final class ScanCorpus {

	public static final long SEED = 20261130L;

	/** Half the pages unsigned, the other half signed in three ways. */
	private static final Fill[] FILLS = { Fill.NOTHING, Fill.SIGNATURE_AND_SEAL, Fill.NOTHING, Fill.SIGNATURE_ONLY,
			Fill.NOTHING, Fill.SEAL_ONLY };

	private static final int[] JPEG_QUALITIES = { 50, 60, 75, 90 };

	private static final float MM = 72f / 25.4f;

	/** A printed PDF whose pages are scanned. */
	record Source(String key, byte[] pdf) {
	}

	/** How to make one scanned page. */
	record Plan(PageTruth truth, Source source, int sourcePage, long seed, String sealText, List<String> foreignQr) {
	}

	/** What a verified payload names. */
	public record Match(String id, int page, int pages, boolean packet) {
	}

	private final List<Plan> plans;

	private final Map<String, DocumentRecord> documents;

	private final Map<String, Integer> packets;

	private ScanCorpus(List<Plan> plans, Map<String, DocumentRecord> documents, Map<String, Integer> packets) {
		this.plans = List.copyOf(plans);
		this.documents = Collections.unmodifiableMap(documents);
		this.packets = Collections.unmodifiableMap(packets);
	}

	/**
	 * The standard corpus (170 pages): the seven signable forms, each scanned seven times
	 * (filled in differently) at 150 and 200 dpi and four times at 300 dpi, a two-person
	 * packet per dpi, four blank backs and two pages that are no form per dpi.
	 */
	public static ScanCorpus standard() {
		return builder().build();
	}

	public static Builder builder() {
		return new Builder();
	}

	public int size() {
		return plans.size();
	}

	/** The truth of every page, in corpus order. */
	public List<PageTruth> truths() {
		return plans.stream().map(Plan::truth).toList();
	}

	/** Every document printed for the corpus, by id. */
	public Map<String, DocumentRecord> documents() {
		return documents;
	}

	/** Every packet printed for the corpus: id → pages. */
	public Map<String, Integer> packets() {
		return packets;
	}

	/**
	 * What a QR payload names, if its integrity code verifies against a document or
	 * packet of this corpus; empty for anything else (unknown id, wrong code, foreign
	 * text).
	 */
	public Optional<Match> verify(String payload) {
		return Payloads.parse(payload).flatMap(parsed -> {
			DocumentRecord record = documents.get(parsed.id());
			if (record != null) {
				return parsed.pages() == record.pages() && parsed.verifies(record.sha256())
						? Optional.of(new Match(parsed.id(), parsed.page(), parsed.pages(), false)) : Optional.empty();
			}
			Integer pages = packets.get(parsed.id());
			if (pages != null) {
				return parsed.pages() == pages && parsed.verifies("packet")
						? Optional.of(new Match(parsed.id(), parsed.page(), parsed.pages(), true)) : Optional.empty();
			}
			return Optional.empty();
		});
	}

	/**
	 * The scanned pages in corpus order, made lazily one at a time (about 0.1 to 0.5 s
	 * each at 300 dpi). Not thread-safe: consume the stream on one thread.
	 */
	public Stream<ScannedPage> pages() {
		return StreamSupport.stream(Spliterators.spliterator(new Maker(), plans.size(),
				Spliterator.ORDERED | Spliterator.SIZED | Spliterator.NONNULL), false);
	}

	/** Makes pages in order, rendering each printed page once per dpi. */
	private final class Maker implements Iterator<ScannedPage> {

		private int next;

		private int dpi = -1;

		private final Map<String, PDFRenderer> renderers = new HashMap<>();

		private final List<PDDocument> open = new ArrayList<>();

		private final Map<String, BufferedImage> clean = new HashMap<>();

		@Override
		public boolean hasNext() {
			if (next < plans.size()) {
				return true;
			}
			release();
			return false;
		}

		@Override
		public ScannedPage next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			Plan plan = plans.get(next++);
			int planDpi = plan.truth().effects().dpi();
			if (planDpi != dpi) {
				release();
				dpi = planDpi;
			}
			BufferedImage printed = plan.source() == null ? null
					: clean.computeIfAbsent(plan.source().key() + "#" + plan.sourcePage(),
							key -> ScanSimulator.render(renderer(plan.source()), plan.sourcePage(), dpi));
			return make(plan, printed);
		}

		private PDFRenderer renderer(Source source) {
			return renderers.computeIfAbsent(source.key(), key -> {
				try {
					PDDocument document = Loader.loadPDF(source.pdf());
					open.add(document);
					return new PDFRenderer(document);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}

		private void release() {
			for (PDDocument document : open) {
				try {
					document.close();
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
			open.clear();
			renderers.clear();
			clean.clear();
		}

	}

	/** One scan from its plan and the printed page rendered at the scan's dpi. */
	static ScannedPage make(Plan plan, BufferedImage printed) {
		PageTruth truth = plan.truth();
		Effects effects = truth.effects();
		Random random = new Random(plan.seed());
		int dpi = effects.dpi();
		ScanSimulator.Scan scan;
		ReferencePage reference = null;
		switch (truth.kind()) {
			case FORM -> {
				BufferedImage filled = ScanSimulator.fill(printed, effects.colour() == ColourMode.COLOUR, dpi,
						truth.pageHeightPoints(), truth.boxes(), truth.qrBoxes(), effects.qrStroke(), plan.sealText(),
						random);
				scan = ScanSimulator.scan(filled, effects, random);
				reference = new ReferencePage(printed, dpi, truth.pageHeightPoints());
			}
			case COVER, PACKET_BACK -> scan = ScanSimulator.scan(printed, effects, random);
			case BLANK -> scan = ScanSimulator.scan(ScanSimulator.blankBack(printed, 0.03 + random.nextDouble() * 0.07),
					effects, random);
			case NOT_A_FORM ->
				scan = ScanSimulator.scan(ScanSimulator.notAForm(dpi, plan.foreignQr(), random), effects, random);
			default -> throw new IllegalStateException();
		}
		return new ScannedPage(truth, scan.image(), scan.jpeg(), reference);
	}

	/** Random scanner effects, from the mix an office sees. */
	static Effects randomEffects(int dpi, Random random, boolean formPage) {
		double pick = random.nextDouble();
		ColourMode colour = pick < 0.2 ? ColourMode.COLOUR : pick < 0.55 ? ColourMode.GREY : pick < 0.75
				? ColourMode.BLACK_WHITE : pick < 0.9 ? ColourMode.DITHER_DIFFUSION : ColourMode.DITHER_ORDERED;
		double skew = random.nextDouble() < 0.8 ? random.nextDouble() * 10 - 5 : 0;
		boolean upsideDown = random.nextDouble() < 0.25;
		double shiftX = (random.nextDouble() - 0.5) * 4;
		double shiftY = (random.nextDouble() - 0.5) * 4;
		int jpeg = colour.binary() || random.nextDouble() < 0.25 ? 0
				: JPEG_QUALITIES[random.nextInt(JPEG_QUALITIES.length)];
		double noise = random.nextDouble() * 7;
		int dust = random.nextInt(25);
		QrStroke stroke = formPage && random.nextDouble() < 0.25
				? (random.nextBoolean() ? QrStroke.FIRST : QrStroke.SECOND) : QrStroke.NONE;
		return new Effects(dpi, colour, skew, upsideDown, shiftX, shiftY, jpeg, noise, dust, stroke);
	}

	/**
	 * Random scanner effects for a form page in an image-only PDF: as
	 * {@link #randomEffects}, but grey and colour pages always as JPEG (75 when the mix
	 * chose none), the way a scanner saves them in a PDF.
	 */
	static Effects pdfScannerEffects(int dpi, Random random) {
		Effects effects = randomEffects(dpi, random, true);
		if (effects.colour().binary() || effects.jpegQuality() != 0) {
			return effects;
		}
		return new Effects(dpi, effects.colour(), effects.skewDegrees(), effects.upsideDown(), effects.shiftXmm(),
				effects.shiftYmm(), 75, effects.noise(), effects.dust(), effects.qrStroke());
	}

	/** The QR boxes the engine prints on its own pages (cover, blank backs). */
	static List<Region> packetQrBoxes(int page) {
		return List.of(new Region(page, Region.Kind.QR, 185 * MM, FormTemplate.PAGE_HEIGHT - 25 * MM, 17 * MM, 17 * MM),
				new Region(page, Region.Kind.QR, 8 * MM, FormTemplate.PAGE_HEIGHT - 289 * MM, 17 * MM, 17 * MM));
	}

	/** The truth of page {@code page} of a document, filled in as {@code fill} says. */
	static PageTruth formTruth(DocumentRecord record, int page, Fill fill, Effects effects) {
		List<Region> qr = new ArrayList<>();
		List<BoxTruth> boxes = new ArrayList<>();
		for (Region region : record.regions()) {
			if (region.page() != page) {
				continue;
			}
			switch (region.kind()) {
				case QR -> qr.add(region);
				case SIGNATURE -> boxes.add(new BoxTruth(region, fill.signature()));
				case SEAL -> boxes.add(new BoxTruth(region, fill.seal()));
			}
		}
		Effects applied = qr.size() == 2 ? effects : effects.withQrStroke(QrStroke.NONE);
		return new PageTruth(0, PageKind.FORM, record.id(), record.form(), page, record.pages(), record.sha256(), qr,
				boxes, CorpusForms.PAGE_HEIGHT_POINTS, applied);
	}

	/** Chooses and counts what goes into a corpus. */
	public static final class Builder {

		private long seed = SEED;

		private int[] dpis = { 150, 200, 300 };

		private List<FormId> forms = CorpusForms.SIGNABLE;

		/** Null: seven scans per document below 300 dpi, four at 300 dpi and more. */
		private Integer scansPerDocument;

		private int packetsPerDpi = 1;

		private int blankBacksPerDpi = 4;

		private int notFormsPerDpi = 2;

		private Builder() {
		}

		public Builder seed(long value) {
			this.seed = value;
			return this;
		}

		public Builder dpis(int... values) {
			this.dpis = values.clone();
			return this;
		}

		/**
		 * The forms printed as single documents at each dpi (default: the signable ones).
		 */
		public Builder forms(List<FormId> values) {
			this.forms = List.copyOf(values);
			return this;
		}

		/**
		 * How often each single document is scanned at each dpi, filled in differently.
		 */
		public Builder scansPerDocument(int value) {
			this.scansPerDocument = value;
			return this;
		}

		public Builder packetsPerDpi(int value) {
			this.packetsPerDpi = value;
			return this;
		}

		public Builder blankBacksPerDpi(int value) {
			this.blankBacksPerDpi = value;
			return this;
		}

		public Builder notFormsPerDpi(int value) {
			this.notFormsPerDpi = value;
			return this;
		}

		public ScanCorpus build() {
			FormsEngine engine = CorpusForms.engine();
			Random random = new Random(seed);
			List<Plan> all = new ArrayList<>();
			Map<String, DocumentRecord> documents = new LinkedHashMap<>();
			Map<String, Integer> packets = new LinkedHashMap<>();
			List<Applicant> people = CorpusForms.APPLICANTS;
			int fillIndex = 0;
			for (int k = 0; k < dpis.length; k++) {
				int dpi = dpis[k];
				List<Plan> group = new ArrayList<>();
				List<Plan> fronts = new ArrayList<>();
				for (int f = 0; f < forms.size(); f++) {
					Applicant applicant = people.get((k + f) % people.size());
					GeneratedDocument document = engine.generate(forms.get(f), applicant, CorpusForms.TAKAHASHI,
							CorpusForms.ISSUE_DATE);
					DocumentRecord record = document.record();
					documents.put(record.id(), record);
					Source source = new Source(record.id(), document.pdf());
					for (int page = 1; page <= record.pages(); page++) {
						int scans = scansPerDocument != null ? scansPerDocument : dpi >= 300 ? 4 : 7;
						for (int v = 0; v < scans; v++) {
							Fill fill = FILLS[fillIndex++ % FILLS.length];
							PageTruth truth = formTruth(record, page, fill, randomEffects(dpi, random, true));
							Plan plan = new Plan(truth, source, page - 1, random.nextLong(),
									CorpusForms.sealText(applicant), List.of());
							group.add(plan);
							if (v == 0) {
								fronts.add(plan);
							}
						}
					}
				}
				for (int p = 0; p < packetsPerDpi; p++) {
					List<Applicant> members = List.of(people.get((k + 2 * p) % people.size()),
							people.get((k + 2 * p + 1) % people.size()));
					ByteArrayOutputStream out = new ByteArrayOutputStream();
					PacketSummary summary = engine.writePacket(new PacketRequest("スキャン試験 " + dpi + "dpi", members,
							CorpusForms.TAKAHASHI, CorpusForms.ISSUE_DATE), out);
					packets.put(summary.packetId(), summary.pages());
					Source source = new Source(summary.packetId(), out.toByteArray());
					Map<String, String> seals = new HashMap<>();
					members.forEach(a -> seals.put(a.id(), CorpusForms.sealText(a)));
					for (PacketPage page : packetPages(summary)) {
						Effects effects = randomEffects(dpi, random, page.record() != null);
						PageTruth truth;
						String sealText = null;
						if (page.record() == null) {
							PageKind kind = page.packetPage() == 1 ? PageKind.COVER : PageKind.PACKET_BACK;
							truth = new PageTruth(0, kind, summary.packetId(), null, page.packetPage(), summary.pages(),
									"packet", packetQrBoxes(page.packetPage()), List.of(),
									CorpusForms.PAGE_HEIGHT_POINTS, effects.withQrStroke(QrStroke.NONE));
						}
						else {
							documents.put(page.record().id(), page.record());
							truth = formTruth(page.record(), page.documentPage(), FILLS[fillIndex++ % FILLS.length],
									effects);
							sealText = seals.get(page.record().applicantId());
						}
						group.add(
								new Plan(truth, source, page.packetPage() - 1, random.nextLong(), sealText, List.of()));
					}
				}
				for (int b = 0; b < blankBacksPerDpi && !fronts.isEmpty(); b++) {
					Plan front = fronts.get(b % fronts.size());
					Effects effects = randomEffects(dpi, random, false);
					PageTruth truth = new PageTruth(0, PageKind.BLANK, null, null, 0, 0, null, List.of(), List.of(),
							CorpusForms.PAGE_HEIGHT_POINTS, effects);
					group.add(new Plan(truth, front.source(), front.sourcePage(), random.nextLong(), null, List.of()));
				}
				for (int n = 0; n < notFormsPerDpi; n++) {
					Effects effects = randomEffects(dpi, random, false);
					PageTruth truth = new PageTruth(0, PageKind.NOT_A_FORM, null, null, 0, 0, null, List.of(),
							List.of(), CorpusForms.PAGE_HEIGHT_POINTS, effects);
					group.add(new Plan(truth, null, 0, random.nextLong(), null, foreignQr(random, documents)));
				}
				Collections.shuffle(group, random);
				for (Plan plan : group) {
					all.add(new Plan(plan.truth().withIndex(all.size()), plan.source(), plan.sourcePage(), plan.seed(),
							plan.sealText(), plan.foreignQr()));
				}
			}
			return new ScanCorpus(all, documents, packets);
		}

	}

	/**
	 * QR codes that must match nothing: a web address, and the payload of a real document
	 * with a wrong integrity code.
	 */
	private static List<String> foreignQr(Random random, Map<String, DocumentRecord> documents) {
		List<String> ids = new ArrayList<>(documents.keySet());
		String id = ids.isEmpty() ? DocumentIds.next() : ids.get(random.nextInt(ids.size()));
		DocumentRecord record = documents.get(id);
		int pages = record == null ? 1 : record.pages();
		String real = record == null ? "" : DocumentIds.integrityCode(id, 1, pages, record.sha256());
		String forged = real.equals("0000") ? "0001" : "0000";
		return List.of("https://www.city.takahashi.okayama.jp/soshiki/5/", "MDG1:" + id + ":1/" + pages + ":" + forged);
	}

	/**
	 * A page of a packet: the cover or a blank back (no record), or a document's page.
	 */
	record PacketPage(int packetPage, DocumentRecord record, int documentPage) {
	}

	/**
	 * The packet's pages in print order, as the engine writes them: cover, blank back,
	 * then each applicant's documents, with a blank back after an odd count.
	 */
	static List<PacketPage> packetPages(PacketSummary summary) {
		List<PacketPage> pages = new ArrayList<>();
		pages.add(new PacketPage(1, null, 0));
		pages.add(new PacketPage(2, null, 0));
		int next = 3;
		String applicant = null;
		for (DocumentRecord record : summary.documents()) {
			if (applicant != null && !applicant.equals(record.applicantId()) && (next - 1) % 2 == 1) {
				pages.add(new PacketPage(next++, null, 0));
			}
			applicant = record.applicantId();
			for (int page = 1; page <= record.pages(); page++) {
				pages.add(new PacketPage(next++, record, page));
			}
		}
		if ((next - 1) % 2 == 1) {
			pages.add(new PacketPage(next++, null, 0));
		}
		if (next - 1 != summary.pages()) {
			throw new IllegalStateException("packet of " + summary.pages() + " pages mapped to " + (next - 1));
		}
		return pages;
	}

}
