package jp.madoguchi.scans.corpus;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jp.madoguchi.forms.DocumentRecord;
import jp.madoguchi.forms.FormId;
import jp.madoguchi.forms.GeneratedDocument;
import jp.madoguchi.forms.Region;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The corpus itself, without the reader: its composition, that it is the same on every
 * run, that the truth names what is printed where it says, that the fills put ink where
 * the truth says, and that the file writers produce what scanners produce.
 */
class ScanCorpusTest {

	@Test
	void theStandardCorpusHoldsTheMixTheIssueAsksFor() {
		ScanCorpus corpus = ScanCorpus.standard();
		List<PageTruth> pages = corpus.truths();
		assertThat(pages).hasSizeGreaterThanOrEqualTo(100);
		assertThat(pages.stream().map(PageTruth::kind).collect(Collectors.toSet()))
			.isEqualTo(EnumSet.allOf(PageKind.class));
		for (int dpi : new int[] { 150, 200, 300 }) {
			List<PageTruth> atDpi = pages.stream().filter(p -> p.effects().dpi() == dpi).toList();
			assertThat(atDpi.stream().map(p -> p.effects().colour()).collect(Collectors.toSet())).as("%d dpi", dpi)
				.isEqualTo(EnumSet.allOf(ColourMode.class));
			assertThat(atDpi).as("%d dpi upside down", dpi).anyMatch(p -> p.effects().upsideDown());
			assertThat(atDpi).as("%d dpi skewed past 4°", dpi).anyMatch(p -> Math.abs(p.effects().skewDegrees()) > 4);
			assertThat(atDpi).as("%d dpi JPEG 50", dpi).anyMatch(p -> p.effects().jpegQuality() == 50);
			assertThat(atDpi).as("%d dpi a struck QR", dpi).anyMatch(p -> p.effects().qrStroke() != QrStroke.NONE);
			assertThat(atDpi.stream().filter(p -> p.kind() == PageKind.FORM).map(PageTruth::form))
				.as("%d dpi forms", dpi)
				.containsAll(CorpusForms.SIGNABLE);
		}
		assertThat(pages).allMatch(p -> Math.abs(p.effects().skewDegrees()) <= 5);
		assertThat(pages).allMatch(p -> p.effects().jpegQuality() == 0 || p.effects().jpegQuality() >= 50);
		List<PageTruth> signable = pages.stream().filter(p -> !p.boxes().isEmpty()).toList();
		long signed = signable.stream().filter(PageTruth::signed).count();
		assertThat(signed / (double) signable.size()).as("signed share of signable pages").isBetween(0.4, 0.6);
		Set<BoxMark> marks = signable.stream()
			.flatMap(p -> p.boxes().stream())
			.map(BoxTruth::mark)
			.collect(Collectors.toSet());
		assertThat(marks).isEqualTo(EnumSet.allOf(BoxMark.class));
		// every payload printed verifies, and only against its own page
		for (PageTruth page : pages) {
			if (page.id() != null) {
				assertThat(corpus.verify(page.payload())).as(page.describe())
					.hasValue(new ScanCorpus.Match(page.id(), page.page(), page.pages(), page.kind().packetPage()));
			}
		}
		assertThat(corpus.verify("MDG1:0000000000:1/1:0000")).isEmpty();
	}

	@Test
	void theCorpusIsTheSameOnEveryRunButForTheDocumentIds() {
		List<String> first = ScanCorpus.standard().truths().stream().map(ScanCorpusTest::withoutIds).toList();
		List<String> second = ScanCorpus.standard().truths().stream().map(ScanCorpusTest::withoutIds).toList();
		assertThat(second).isEqualTo(first);
		ScanCorpus small = small();
		assertThat(digests(small)).isEqualTo(digests(small));
	}

