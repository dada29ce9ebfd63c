package jp.madoguchi.scans.corpus;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

import jp.madoguchi.forms.DocumentRecord;
import jp.madoguchi.forms.FormId;
import jp.madoguchi.forms.Region;
import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Rosters;
import tools.jackson.databind.JsonNode;

/**
 * End to end on a running service ({@code bench/scan-service.sh} starts it): a clerk
 * imports a roster and prints one consent form per person through the API; the forms are
 * filled in (signed, sealed or left empty), scanned at 300 dpi with the corpus's office
 * effect mix and written as one image-only PDF per run; a records officer uploads each
 * file to {@code POST /api/scans}. Prints the seconds and pages per second of each run,
 * the median, and how many pages matched their document.
 *
 * <pre>
 * java -cp ... jp.madoguchi.scans.corpus.ScanServiceBench PORT PAGES RUNS OUT_DIR [DPI]
 * </pre>
 */
public final class ScanServiceBench {

	private static final Fill[] FILLS = { Fill.SIGNATURE_AND_SEAL, Fill.SIGNATURE_ONLY, Fill.NOTHING, Fill.SEAL_ONLY };

	private ScanServiceBench() {
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		int pages = Integer.parseInt(args[1]);
		int runs = Integer.parseInt(args[2]);
		Path out = Files.createDirectories(Path.of(args[3]));
		int dpi = args.length > 4 ? Integer.parseInt(args[4]) : 300;
		int bigPages = args.length > 5 ? Integer.parseInt(args[5]) : 0;
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		ApiClient officer = new ApiClient(port, "officer", "demo");

		Random random = new Random(ScanCorpus.SEED);
		int warmUpPages = Math.min(pages, 10);
		long[] caseIds = importCases(clerk, pages * runs + warmUpPages);
		// A warm-up file first (not timed): the JIT, the first reference rendering.
		Path warmUp = out.resolve("scan-warm-up.pdf");
		writeScan(clerk, Arrays.copyOfRange(caseIds, pages * runs, caseIds.length), warmUp, dpi, random);
		upload(officer, warmUp);
		List<Path> files = new ArrayList<>();
		for (int run = 0; run < runs; run++) {
			Path file = out.resolve("scan-run" + (run + 1) + ".pdf");
			writeScan(clerk, Arrays.copyOfRange(caseIds, run * pages, (run + 1) * pages), file, dpi, random);
			files.add(file);
			System.out.printf(Locale.ROOT, "run %d: %d pages, %d KiB%n", run + 1, pages, Files.size(file) / 1024);
		}

		double[] seconds = new double[runs];
		for (int run = 0; run < runs; run++) {
			long start = System.nanoTime();
			JsonNode result = upload(officer, files.get(run));
			seconds[run] = (System.nanoTime() - start) / 1e9;
			int matched = 0;
			for (JsonNode d : result.get("documents")) {
				matched += d.get("pages").size();
			}
			System.out.printf(Locale.ROOT, "run %d: %.2f s, %.2f pages/s; matched %d of %d pages, unmatched %d%n",
					run + 1, seconds[run], pages / seconds[run], matched, pages, result.get("unmatchedPages").size());
		}
		double[] sorted = seconds.clone();
		Arrays.sort(sorted);
		double median = sorted[runs / 2];
		System.out.printf(Locale.ROOT, "MEDIAN end to end: %.2f s for %d pages = %.2f pages/s (target >= 8)%n", median,
				pages, pages / median);
		if (bigPages > 0) {
			Path big = out.resolve("scan-big.pdf");
			repeatPages(files, bigPages, big);
			long start = System.nanoTime();
			JsonNode result = upload(officer, big);
			double bigSeconds = (System.nanoTime() - start) / 1e9;
			System.out.printf(Locale.ROOT,
					"BIG: %d pages (%d MiB) in %.1f s = %.2f pages/s; %d documents, %d unmatched%n",
					result.get("pages").asInt(), Files.size(big) >> 20, bigSeconds, bigPages / bigSeconds,
					result.get("documents").size(), result.get("unmatchedPages").size());
		}
	}

