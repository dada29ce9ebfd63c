package jp.madoguchi.scans.corpus;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import jp.madoguchi.forms.Applicant;
import jp.madoguchi.forms.FormId;
import jp.madoguchi.forms.GeneratedDocument;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Writes a scan file for the benchmark: {@code pages} signed documents (signature and
 * seal, signature only, or seal only; one page each, every one a new document) scanned at
 * one dpi with the corpus's effect mix, as one image-only PDF and optionally a multi-page
 * TIFF, with a truth file. Page by page: memory stays bounded for any count.
 *
 * <pre>
 * mvn -B -q -pl src -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=$PWD/target/bench-classpath.txt
 * java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
 *   jp.madoguchi.scans.corpus.ScanCorpusCli --pages 100 --pdf /tmp/scan-300dpi-100p.pdf [--tiff /tmp/scan.tif]
 *   [--truth /tmp/scan.tsv] [--dpi 300] [--seed 20261130]
 * </pre>
 *
 * Run from the project root (the templates are read from {@code templates/}).
 * {@code bench/scan-corpus.sh} does all of this.
 */
public final class ScanCorpusCli {

	private static final Fill[] SIGNED = { Fill.SIGNATURE_AND_SEAL, Fill.SIGNATURE_ONLY, Fill.SEAL_ONLY };

	private ScanCorpusCli() {
	}

	public static void main(String[] args) throws IOException {
		int pages = 100;
		int dpi = 300;
		long seed = ScanCorpus.SEED;
		Path pdf = null;
		Path tiff = null;
		Path truth = null;
		for (int i = 0; i < args.length; i++) {
			String value = i + 1 < args.length ? args[i + 1] : null;
			switch (args[i]) {
				case "--pages" -> pages = Integer.parseInt(require(args[i], value));
				case "--dpi" -> dpi = Integer.parseInt(require(args[i], value));
				case "--seed" -> seed = Long.parseLong(require(args[i], value));
				case "--pdf" -> pdf = Path.of(require(args[i], value));
				case "--tiff" -> tiff = Path.of(require(args[i], value));
				case "--truth" -> truth = Path.of(require(args[i], value));
				default -> throw usage("unknown argument " + args[i]);
			}
			i++;
		}
		if (pdf == null && tiff == null) {
			throw usage("give --pdf and/or --tiff");
		}
		if (truth == null) {
			Path base = pdf != null ? pdf : tiff;
			truth = base.resolveSibling(base.getFileName() + ".truth.tsv");
		}
		long start = System.nanoTime();
		write(pages, dpi, seed, pdf, tiff, truth);
		System.out.printf(Locale.ROOT, "%d pages at %d dpi in %.1f s%s%s; truth %s%n", pages, dpi,
				(System.nanoTime() - start) / 1e9,
				pdf == null ? "" : " → " + pdf + " (" + Files.size(pdf) / 1024 + " KiB)",
				tiff == null ? "" : " → " + tiff + " (" + Files.size(tiff) / 1024 + " KiB)", truth);
	}

	/** Writes the files; pages are made and written one at a time. */
	public static void write(int pages, int dpi, long seed, Path pdf, Path tiff, Path truth) throws IOException {
		Random random = new Random(seed);
		List<FormId> forms = CorpusForms.SIGNABLE;
		List<Applicant> people = CorpusForms.APPLICANTS;
		try (ScanPdfWriter pdfWriter = pdf == null ? null : new ScanPdfWriter(pdf);
				ScanTiffWriter tiffWriter = tiff == null ? null : new ScanTiffWriter(tiff);
				TruthFile truthFile = new TruthFile(truth)) {
			for (int i = 0; i < pages; i++) {
				Applicant applicant = people.get((i / forms.size()) % people.size());
				GeneratedDocument document = CorpusForms.engine()
					.generate(forms.get(i % forms.size()), applicant, CorpusForms.TAKAHASHI, CorpusForms.ISSUE_DATE);
				BufferedImage printed;
				try (PDDocument loaded = Loader.loadPDF(document.pdf())) {
					printed = ScanSimulator.render(new PDFRenderer(loaded), 0, dpi);
				}
				Effects effects = ScanCorpus.pdfScannerEffects(dpi, random);
				PageTruth pageTruth = ScanCorpus.formTruth(document.record(), 1, SIGNED[i % SIGNED.length], effects)
					.withIndex(i);
				ScannedPage page = ScanCorpus.make(new ScanCorpus.Plan(pageTruth, null, 0, random.nextLong(),
						CorpusForms.sealText(applicant), new ArrayList<>()), printed);
				if (pdfWriter != null) {
					pdfWriter.add(page);
				}
				if (tiffWriter != null) {
					tiffWriter.add(page);
				}
				truthFile.add(page.truth());
				if ((i + 1) % 50 == 0) {
					System.out.printf(Locale.ROOT, "%d/%d pages%n", i + 1, pages);
				}
			}
		}
	}

	private static String require(String name, String value) {
		if (value == null) {
			throw usage(name + " needs a value");
		}
		return value;
	}

	private static IllegalArgumentException usage(String problem) {
		return new IllegalArgumentException(problem + "; usage: ScanCorpusCli [--pages 100] [--dpi 300] [--seed n] "
				+ "--pdf out.pdf [--tiff out.tif] [--truth out.tsv]");
	}

}
