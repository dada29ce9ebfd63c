package jp.madoguchi.scans.reading;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import boofcv.abst.fiducial.QrCodeDetector;
import boofcv.alg.fiducial.qrcode.QrCode;
import boofcv.factory.fiducial.FactoryFiducial;
import boofcv.struct.image.GrayU8;
import georegression.struct.shapes.Polygon2D_F64;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.DecoderResult;
import com.google.zxing.common.DetectorResult;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.detector.MultiDetector;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.decoder.QRCodeDecoderMetaData;
import com.google.zxing.qrcode.detector.Detector;

/**
 * Finds the QR marks on a scanned page: first where the forms print them (two opposite
 * corners of an A4 page, in any of the four orientations), then on the whole page; turned
 * by 90/180/270 degrees and lightly blurred before giving up; ZXing first, then BoofCV.
 * Thread-safe.
 * <p>
 * The quick path reads the two corners of the upright (or upside-down) page with ZXing,
 * at about 150 dpi; only what it misses goes on to full resolution, BoofCV, the blur and
 * the turns, corner by corner, and then the whole page. A page where no corner holds a
 * code is measured for ink first: a blank back goes no further.
 */
public final class MarkReader {

	/** The long side of A4. */
	private static final double PAGE_MM = 297;

	/**
	 * The side of a corner crop: the box lies 8 to 25 mm from both edges, and a skew of 5
	 * degrees moves a corner of the page by up to 14 mm.
	 */
	private static final double CORNER_MM = 55;

	/** At or above this resolution a module stays 3 px or more at half size. */
	private static final double SHRINK_PX_PER_MM = 9;

