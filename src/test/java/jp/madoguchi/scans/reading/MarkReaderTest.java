package jp.madoguchi.scans.reading;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.rendering.ImageType;
import org.junit.jupiter.api.Test;

import jp.madoguchi.forms.GeneratedDocument;
import jp.madoguchi.forms.Region;

import static org.assertj.core.api.Assertions.assertThat;

class MarkReaderTest {

	private final MarkReader reader = new MarkReader();

	private static String payload() {
		return "MDG1:" + TestScans.consent().record().id() + ":1/1:";
	}

	/**
	 * Where the finder centres of both printed codes land on a page rendered at dpi, then
	 * moved by {@code move}.
	 */
	private static List<Point2D> expectedTopLefts(float dpi, AffineTransform move) {
		GeneratedDocument doc = TestScans.consent();
		AffineTransform t = new AffineTransform(move);
		t.concatenate(TestScans.pdfToRendered(dpi));
		return TestScans.regions(doc, 1, Region.Kind.QR)
			.stream()
			.map(box -> t.transform(PageGeometry.finderCentres(box, 25)[0], null))
			.toList();
	}

	private static void assertMarksAt(PageMarks marks, List<Point2D> expected, double tolerance) {
		for (QrMark mark : marks.marks()) {
			assertThat(mark.version()).isEqualTo(2);
			assertThat(mark.payload()).startsWith(payload());
			double nearest = expected.stream().mapToDouble(p -> p.distance(mark.topLeft())).min().orElseThrow();
			assertThat(nearest).as("top-left finder of %s", mark).isLessThan(tolerance);
		}
	}

	@Test
	void readsBothCodesOfACleanPageWhereTheyArePrinted() {
		BufferedImage page = TestScans.render(TestScans.consent(), 1, 300, ImageType.GRAY);
		PageMarks marks = this.reader.read(page);
		assertThat(marks.blank()).isFalse();
		assertThat(marks.marks()).hasSize(2);
		assertMarksAt(marks, expectedTopLefts(300, new AffineTransform()), 3);
		QrMark mark = marks.marks().get(0);
		// in the symbol's own orientation: right of and below the top-left finder
		assertThat(mark.topRight().getX()).isGreaterThan(mark.topLeft().getX() + 100);
		assertThat(mark.bottomLeft().getY()).isGreaterThan(mark.topLeft().getY() + 100);
	}

	@Test
	void readsAnUpsideDownSkewedJpegAt200Dpi() {
		BufferedImage page = TestScans.render(TestScans.consent(), 1, 200, ImageType.GRAY);
		BufferedImage turned = TestScans.rotate(page, 182, Color.WHITE);
		PageMarks marks = this.reader.read(TestScans.jpeg(turned, 0.5f));
		assertThat(marks.marks()).hasSize(2);
		AffineTransform move = AffineTransform.getRotateInstance(Math.toRadians(182), page.getWidth() / 2.0,
				page.getHeight() / 2.0);
		assertMarksAt(marks, expectedTopLefts(200, move), 3);
		QrMark mark = marks.marks().get(0);
		assertThat(mark.topRight().getX()).isLessThan(mark.topLeft().getX());
	}

	@Test
	void readsAPageTurnedByAQuarterAt150Dpi() {
		BufferedImage page = TestScans.render(TestScans.consent(), 1, 150, ImageType.GRAY);
		BufferedImage turned = TestScans.quarter(page);
		PageMarks marks = this.reader.read(turned);
		assertThat(marks.marks()).isNotEmpty();
		AffineTransform move = new AffineTransform(0, 1, -1, 0, page.getHeight(), 0);
		assertMarksAt(marks, expectedTopLefts(150, move), 3);
	}

	@Test
	void readsColourNoisyAndSkewedPages() {
		BufferedImage colour = TestScans.render(TestScans.consent(), 1, 300, ImageType.RGB);
		PageMarks marks = this.reader.read(TestScans.jpeg(TestScans.rotate(colour, -4.5, Color.DARK_GRAY), 0.5f));
		assertThat(marks.marks()).hasSize(2);
		AffineTransform move = AffineTransform.getRotateInstance(Math.toRadians(-4.5), colour.getWidth() / 2.0,
				colour.getHeight() / 2.0);
		assertMarksAt(marks, expectedTopLefts(300, move), 4);

		BufferedImage grey = TestScans.render(TestScans.consent(), 1, 200, ImageType.GRAY);
		PageMarks noisy = this.reader.read(TestScans.noise(TestScans.rotate(grey, 2, Color.WHITE), 25, 7));
		assertThat(noisy.marks()).isNotEmpty();
		assertThat(noisy.marks().get(0).payload()).startsWith(payload());
	}