	@Test
	void theTruthNamesTheCodePrintedWhereTheTruthSaysAndTheFillsPutInkWhereItSays() throws Exception {
		GeneratedDocument document = CorpusForms.engine()
			.generate(FormId.MANDATE, CorpusForms.APPLICANTS.get(0), CorpusForms.TAKAHASHI, CorpusForms.ISSUE_DATE);
		DocumentRecord record = document.record();
		int dpi = 200;
		BufferedImage clean;
		try (PDDocument pdf = Loader.loadPDF(document.pdf())) {
			PDPage page = pdf.getPage(0);
			assertThat(page.getMediaBox().getHeight()).isEqualTo(CorpusForms.PAGE_HEIGHT_POINTS);
			clean = ScanSimulator.render(new PDFRenderer(pdf), 0, dpi);
		}
		PageTruth truth = ScanCorpus.formTruth(record, 1, Fill.SIGNATURE_AND_SEAL, Effects.clean(dpi, ColourMode.GREY));
		assertThat(truth.qrBoxes()).hasSize(2);
		for (Region qr : truth.qrBoxes()) {
			assertThat(decode(clean, ScanSimulator.pixels(qr, truth.pageHeightPoints(), dpi))).as("QR at %s", qr)
				.isEqualTo(truth.payload());
		}
		for (Fill fill : Fill.values()) {
			PageTruth filled = ScanCorpus.formTruth(record, 1, fill, Effects.clean(dpi, ColourMode.COLOUR));
			BufferedImage page = ScanSimulator.fill(clean, dpi, filled.pageHeightPoints(), filled.boxes(),
					filled.qrBoxes(), QrStroke.NONE, "山田", new Random(7));
			for (BoxTruth box : filled.boxes()) {
				Rectangle2D area = ScanSimulator.pixels(box.region(), filled.pageHeightPoints(), dpi);
				int changed = changedPixels(clean, page, area);
				int red = redPixels(page, area);
				if (box.signed()) {
					assertThat(changed).as("%s %s", fill, box)
						.isGreaterThan((int) (area.getWidth() * area.getHeight() * 0.01));
				}
				else {
					assertThat(changed).as("%s %s", fill, box).isZero();
				}
				assertThat(red > 50).as("red in %s %s", fill, box).isEqualTo(box.mark() == BoxMark.RED_SEAL);
			}
		}
		// a clean scan keeps the code readable; a struck one is not the clean image
		PageTruth struck = truth.withIndex(0);
		BufferedImage withStroke = ScanSimulator.fill(clean, dpi, struck.pageHeightPoints(), List.of(),
				struck.qrBoxes(), QrStroke.FIRST, "山田", new Random(3));
		Rectangle2D first = ScanSimulator.pixels(struck.qrBoxes().get(0), struck.pageHeightPoints(), dpi);
		assertThat(changedPixels(clean, withStroke, first)).isGreaterThan(100);
		assertThat(changedPixels(clean, withStroke,
				ScanSimulator.pixels(struck.qrBoxes().get(1), struck.pageHeightPoints(), dpi)))
			.isZero();
	}

