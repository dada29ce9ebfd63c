package jp.madoguchi.scans.corpus;

import java.awt.geom.AffineTransform;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jp.madoguchi.scans.reading.MarkReader;
import jp.madoguchi.scans.reading.PageGeometry;
import jp.madoguchi.scans.reading.PageMarks;
import jp.madoguchi.scans.reading.QrMark;
import jp.madoguchi.scans.reading.SignatureJudge;
import jp.madoguchi.scans.reading.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

/**
 * The targets on the corpus the suite builds itself: every page at 200 dpi and
 * more matched, no page ever matched to the wrong document, signatures and seals judged
 * right on at least 99% of boxes and pages with no unsigned one called signed. Prints a
 * table per dpi and effect and writes it to {@code target/scan-corpus-report.txt}; the
 * 150-dpi figures are reported, not held to 100%.
 *
 * <p>
 * Pages are made on a second thread while this one reads, so that the two cores share the
 * work.
 */
class ScanCorpusAccuracyTest {

	static final Path REPORT = Path.of("target", "scan-corpus-report.txt");

	/** What the reader made of one page. */
	record Outcome(PageTruth truth, boolean matched, List<String> wrong, boolean calledBlank, List<BoxOutcome> boxes,
			boolean placed, long readNanos) {

		boolean identifiable() {
			return truth.kind() == PageKind.FORM || truth.kind().packetPage();
		}

		/** Page verdict: signed if a box is, unsigned if every box is, else unclear. */
		Verdict pageVerdict() {
			if (boxes.stream().anyMatch(b -> b.verdict() == Verdict.SIGNED)) {
				return Verdict.SIGNED;
			}
			return boxes.stream().allMatch(b -> b.verdict() == Verdict.UNSIGNED) ? Verdict.UNSIGNED : Verdict.UNCLEAR;
		}

		boolean pageRight() {
			return pageVerdict() == (truth.signed() ? Verdict.SIGNED : Verdict.UNSIGNED);
		}

		boolean pageUnsignedCalledSigned() {
			return !truth.signed() && pageVerdict() == Verdict.SIGNED;
		}

	}

	/** The verdict on one box; null when the page could not be read or placed. */
	record BoxOutcome(BoxTruth truth, Verdict verdict, double score) {

		boolean right() {
			return verdict == (truth.signed() ? Verdict.SIGNED : Verdict.UNSIGNED);
		}

		boolean unsignedCalledSigned() {
			return !truth.signed() && verdict == Verdict.SIGNED;
		}

	}

	private final MarkReader reader = new MarkReader();

	private final SignatureJudge judge = new SignatureJudge();

	@Test
	void theReaderMeetsTheTargetsOnTheCorpus() throws Exception {
		long start = System.nanoTime();
		ScanCorpus corpus = ScanCorpus.standard();
		List<Outcome> outcomes = new ArrayList<>();
		long built = System.nanoTime();
		long makeNanos = forEachPageMadeAhead(corpus, page -> outcomes.add(evaluate(corpus, page)));
		long readNanos = outcomes.stream().mapToLong(Outcome::readNanos).sum();
		String report = report(outcomes,
				String.format(Locale.ROOT,
						"%.1f s: corpus planned in %.1f s, pages made in %.1f s on a second thread, "
								+ "MarkReader.read %.1f s",
						(System.nanoTime() - start) / 1e9, (built - start) / 1e9, makeNanos / 1e9, readNanos / 1e9));
		Files.createDirectories(REPORT.getParent());
		Files.writeString(REPORT, report, StandardCharsets.UTF_8);
		System.out.println(report);

		Predicate<Outcome> atLeast200 = o -> o.truth().effects().dpi() >= 200;
		List<Outcome> wrong = outcomes.stream().filter(o -> !o.wrong().isEmpty()).toList();
		List<Outcome> unmatched = outcomes.stream()
			.filter(atLeast200.and(Outcome::identifiable))
			.filter(o -> !o.matched())
			.toList();
		List<BoxOutcome> boxes = outcomes.stream().filter(atLeast200).flatMap(o -> o.boxes().stream()).toList();
		List<Outcome> signable = outcomes.stream().filter(atLeast200).filter(o -> !o.boxes().isEmpty()).toList();
		List<Outcome> unsignedCalledSigned = outcomes.stream()
			.filter(o -> o.boxes().stream().anyMatch(BoxOutcome::unsignedCalledSigned))
			.toList();
		List<Outcome> formsCalledBlank = outcomes.stream()
			.filter(o -> o.truth().kind() != PageKind.BLANK && o.calledBlank())
			.toList();
		List<Outcome> blanksMissed = outcomes.stream()
			.filter(atLeast200)
			.filter(o -> o.truth().kind() == PageKind.BLANK && !o.calledBlank())
			.toList();
		assertAll(() -> assertThat(outcomes).as("pages read").hasSize(corpus.size()),
				() -> assertThat(describe(wrong)).as("pages matched to the wrong document (any dpi)").isEmpty(),
				() -> assertThat(describe(unsignedCalledSigned)).as("unsigned boxes called SIGNED (any dpi)").isEmpty(),
				() -> assertThat(describe(unmatched)).as("pages at ≥ 200 dpi not matched").isEmpty(),
				() -> assertThat(share(boxes, BoxOutcome::right)).as("boxes judged right at ≥ 200 dpi")
					.isGreaterThanOrEqualTo(0.99),
				() -> assertThat(share(signable, Outcome::pageRight)).as("signed/unsigned pages right at ≥ 200 dpi")
					.isGreaterThanOrEqualTo(0.99),
				() -> assertThat(describe(formsCalledBlank)).as("printed pages called blank (any dpi)").isEmpty(),
				() -> assertThat(describe(blanksMissed)).as("blank backs at ≥ 200 dpi not recognised").isEmpty());
	}