	/**
	 * A long file made of the runs' pages over and over (their documents then have
	 * duplicated pages, which is flagged; the work per page is the same).
	 */
	private static void repeatPages(List<Path> files, int count, Path target) throws IOException {
		List<PDDocument> sources = new ArrayList<>();
		try (PDDocument big = new PDDocument()) {
			for (Path file : files) {
				sources.add(Loader.loadPDF(file.toFile()));
			}
			int added = 0;
			while (added < count) {
				for (PDDocument source : sources) {
					for (int i = 0; i < source.getNumberOfPages() && added < count; i++, added++) {
						big.importPage(source.getPage(i));
					}
				}
			}
			big.save(target.toFile());
		}
		finally {
			for (PDDocument source : sources) {
				source.close();
			}
		}
	}

	/** One consent form per case, printed through the API, filled in and scanned. */
	private static void writeScan(ApiClient clerk, long[] caseIds, Path file, int dpi, Random random)
			throws IOException {
		try (ScanPdfWriter writer = new ScanPdfWriter(file)) {
			for (int i = 0; i < caseIds.length; i++) {
				long caseId = caseIds[i];
				byte[] pdf = clerk.post("/api/cases/" + caseId + "/documents?form=consent").body();
				DocumentRecord record = record(clerk.get("/api/cases/" + caseId + "/documents").json().get(0), caseId);
				BufferedImage printed;
				try (PDDocument loaded = Loader.loadPDF(pdf)) {
					printed = ScanSimulator.render(new PDFRenderer(loaded), 0, dpi);
				}
				Effects effects = ScanCorpus.pdfScannerEffects(dpi, random);
				PageTruth truth = ScanCorpus.formTruth(record, 1, FILLS[i % FILLS.length], effects).withIndex(i);
				writer.add(ScanCorpus
					.make(new ScanCorpus.Plan(truth, null, 0, random.nextLong(), "署名", new ArrayList<>()), printed));
			}
		}
	}

	private static JsonNode upload(ApiClient officer, Path file) throws IOException {
		ApiClient.Response response = officer.uploadFile("/api/scans", file.getFileName().toString(),
				Files.readAllBytes(file));
		if (response.status() != 201) {
			throw new IllegalStateException("upload answered " + response.status() + ": " + response.text());
		}
		return response.json();
	}

	private static long[] importCases(ApiClient clerk, int count) {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			rows.add(Rosters.row("性能　試験" + i, "セイノウ　シケン", "S20.1.1", "新規交付（交付時来庁）", "本人"));
		}
		ApiClient.Response created = clerk.upload("bench-" + System.nanoTime() + ".csv", Rosters.csv(rows), false);
		if (created.status() != 201) {
			throw new IllegalStateException("roster answered " + created.status() + ": " + created.text());
		}
		JsonNode cases = clerk.get("/api/rosters/" + created.json().get("id").asLong() + "/cases").json();
		long[] ids = new long[cases.size()];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = cases.get(i).get("id").asLong();
		}
		return ids;
	}

	private static DocumentRecord record(JsonNode d, long caseId) {
		List<Region> regions = new ArrayList<>();
		for (JsonNode r : d.get("regions")) {
			regions.add(new Region(r.get("page").asInt(),
					Region.Kind.valueOf(r.get("kind").asString().toUpperCase(Locale.ROOT)),
					(float) r.get("x").asDouble(), (float) r.get("y").asDouble(), (float) r.get("w").asDouble(),
					(float) r.get("h").asDouble()));
		}
		return new DocumentRecord(d.get("id").asString(), FormId.fromId(d.get("form").asString()),
				Long.toString(caseId), d.get("templateVersion").asString(), d.get("sha256").asString(),
				d.get("pages").asInt(), regions);
	}

}