	@Test
	void theWritersProduceImageOnlyPdfAndMultiPageTiffPageByPage(@TempDir Path folder) throws Exception {
		ScanCorpus small = small();
		List<ScannedPage> pages = small.pages().limit(4).toList();
		Path pdf = folder.resolve("scan.pdf");
		Path tiff = folder.resolve("scan.tif");
		Path truth = folder.resolve("scan.tsv");
		try (ScanPdfWriter pdfWriter = new ScanPdfWriter(pdf);
				ScanTiffWriter tiffWriter = new ScanTiffWriter(tiff);
				TruthFile truthFile = new TruthFile(truth)) {
			for (ScannedPage page : pages) {
				pdfWriter.add(page);
				tiffWriter.add(page);
				truthFile.add(page.truth());
			}
		}
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			assertThat(document.getNumberOfPages()).isEqualTo(pages.size());
			for (int i = 0; i < pages.size(); i++) {
				BufferedImage image = pages.get(i).image();
				PDPage page = document.getPage(i);
				float dpi = pages.get(i).truth().effects().dpi();
				assertThat(page.getMediaBox().getWidth()).isCloseTo(image.getWidth() * 72f / dpi, within(0.5f));
				assertThat(page.getMediaBox().getHeight()).isCloseTo(image.getHeight() * 72f / dpi, within(0.5f));
				assertThat(page.getResources().getXObjectNames()).hasSize(1);
			}
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(tiff.toFile())) {
			ImageReader reader = ImageIO.getImageReaders(in).next();
			reader.setInput(in);
			assertThat(reader.getNumImages(true)).isEqualTo(pages.size());
			for (int i = 0; i < pages.size(); i++) {
				assertThat(reader.getWidth(i)).isEqualTo(pages.get(i).image().getWidth());
			}
			reader.dispose();
		}
		List<String> lines = Files.readAllLines(truth);
		assertThat(lines).hasSize(pages.size() + 1);
		assertThat(lines.get(0)).isEqualTo(TruthFile.HEADER);
		assertThat(lines.get(1)).startsWith("1\t" + pages.get(0).truth().kind().name() + "\t");
		Path png = folder.resolve("one.png");
		Path jpeg = folder.resolve("one.jpg");
		ScanImages.writePng(pages.get(0), png);
		ScanImages.writeJpeg(pages.get(0), jpeg);
		assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(pages.get(0).image().getWidth());
		assertThat(ImageIO.read(jpeg.toFile()).getHeight()).isEqualTo(pages.get(0).image().getHeight());
	}

	/** One dpi, a scan per document, a packet: quick to make. */
	private static ScanCorpus small() {
		return ScanCorpus.builder()
			.dpis(150)
			.forms(List.of(FormId.CONSENT, FormId.MANDATE))
			.scansPerDocument(2)
			.blankBacksPerDpi(1)
			.notFormsPerDpi(1)
			.build();
	}

	private static List<String> digests(ScanCorpus corpus) {
		List<String> digests = new ArrayList<>();
		corpus.pages().forEach(page -> digests.add(digest(page.image())));
		return digests;
	}

	private static String digest(BufferedImage image) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(((DataBufferByte) image.getRaster().getDataBuffer()).getData());
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String withoutIds(PageTruth truth) {
		return truth.kind() + " " + truth.form() + " " + truth.page() + "/" + truth.pages() + " " + truth.boxesText()
				+ " " + truth.effects().describe();
	}

	private static String decode(BufferedImage page, Rectangle2D qr)
			throws NotFoundException, ChecksumException, FormatException {
		int margin = (int) (qr.getWidth() * 0.3);
		int x = Math.max(0, (int) qr.getX() - margin);
		int y = Math.max(0, (int) qr.getY() - margin);
		int w = Math.min(page.getWidth() - x, (int) qr.getWidth() + 2 * margin);
		int h = Math.min(page.getHeight() - y, (int) qr.getHeight() + 2 * margin);
		int[] pixels = page.getRGB(x, y, w, h, null, 0, w);
		Result result = new QRCodeReader().decode(
				new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels))),
				Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
		return result.getText();
	}

	private static int changedPixels(BufferedImage before, BufferedImage after, Rectangle2D area) {
		int changed = 0;
		for (int y = (int) area.getY(); y < (int) area.getMaxY(); y++) {
			for (int x = (int) area.getX(); x < (int) area.getMaxX(); x++) {
				if (raw(before, x, y) != raw(after, x, y)) {
					changed++;
				}
			}
		}
		return changed;
	}

	private static int redPixels(BufferedImage page, Rectangle2D area) {
		int red = 0;
		for (int y = (int) area.getY(); y < (int) area.getMaxY(); y++) {
			for (int x = (int) area.getX(); x < (int) area.getMaxX(); x++) {
				int rgb = raw(page, x, y);
				if (((rgb >> 16) & 0xff) > ((rgb >> 8) & 0xff) + 60) {
					red++;
				}
			}
		}
		return red;
	}

	/**
	 * The pixel's samples as 0xRRGGBB without colour-space conversion (getRGB would
	 * gamma-correct a grey image's values).
	 */
	private static int raw(BufferedImage image, int x, int y) {
		var raster = image.getRaster();
		if (raster.getNumBands() == 1) {
			int v = raster.getSample(x, y, 0);
			return v << 16 | v << 8 | v;
		}
		return raster.getSample(x, y, 0) << 16 | raster.getSample(x, y, 1) << 8 | raster.getSample(x, y, 2);
	}

}