	/**
	 * Makes the pages on another thread, two ahead, and hands them to {@code action};
	 * returns the time spent making them.
	 */
	static long forEachPageMadeAhead(ScanCorpus corpus, PageAction action) throws Exception {
		BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
		Object end = new Object();
		AtomicLong making = new AtomicLong();
		Thread maker = Thread.ofPlatform().name("scan-corpus-maker").daemon().start(() -> {
			try {
				Iterator<ScannedPage> pages = corpus.pages().iterator();
				while (true) {
					long before = System.nanoTime();
					if (!pages.hasNext()) {
						break;
					}
					ScannedPage page = pages.next();
					making.addAndGet(System.nanoTime() - before);
					queue.put(page);
				}
				queue.put(end);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException | Error e) {
				try {
					queue.put(e);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
				}
			}
		});
		try {
			while (true) {
				Object next = queue.poll(5, TimeUnit.MINUTES);
				if (next == null) {
					throw new IllegalStateException("no page made in 5 minutes");
				}
				if (next == end) {
					return making.get();
				}
				if (next instanceof Throwable failure) {
					throw new IllegalStateException("making a page failed", failure);
				}
				action.accept((ScannedPage) next);
			}
		}
		finally {
			maker.interrupt();
		}
	}

	@FunctionalInterface
	interface PageAction {

		void accept(ScannedPage page) throws Exception;

	}

	private Outcome evaluate(ScanCorpus corpus, ScannedPage page) {
		PageTruth truth = page.truth();
		long before = System.nanoTime();
		PageMarks marks = reader.read(page.image());
		long readNanos = System.nanoTime() - before;
		boolean matched = false;
		List<String> wrong = new ArrayList<>();
		List<QrMark> own = new ArrayList<>();
		for (QrMark mark : marks.marks()) {
			Optional<ScanCorpus.Match> match = corpus.verify(mark.payload());
			if (match.isEmpty()) {
				continue;
			}
			ScanCorpus.Match m = match.get();
			if (m.id().equals(truth.id()) && m.page() == truth.page()) {
				matched = true;
				own.add(mark);
			}
			else {
				wrong.add(mark.payload());
			}
		}
		List<BoxOutcome> boxes = new ArrayList<>();
		boolean placed = false;
		if (truth.kind() == PageKind.FORM) {
			Optional<AffineTransform> geometry = own.isEmpty() ? Optional.empty()
					: PageGeometry.fit(own, truth.qrBoxes(), page.image().getWidth(), page.image().getHeight());
			placed = geometry.isPresent();
			for (BoxTruth box : truth.boxes()) {
				if (geometry.isEmpty()) {
					boxes.add(new BoxOutcome(box, null, 0));
				}
				else {
					var judgement = judge.judge(page.image(), geometry.get(), box.region(), page.reference());
					boxes.add(new BoxOutcome(box, judgement.verdict(), judgement.score()));
				}
			}
		}
		return new Outcome(truth, matched, wrong, marks.blank(), boxes, placed, readNanos);
	}

	// ------------------------------------------------------------------ the report