	private static final Map<DecodeHintType, Object> HINTS = new EnumMap<>(
			Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));

	private final ThreadLocal<QrCodeDetector<GrayU8>> boofcv = ThreadLocal
		.withInitial(() -> FactoryFiducial.qrcode(null, GrayU8.class));

	public PageMarks read(BufferedImage page) {
		Page p = new Page(page);
		// The upright or upside-down page: codes at top right and bottom left.
		boolean tr = p.quick(Corner.TOP_RIGHT);
		boolean bl = p.quick(Corner.BOTTOM_LEFT);
		if (tr || bl) {
			p.hard(tr ? Corner.BOTTOM_LEFT : Corner.TOP_RIGHT);
			return new PageMarks(p.marks, false);
		}
		// Turned by a quarter: top left and bottom right.
		boolean tl = p.quick(Corner.TOP_LEFT);
		boolean br = p.quick(Corner.BOTTOM_RIGHT);
		if (tl || br) {
			p.hard(tl ? Corner.BOTTOM_RIGHT : Corner.TOP_LEFT);
			return new PageMarks(p.marks, false);
		}
		if (Blank.isBlank(p.whole())) {
			return new PageMarks(List.of(), true);
		}
		for (Corner c : Corner.values()) {
			if (p.hard(c)) {
				p.hard(c.opposite());
				return new PageMarks(p.marks, false);
			}
		}
		p.wholePage();
		return new PageMarks(p.marks, false);
	}

	enum Corner {

		TOP_RIGHT, BOTTOM_LEFT, TOP_LEFT, BOTTOM_RIGHT;

		Corner opposite() {
			return switch (this) {
				case TOP_RIGHT -> BOTTOM_LEFT;
				case BOTTOM_LEFT -> TOP_RIGHT;
				case TOP_LEFT -> BOTTOM_RIGHT;
				case BOTTOM_RIGHT -> TOP_LEFT;
			};
		}

	}

	/** An image derived from the page, and the map from its pixels to the page's. */
	private record View(Grey grey, AffineTransform toPage) {

		View half() {
			AffineTransform t = new AffineTransform(this.toPage);
			t.scale(2, 2);
			return new View(this.grey.half(), t);
		}

		View blur() {
			return new View(this.grey.blur(), this.toPage);
		}

		View turn(int quarters) {
			int w = this.grey.width;
			int h = this.grey.height;
			AffineTransform back = switch (Math.floorMod(quarters, 4)) {
				case 1 -> new AffineTransform(0, -1, 1, 0, 0, h);
				case 2 -> new AffineTransform(-1, 0, 0, -1, w, h);
				case 3 -> new AffineTransform(0, 1, -1, 0, w, 0);
				default -> new AffineTransform();
			};
			AffineTransform t = new AffineTransform(this.toPage);
			t.concatenate(back);
			return new View(this.grey.turn(quarters), t);
		}

	}

	/** One reading of one page: the marks found so far. */
	private final class Page {

		final BufferedImage image;

		final int width;

		final int height;

		/** The whole page in grey, once something needs it. */
		Grey grey;

		final List<QrMark> marks = new ArrayList<>(2);

		final boolean shrink;

		final int side;

		Page(BufferedImage image) {
			this.image = image;
			this.width = image.getWidth();
			this.height = image.getHeight();
			double pxPerMm = Math.max(this.width, this.height) / PAGE_MM;
			this.shrink = pxPerMm >= SHRINK_PX_PER_MM;
			this.side = (int) Math.min(Math.round(CORNER_MM * pxPerMm), Math.min(this.width, this.height) / 2);
		}

		Grey whole() {
			if (this.grey == null) {
				this.grey = Grey.of(this.image);
			}
			return this.grey;
		}

		/** A rectangle of the page in grey (from the whole page if that is at hand). */
		Grey region(int x, int y, int w, int h) {
			return this.grey != null ? this.grey.crop(x, y, w, h) : Grey.of(this.image, x, y, w, h);
		}

		View corner(Corner c) {
			int x = switch (c) {
				case TOP_LEFT, BOTTOM_LEFT -> 0;
				default -> this.width - this.side;
			};
			int y = switch (c) {
				case TOP_LEFT, TOP_RIGHT -> 0;
				default -> this.height - this.side;
			};
			return new View(region(x, y, this.side, this.side), AffineTransform.getTranslateInstance(x, y));
		}

		/** ZXing on the corner, at about 150 dpi. */
		boolean quick(Corner c) {
			View v = corner(c);
			return zxing(this.shrink ? v.half() : v, false);
		}

		/** Everything else on the corner, until a code is read. */
		boolean hard(Corner c) {
			View full = corner(c);
			View small = this.shrink ? full.half() : null;
			if (small != null && zxing(full, false)) {
				return true;
			}
			if (boofcv(small != null ? small : full)) {
				return true;
			}
			if (small != null && boofcv(full)) {
				return true;
			}
			View blurred = full.blur();
			if (zxing(blurred, false) || boofcv(blurred)) {
				return true;
			}
			View base = small != null ? small : full;
			for (int q = 1; q < 4; q++) {
				if (zxing(base.turn(q), false)) {
					return true;
				}
			}
			return false;
		}

		void wholePage() {
			View full = new View(whole(), new AffineTransform());
			View small = this.shrink ? full.half() : full;
			if (zxing(small, true) | boofcv(small)) {
				return;
			}
			if (small != full && (zxing(full, true) | boofcv(full))) {
				return;
			}
			View blurred = small.blur();
			if (zxing(blurred, true) | boofcv(blurred)) {
				return;
			}
			for (int q = 1; q < 4; q++) {
				if (zxing(small.turn(q), true)) {
					return;
				}
			}
		}

		boolean zxing(View v, boolean multi) {
			BitMatrix bits;
			try {
				bits = new BinaryBitmap(new HybridBinarizer(new GreyLuminanceSource(v.grey()))).getBlackMatrix();
			}
			catch (ReaderException e) {
				return false;
			}
			DetectorResult[] found;
			try {
				found = multi ? new MultiDetector(bits).detectMulti(HINTS)
						: new DetectorResult[] { new Detector(bits).detect(HINTS) };
			}
			catch (ReaderException e) {
				return false;
			}
			boolean any = false;
			for (DetectorResult d : found) {
				try {
					DecoderResult decoded = new Decoder().decode(d.getBits(), HINTS);
					ResultPoint[] points = d.getPoints().clone();
					if (decoded.getOther() instanceof QRCodeDecoderMetaData meta) {
						meta.applyMirroredCorrection(points);
					}
					int version = (d.getBits().getHeight() - 17) / 4;
					any |= add(new QrMark(decoded.getText(), version, page(v, points[1]), page(v, points[2]),
							page(v, points[0])));
				}
				catch (ReaderException | RuntimeException e) {
					// not this one
				}
			}
			return any;
		}

		boolean boofcv(View v) {
			Grey g = v.grey();
			GrayU8 image = new GrayU8(g.width, g.height);
			System.arraycopy(g.px, 0, image.data, 0, g.px.length);
			QrCodeDetector<GrayU8> detector = MarkReader.this.boofcv.get();
			detector.process(image);
			boolean any = false;
			for (QrCode qr : detector.getDetections()) {
				if (qr.message == null) {
					continue;
				}
				Polygon2D_F64 right = qr.bitsTransposed ? qr.ppDown : qr.ppRight;
				Polygon2D_F64 down = qr.bitsTransposed ? qr.ppRight : qr.ppDown;
				// BoofCV puts a pixel's centre at its integer coordinates, ZXing and we
				// at +0.5.
				any |= add(new QrMark(qr.message, qr.version, page(v, centre(qr.ppCorner)), page(v, centre(right)),
						page(v, centre(down))));
			}
			return any;
		}

		/**
		 * The finder pattern's centre to a fraction of a pixel: the centroid of the dark
		 * pixels within 3.3 modules of the estimate (the pattern is symmetric under a
		 * quarter turn, and so is the circle), on the page at full resolution, three
		 * times over.
		 */
		private Point2D refine(Point2D estimate, double module) {
			double r = 2.2 * module;
			if (r < 3) {
				return estimate;
			}
			// a window a module wider than the circle on every side, in the window's
			// pixels
			int reach = (int) Math.ceil(r + module) + 1;
			int wx = (int) Math.max(0, Math.floor(estimate.getX()) - reach);
			int wy = (int) Math.max(0, Math.floor(estimate.getY()) - reach);
			int ww = (int) Math.min(this.width, Math.floor(estimate.getX()) + reach + 1) - wx;
			int wh = (int) Math.min(this.height, Math.floor(estimate.getY()) + reach + 1) - wy;
			if (ww <= 0 || wh <= 0) {
				return estimate;
			}
			Grey g = region(wx, wy, ww, wh);
			double cx = estimate.getX() - wx;
			double cy = estimate.getY() - wy;
			for (int round = 0; round < 3; round++) {
				int x0 = (int) Math.max(0, Math.floor(cx - r));
				int x1 = (int) Math.min(g.width - 1, Math.ceil(cx + r));
				int y0 = (int) Math.max(0, Math.floor(cy - r));
				int y1 = (int) Math.min(g.height - 1, Math.ceil(cy + r));
				if (x1 - x0 < 2 * r - 2 || y1 - y0 < 2 * r - 2) {
					return estimate;
				}
				int min = 255;
				int max = 0;
				for (int y = y0; y <= y1; y++) {
					for (int x = x0; x <= x1; x++) {
						int v = g.px[y * g.width + x] & 0xff;
						min = Math.min(min, v);
						max = Math.max(max, v);
					}
				}
				if (max - min < 60) {
					return estimate;
				}
				// dark pixels weigh 1, light 0, the anti-aliased edge in between
				double hi = max - 0.25 * (max - min);
				double lo = min + 0.25 * (max - min);
				double sx = 0;
				double sy = 0;
				double n = 0;
				double r2 = r * r;
				for (int y = y0; y <= y1; y++) {
					double dy = y + 0.5 - cy;
					for (int x = x0; x <= x1; x++) {
						double dx = x + 0.5 - cx;
						if (dx * dx + dy * dy <= r2) {
							double weight = Math.clamp((hi - (g.px[y * g.width + x] & 0xff)) / (hi - lo), 0, 1);
							sx += weight * (x + 0.5);
							sy += weight * (y + 0.5);
							n += weight;
						}
					}
				}
				if (n < 1) {
					return estimate;
				}
				cx = sx / n;
				cy = sy / n;
			}
			cx += wx;
			cy += wy;
			// a centroid that wandered off (a pen stroke through the pattern) is not
			// believed
			if (Math.hypot(cx - estimate.getX(), cy - estimate.getY()) > module) {
				return estimate;
			}
			return new Point2D.Double(cx, cy);
		}

		private Point2D centre(Polygon2D_F64 polygon) {
			double x = 0;
			double y = 0;
			int n = polygon.size();
			for (int i = 0; i < n; i++) {
				x += polygon.get(i).x;
				y += polygon.get(i).y;
			}
			return new Point2D.Double(x / n + 0.5, y / n + 0.5);
		}

		private Point2D page(View v, ResultPoint p) {
			return page(v, new Point2D.Double(p.getX(), p.getY()));
		}

		private Point2D page(View v, Point2D p) {
			return v.toPage().transform(p, null);
		}

		/** Adds the mark unless it is one already found (same text, same place). */
		private boolean add(QrMark found) {
			double module = (found.topLeft().distance(found.topRight()) + found.topLeft().distance(found.bottomLeft()))
					/ 2 / Math.max(1, found.modules() - 7);
			QrMark mark = new QrMark(found.payload(), found.version(), refine(found.topLeft(), module),
					refine(found.topRight(), module), refine(found.bottomLeft(), module));
			double size = mark.topLeft().distance(mark.topRight()) * mark.modules() / Math.max(1, mark.modules() - 7);
			for (QrMark m : this.marks) {
				if (m.payload().equals(mark.payload()) && m.topLeft().distance(mark.topLeft()) < size / 2) {
					return true;
				}
			}
			this.marks.add(mark);
			return true;
		}

	}

}