	@Test
	void readsBlackAndWhiteAndDitheredPages() {
		for (float dpi : new float[] { 150, 200, 300 }) {
			BufferedImage grey = TestScans.render(TestScans.consent(), 1, dpi, ImageType.GRAY);
			PageMarks bw = this.reader.read(TestScans.blackAndWhite(TestScans.rotate(grey, 1.5, Color.WHITE)));
			assertThat(bw.marks()).as("black and white at %s dpi", dpi).isNotEmpty();
			PageMarks dithered = this.reader.read(TestScans.dither(TestScans.rotate(grey, -2, Color.WHITE)));
			assertThat(dithered.marks()).as("dithered at %s dpi", dpi).isNotEmpty();
			assertThat(dithered.marks().get(0).payload()).startsWith(payload());
		}
	}

	@Test
	void readsTheOtherCodeWhenAPenStrokeCrossesOne() {
		GeneratedDocument doc = TestScans.consent();
		for (Region box : TestScans.regions(doc, 1, Region.Kind.QR)) {
			BufferedImage page = TestScans.render(doc, 1, 200, ImageType.GRAY);
			TestScans.strikeThrough(page, box, 200);
			PageMarks marks = this.reader.read(TestScans.rotate(page, 180, Color.WHITE));
			assertThat(marks.marks()).hasSize(1);
			assertThat(marks.marks().get(0).payload()).startsWith(payload());
		}
	}

	@Test
	void aBlankBackIsBlankButAFewLinesOfTextAreNot() {
		int w = 2480;
		int h = 3508;
		BufferedImage back = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = back.createGraphics();
		g.setColor(new Color(246, 246, 246));
		g.fillRect(0, 0, w, h);
		// faint show-through, dust, and a dark wedge from skew
		g.setColor(new Color(222, 222, 222));
		g.setFont(new Font(Font.SERIF, Font.PLAIN, 60));
		g.drawString("show-through show-through show-through", 300, 800);
		g.setColor(Color.BLACK);
		Random random = new Random(3);
		for (int i = 0; i < 6; i++) {
			g.fillOval(200 + random.nextInt(w - 400), 200 + random.nextInt(h - 400), 6, 6);
		}
		g.fillPolygon(new int[] { 0, 0, 160 }, new int[] { 0, h, 0 }, 3);
		g.dispose();
		BufferedImage noisy = TestScans.noise(back, 12, 5);
		assertThat(this.reader.read(noisy)).isEqualTo(new PageMarks(List.of(), true));
		assertThat(this.reader.read(TestScans.jpeg(TestScans.dither(noisy), 0.5f)).blank()).isTrue();

		BufferedImage text = TestScans.copy(back);
		Graphics2D t = text.createGraphics();
		t.setColor(Color.BLACK);
		t.setFont(new Font(Font.SERIF, Font.PLAIN, 40));
		t.drawString("A short note in the middle of the page.", 600, 1600);
		t.drawString("And a second line.", 600, 1660);
		t.dispose();
		PageMarks marks = this.reader.read(text);
		assertThat(marks.marks()).isEmpty();
		assertThat(marks.blank()).isFalse();
	}

	@Test
	void twoThreadsReadAtOnce() throws Exception {
		BufferedImage a = TestScans.render(TestScans.consent(), 1, 200, ImageType.GRAY);
		BufferedImage b = TestScans.dither(a);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<PageMarks>> results = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				BufferedImage page = i % 2 == 0 ? a : b;
				results.add(pool.submit(() -> this.reader.read(page)));
			}
			for (Future<PageMarks> result : results) {
				assertThat(result.get().marks()).isNotEmpty();
			}
		}
		finally {
			pool.shutdown();
		}
	}

}
