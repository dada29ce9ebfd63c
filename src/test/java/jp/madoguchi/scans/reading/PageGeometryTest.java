package jp.madoguchi.scans.reading;

import java.awt.Color;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.rendering.ImageType;
import org.junit.jupiter.api.Test;

import jp.madoguchi.forms.GeneratedDocument;
import jp.madoguchi.forms.Region;

import static org.assertj.core.api.Assertions.assertThat;

class PageGeometryTest {

	private final MarkReader reader = new MarkReader();

	private static final GeneratedDocument DOC = TestScans.consent();

	private static final List<Region> QR = TestScans.regions(DOC, 1, Region.Kind.QR);

	/** The corners of every signature and seal box land within {@code tolerance} px. */
	private static void assertMapsLike(AffineTransform fitted, AffineTransform truth, double tolerance) {
		for (Region box : DOC.record().regions()) {
			if (box.kind() == Region.Kind.QR) {
				continue;
			}
			for (double[] c : new double[][] { { box.x(), box.y() }, { box.x() + box.w(), box.y() + box.h() } }) {
				Point2D p = new Point2D.Double(c[0], c[1]);
				assertThat(fitted.transform(p, null).distance(truth.transform(p, null))).as("%s corner", box.kind())
					.isLessThan(tolerance);
			}
		}
	}

	private static AffineTransform moved(AffineTransform move, float dpi) {
		AffineTransform t = new AffineTransform(move);
		t.concatenate(TestScans.pdfToRendered(dpi));
		return t;
	}

	@Test
	void twoMarksPlaceTheBoxesOfACleanPage() {
		BufferedImage page = TestScans.render(DOC, 1, 300, ImageType.GRAY);
		PageMarks marks = this.reader.read(page);
		assertThat(marks.marks()).hasSize(2);
		Optional<AffineTransform> fit = PageGeometry.fit(marks.marks(), QR, page.getWidth(), page.getHeight());
		assertThat(fit).isPresent();
		assertMapsLike(fit.get(), TestScans.pdfToRendered(300), 2);
		// the order of the marks does not matter
		Optional<AffineTransform> reversed = PageGeometry.fit(marks.marks().reversed(), QR, page.getWidth(),
				page.getHeight());
		assertMapsLike(reversed.orElseThrow(), TestScans.pdfToRendered(300), 2);
	}

	@Test
	void anUpsideDownSkewedPageAndAQuarterTurn() {
		BufferedImage page = TestScans.render(DOC, 1, 200, ImageType.GRAY);
		BufferedImage turned = TestScans.jpeg(TestScans.rotate(page, 182.5, Color.WHITE), 0.5f);
		PageMarks marks = this.reader.read(turned);
		AffineTransform move = AffineTransform.getRotateInstance(Math.toRadians(182.5), page.getWidth() / 2.0,
				page.getHeight() / 2.0);
		assertMapsLike(PageGeometry.fit(marks.marks(), QR, turned.getWidth(), turned.getHeight()).orElseThrow(),
				moved(move, 200), 3);

		BufferedImage quarter = TestScans.quarter(TestScans.render(DOC, 1, 150, ImageType.GRAY));
		PageMarks q = this.reader.read(quarter);
		AffineTransform turn = new AffineTransform(0, 1, -1, 0, quarter.getWidth(), 0);
		assertMapsLike(PageGeometry.fit(q.marks(), QR, quarter.getWidth(), quarter.getHeight()).orElseThrow(),
				moved(turn, 150), 3);
	}

	@Test
	void oneMarkIsEnoughAndFindsItsOwnBox() {
		for (Region struck : QR) {
			for (double angle : new double[] { 1.5, 181.5 }) {
				BufferedImage page = TestScans.render(DOC, 1, 200, ImageType.GRAY);
				TestScans.strikeThrough(page, struck, 200);
				BufferedImage turned = TestScans.rotate(page, angle, Color.WHITE);
				PageMarks marks = this.reader.read(turned);
				assertThat(marks.marks()).hasSize(1);
				AffineTransform move = AffineTransform.getRotateInstance(Math.toRadians(angle), page.getWidth() / 2.0,
						page.getHeight() / 2.0);
				assertMapsLike(PageGeometry.fit(marks.marks(), QR, turned.getWidth(), turned.getHeight()).orElseThrow(),
						moved(move, 200), 6);
			}
		}
	}

	@Test
	void refusesWhatCannotBeAPage() {
		assertThat(PageGeometry.fit(List.of(), QR, 1000, 1400)).isEmpty();
		// mirrored: top-right to the left of top-left, bottom-left below
		QrMark mirrored = new QrMark("MDG1:X", 2, new Point2D.Double(900, 100), new Point2D.Double(800, 100),
				new Point2D.Double(900, 200));
		assertThat(PageGeometry.fit(List.of(mirrored), QR, 1000, 1400)).isEmpty();
		// sheared
		QrMark sheared = new QrMark("MDG1:X", 2, new Point2D.Double(800, 100), new Point2D.Double(900, 100),
				new Point2D.Double(860, 200));
		assertThat(PageGeometry.fit(List.of(sheared), QR, 1000, 1400)).isEmpty();
		// two marks whose distance does not fit the printed boxes
		BufferedImage page = TestScans.render(DOC, 1, 150, ImageType.GRAY);
		List<QrMark> marks = this.reader.read(page).marks();
		assertThat(marks).hasSize(2);
		QrMark a = marks.get(0);
		QrMark b = marks.get(1);
		QrMark shifted = new QrMark(b.payload(), b.version(), plus(b.topLeft(), 300), plus(b.topRight(), 300),
				plus(b.bottomLeft(), 300));
		assertThat(PageGeometry.fit(List.of(a, shifted), QR, page.getWidth(), page.getHeight())).isEmpty();
		assertThat(PageGeometry.fit(List.of(a, b), QR, page.getWidth(), page.getHeight())).isPresent();
	}

	private static Point2D plus(Point2D p, double d) {
		return new Point2D.Double(p.getX() + d, p.getY());
	}

}
