package jp.madoguchi.scans.corpus;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import jp.madoguchi.scans.reading.MarkReader;
import jp.madoguchi.scans.reading.PageMarks;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The time of the QR decoding alone ({@link MarkReader#read}) on the pages of a scan file
 * (an image-only PDF as {@link ScanCorpusCli} writes, or a multi-page TIFF): each page's
 * image is decoded from the file untimed, then read timed; over several runs. Prints the
 * median and 90th percentile per page and the pages per second of each run, and how many
 * pages gave at least one code (a sanity check, not an accuracy figure).
 *
 * <pre>
 * java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
 *   jp.madoguchi.scans.corpus.MarkReaderBench /tmp/scan-300dpi-100p.pdf [runs=3]
 * </pre>
 */
public final class MarkReaderBench {

	private MarkReaderBench() {
	}

	/** The page images of a file, decoded one at a time. */
	interface PageSource extends AutoCloseable {

		int pages();

		BufferedImage page(int index) throws IOException;

		@Override
		void close() throws IOException;

	}

	public static void main(String[] args) throws IOException {
		if (args.length < 1) {
			throw new IllegalArgumentException("usage: MarkReaderBench <scan.pdf|scan.tif> [runs=3]");
		}
		Path file = Path.of(args[0]);
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		MarkReader reader = new MarkReader();
		List<Double> perPage = new ArrayList<>();
		double[] pagesPerSecond = new double[runs];
		int withCodes = 0;
		int pages = 0;
		for (int run = 0; run < runs; run++) {
			long readNanos = 0;
			withCodes = 0;
			try (PageSource source = open(file)) {
				pages = source.pages();
				for (int i = 0; i < pages; i++) {
					BufferedImage image = source.page(i);
					long before = System.nanoTime();
					PageMarks marks = reader.read(image);
					long took = System.nanoTime() - before;
					readNanos += took;
					perPage.add(took / 1e6);
					if (!marks.marks().isEmpty()) {
						withCodes++;
					}
				}
			}
			pagesPerSecond[run] = pages / (readNanos / 1e9);
			System.out.printf(Locale.ROOT, "run %d: %d pages, read %.0f ms in all, %.1f pages/s, %d with a code%n",
					run + 1, pages, readNanos / 1e6, pagesPerSecond[run], withCodes);
		}
		double[] sorted = perPage.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		double[] rates = pagesPerSecond.clone();
		Arrays.sort(rates);
		System.out.printf(Locale.ROOT,
				"MarkReader.read on %s: median %.1f ms/page, p90 %.1f ms/page, median of %d runs %.1f pages/s "
						+ "(%d of %d pages with a code)%n",
				file.getFileName(), sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.9)], runs,
				rates[rates.length / 2], withCodes, pages);
	}

	static PageSource open(Path file) throws IOException {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".tif") || name.endsWith(".tiff")) {
			return tiff(file);
		}
		return pdf(file);
	}

	private static PageSource pdf(Path file) throws IOException {
		PDDocument document = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache());
		return new PageSource() {

			@Override
			public int pages() {
				return document.getNumberOfPages();
			}

			@Override
			public BufferedImage page(int index) throws IOException {
				PDPage page = document.getPage(index);
				for (COSName name : page.getResources().getXObjectNames()) {
					PDXObject object = page.getResources().getXObject(name);
					if (object instanceof PDImageXObject image) {
						return image.getImage();
					}
				}
				throw new IOException("page " + (index + 1) + " holds no image");
			}

			@Override
			public void close() throws IOException {
				document.close();
			}

		};
	}

	private static PageSource tiff(Path file) throws IOException {
		ImageInputStream in = ImageIO.createImageInputStream(file.toFile());
		ImageReader reader = ImageIO.getImageReaders(in).next();
		reader.setInput(in);
		int pages = reader.getNumImages(true);
		return new PageSource() {

			@Override
			public int pages() {
				return pages;
			}

			@Override
			public BufferedImage page(int index) throws IOException {
				return reader.read(index);
			}

			@Override
			public void close() throws IOException {
				reader.dispose();
				in.close();
			}

		};
	}

}