	private static String report(List<Outcome> outcomes, String timing) {
		StringBuilder out = new StringBuilder();
		out.append("Scan corpus accuracy: ").append(outcomes.size()).append(" pages in ").append(timing).append('\n');
		out.append(String.format(Locale.ROOT, "%-22s %5s %5s %8s %5s %6s %8s %8s %7s %7s %8s %7s %7s%n", "dpi / effect",
				"pages", "ids", "matched", "wrong", "boxes", "boxRight", "pageRight", "unsig→S", "unclear", "noGeom",
				"blanks", "read ms"));
		Map<Integer, List<Outcome>> byDpi = new TreeMap<>(
				outcomes.stream().collect(Collectors.groupingBy(o -> o.truth().effects().dpi())));
		byDpi.forEach((dpi, pages) -> {
			out.append(row(dpi + " dpi, all", pages));
			Map<String, List<Outcome>> byLabel = new LinkedHashMap<>();
			for (Outcome o : pages) {
				byLabel
					.computeIfAbsent("  kind " + o.truth().kind().name().toLowerCase(Locale.ROOT),
							key -> new ArrayList<>())
					.add(o);
			}
			for (Outcome o : pages) {
				for (String label : o.truth().effects().labels()) {
					byLabel.computeIfAbsent("  " + label, key -> new ArrayList<>()).add(o);
				}
			}
			new TreeMap<>(byLabel).forEach((label, group) -> out.append(row(label, group)));
		});
		out.append(row("all dpi", outcomes));
		out.append("\nids = pages carrying our QR codes (forms, covers, packet backs); matched = of those, ")
			.append("read and verified;\nwrong = pages with a verified code of another page; boxRight / pageRight = ")
			.append("signature and seal verdicts right (UNCLEAR is not right);\nunsig→S = unsigned boxes called SIGNED; ")
			.append("noGeom = matched form pages the geometry could not place;\nblanks = blank backs recognised / blank backs.\n")
			.append("Held to: at every dpi no wrong match, no unsigned box called SIGNED, no printed page called blank; ")
			.append("at ≥ 200 dpi also 100% matched, ≥ 99% boxes and pages right, every blank back recognised.\n")
			.append("150 dpi is reported only.\n");
		List<Outcome> failures = outcomes.stream()
			.filter(o -> (o.identifiable() && !o.matched()) || !o.wrong().isEmpty()
					|| o.boxes().stream().anyMatch(b -> !b.right()))
			.toList();
		if (!failures.isEmpty()) {
			out.append("\nPages not fully right:\n");
			failures.stream().limit(60).forEach(o -> out.append("  ").append(explain(o)).append('\n'));
			if (failures.size() > 60) {
				out.append("  … ").append(failures.size() - 60).append(" more\n");
			}
		}
		return out.toString();
	}

	private static String row(String label, List<Outcome> pages) {
		List<Outcome> ids = pages.stream().filter(Outcome::identifiable).toList();
		List<BoxOutcome> boxes = pages.stream().flatMap(o -> o.boxes().stream()).toList();
		List<Outcome> signable = pages.stream().filter(o -> !o.boxes().isEmpty()).toList();
		List<Outcome> blanks = pages.stream().filter(o -> o.truth().kind() == PageKind.BLANK).toList();
		long matchedForms = pages.stream().filter(o -> o.truth().kind() == PageKind.FORM && o.matched()).count();
		long placed = pages.stream()
			.filter(o -> o.truth().kind() == PageKind.FORM && o.matched() && o.placed())
			.count();
		double[] reads = pages.stream().mapToDouble(o -> o.readNanos() / 1e6).sorted().toArray();
		return String.format(Locale.ROOT, "%-22s %5d %5d %8s %5d %6d %8s %9s %7d %7d %8d %7s %7.1f%n", label,
				pages.size(), ids.size(), percent(share(ids, Outcome::matched), ids.size()),
				pages.stream().filter(o -> !o.wrong().isEmpty()).count(), boxes.size(),
				percent(share(boxes, BoxOutcome::right), boxes.size()),
				percent(share(signable, Outcome::pageRight), signable.size()),
				boxes.stream().filter(BoxOutcome::unsignedCalledSigned).count(),
				boxes.stream().filter(b -> b.verdict() == Verdict.UNCLEAR).count(), matchedForms - placed,
				blanks.stream().filter(Outcome::calledBlank).count() + "/" + blanks.size(),
				reads.length == 0 ? 0 : reads[reads.length / 2]);
	}

	private static String explain(Outcome o) {
		String boxes = o.boxes()
			.stream()
			.map(b -> b.truth().region().kind() + ":" + b.truth().mark() + "→"
					+ (b.verdict() == null ? "unplaced"
							: b.verdict() + String.format(Locale.ROOT, "(%.3f)", b.score())))
			.collect(Collectors.joining(" "));
		return o.truth().describe() + " matched=" + o.matched() + (o.wrong().isEmpty() ? "" : " WRONG=" + o.wrong())
				+ (boxes.isEmpty() ? "" : " " + boxes);
	}

	private static <T> double share(List<T> items, Predicate<T> good) {
		return items.isEmpty() ? 1 : items.stream().filter(good).count() / (double) items.size();
	}

	private static String percent(double share, int count) {
		return count == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", share * 100);
	}

	private static List<String> describe(List<Outcome> outcomes) {
		return outcomes.stream().map(ScanCorpusAccuracyTest::explain).toList();
	}

}
