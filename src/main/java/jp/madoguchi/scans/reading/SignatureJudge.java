package jp.madoguchi.scans.reading;

import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.Arrays;

import jp.madoguchi.forms.Region;

/**
 * Decides whether a signature or seal box holds a signature or seal: the box is located
 * on the scan through {@code pdfToImage}, compared with the same box of the unsigned
 * form, and ink that the form does not explain counts. A red seal counts, and so does a
 * seal that is only dark on a greyscale scan.
 * <p>
 * The box's interior (inset from its border lines) is sampled on both images at 100 dpi,
 * each sample the mean of the pixels it covers. Ink on the scan is a sample clearly
 * darker than the box's paper; on a colour scan the darkest channel counts, so red is
 * ink. The unsigned form's ink (the printed label) is aligned to the scan's by a shift of
 * up to {@value #SHIFT} samples and widened by {@value #DILATE}; scan ink outside it,
 * less isolated specks, is the score's numerator. Thread-safe.
 */
public final class SignatureJudge {

	/** Sampling resolution. */
	static final double DPI = 100;

	/** The interior starts this far inside the box's border, in points (about 2 mm). */
	static final double INSET_PT = 5.5;

	/** Largest shift (samples, each way) tried to align the printed label. */
	static final int SHIFT = 3;

	/** How far (samples) the form's own ink is widened. */
	static final int DILATE = 2;

	/** Scan ink: darker than this share of the paper's brightness. */
	static final double INK_SHARE = 0.65;

	/** Reference ink: darker than this (0 to 255). */
	static final int REFERENCE_INK = 170;

	/** Below this score a box is unsigned. */
	static final double UNSIGNED_BELOW = 0.0015;

	/** From this score on a box is signed; between the two, unclear. */
	static final double SIGNED_FROM = 0.010;

	/** A box more than this share off the image is unclear. */
	static final double MAX_OFF_IMAGE = 0.05;

	public BoxJudgement judge(BufferedImage scan, AffineTransform pdfToImage, Region box, ReferencePage unsigned) {
		double step = 72 / DPI;
		double x0 = box.x() + INSET_PT;
		double yTop = box.y() + box.h() - INSET_PT;
		int nx = (int) Math.floor((box.w() - 2 * INSET_PT) / step);
		int ny = (int) Math.floor((box.h() - 2 * INSET_PT) / step);
		if (nx < 4 || ny < 4) {
			return new BoxJudgement(Verdict.UNCLEAR, 0);
		}
		// the scan
		double scanScale = Math.sqrt(Math.abs(pdfToImage.getDeterminant()));
		int ks = Math.max(1, (int) Math.round(step * scanScale));
		Window scanWindow = Window.of(scan, bounds(pdfToImage, x0, yTop, nx, ny, step, 0, ks));
		int[] scanValues = new int[nx * ny];
		int off = 0;
		Point2D.Double p = new Point2D.Double();
		Point2D.Double q = new Point2D.Double();
		for (int j = 0; j < ny; j++) {
			for (int i = 0; i < nx; i++) {
				p.setLocation(x0 + (i + 0.5) * step, yTop - (j + 0.5) * step);
				pdfToImage.transform(p, q);
				int v = scanWindow.mean(q.x, q.y, ks);
				if (v < 0) {
					off++;
					v = 255;
				}
				scanValues[j * nx + i] = v;
			}
		}
		if (off > MAX_OFF_IMAGE * nx * ny) {
			return new BoxJudgement(Verdict.UNCLEAR, 0);
		}
		int[] sorted = scanValues.clone();
		Arrays.sort(sorted);
		int paper = Math.max(sorted[sorted.length * 9 / 10], 1);
		int inkBelow = (int) Math.round(paper * INK_SHARE);
		boolean[] scanInk = new boolean[nx * ny];
		for (int i = 0; i < scanInk.length; i++) {
			scanInk[i] = scanValues[i] < inkBelow;
		}
		// the unsigned form, SHIFT samples wider on every side
		double refScale = unsigned.dpi() / 72.0;
		AffineTransform pdfToReference = new AffineTransform(refScale, 0, 0, -refScale, 0,
				unsigned.pageHeightPoints() * refScale);
		int kr = Math.max(1, (int) Math.round(step * refScale));
		int rw = nx + 2 * SHIFT;
		int rh = ny + 2 * SHIFT;
		Window refWindow = Window.of(unsigned.image(), bounds(pdfToReference, x0, yTop, nx, ny, step, SHIFT, kr));
		boolean[] refInk = new boolean[rw * rh];
		for (int j = 0; j < rh; j++) {
			for (int i = 0; i < rw; i++) {
				p.setLocation(x0 + (i - SHIFT + 0.5) * step, yTop - (j - SHIFT + 0.5) * step);
				pdfToReference.transform(p, q);
				int v = refWindow.mean(q.x, q.y, kr);
				refInk[j * rw + i] = v >= 0 && v < REFERENCE_INK;
			}
		}
		// align: the shift under which the most scan ink lies on the form's ink
		int bestDx = 0;
		int bestDy = 0;
		int bestOverlap = overlap(scanInk, refInk, nx, ny, rw, 0, 0);
		for (int dy = -SHIFT; dy <= SHIFT; dy++) {
			for (int dx = -SHIFT; dx <= SHIFT; dx++) {
				int o = overlap(scanInk, refInk, nx, ny, rw, dx, dy);
				if (o > bestOverlap) {
					bestOverlap = o;
					bestDx = dx;
					bestDy = dy;
				}
			}
		}
		boolean[] explained = dilate(refInk, rw, rh, DILATE);
		boolean[] unexplained = new boolean[nx * ny];
		for (int j = 0; j < ny; j++) {
			for (int i = 0; i < nx; i++) {
				int ri = (j + SHIFT + bestDy) * rw + (i + SHIFT + bestDx);
				unexplained[j * nx + i] = scanInk[j * nx + i] && !explained[ri];
			}
		}
		int count = 0;
		for (int j = 0; j < ny; j++) {
			for (int i = 0; i < nx; i++) {
				if (unexplained[j * nx + i] && neighbours(unexplained, nx, ny, i, j) >= 2) {
					count++;
				}
			}
		}
		double score = count / (double) (nx * ny);
		Verdict verdict = score >= SIGNED_FROM ? Verdict.SIGNED
				: score < UNSIGNED_BELOW ? Verdict.UNSIGNED : Verdict.UNCLEAR;
		return new BoxJudgement(verdict, score);
	}

	private static int overlap(boolean[] scanInk, boolean[] refInk, int nx, int ny, int rw, int dx, int dy) {
		int n = 0;
		for (int j = 0; j < ny; j++) {
			int s = j * nx;
			int r = (j + SHIFT + dy) * rw + SHIFT + dx;
			for (int i = 0; i < nx; i++) {
				if (scanInk[s + i] && refInk[r + i]) {
					n++;
				}
			}
		}
		return n;
	}

	private static int neighbours(boolean[] mask, int w, int h, int x, int y) {
		int n = 0;
		for (int dy = -1; dy <= 1; dy++) {
			for (int dx = -1; dx <= 1; dx++) {
				int nx = x + dx;
				int ny = y + dy;
				if ((dx != 0 || dy != 0) && nx >= 0 && ny >= 0 && nx < w && ny < h && mask[ny * w + nx]) {
					n++;
				}
			}
		}
		return n;
	}

	/** The mask widened by {@code r} samples (a square). */
	private static boolean[] dilate(boolean[] mask, int w, int h, int r) {
		boolean[] rows = new boolean[mask.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				if (mask[y * w + x]) {
					for (int d = Math.max(0, x - r); d <= Math.min(w - 1, x + r); d++) {
						rows[y * w + d] = true;
					}
				}
			}
		}
		boolean[] out = new boolean[mask.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				if (rows[y * w + x]) {
					for (int d = Math.max(0, y - r); d <= Math.min(h - 1, y + r); d++) {
						out[d * w + x] = true;
					}
				}
			}
		}
		return out;
	}

	/**
	 * The pixel rectangle covering the sample grid (plus {@code extra} samples) on an
	 * image.
	 */
	private static Rectangle bounds(AffineTransform t, double x0, double yTop, int nx, int ny, double step, int extra,
			int k) {
		double minX = Double.MAX_VALUE;
		double minY = Double.MAX_VALUE;
		double maxX = -Double.MAX_VALUE;
		double maxY = -Double.MAX_VALUE;
		double left = x0 - extra * step;
		double right = x0 + (nx + extra) * step;
		double top = yTop + extra * step;
		double bottom = yTop - (ny + extra) * step;
		for (double[] c : new double[][] { { left, top }, { right, top }, { left, bottom }, { right, bottom } }) {
			Point2D q = t.transform(new Point2D.Double(c[0], c[1]), null);
			minX = Math.min(minX, q.getX());
			minY = Math.min(minY, q.getY());
			maxX = Math.max(maxX, q.getX());
			maxY = Math.max(maxY, q.getY());
		}
		int x = (int) Math.floor(minX) - k;
		int y = (int) Math.floor(minY) - k;
		return new Rectangle(x, y, (int) Math.ceil(maxX) + k - x + 1, (int) Math.ceil(maxY) + k - y + 1);
	}

	/**
	 * A rectangle of an image read once into brightness values (the darkest channel for
	 * colour, so red reads as dark), clipped to the image.
	 */
	private record Window(int[] values, int x, int y, int w, int h) {

		static Window of(BufferedImage image, Rectangle wanted) {
			Rectangle r = wanted.intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
			if (r.isEmpty()) {
				return new Window(new int[0], 0, 0, 0, 0);
			}
			int[] values = new int[r.width * r.height];
			int type = image.getType();
			if (type == BufferedImage.TYPE_BYTE_GRAY) {
				Raster raster = image.getRaster();
				raster.getSamples(r.x, r.y, r.width, r.height, 0, values);
			}
			else if (type == BufferedImage.TYPE_USHORT_GRAY) {
				image.getRaster().getSamples(r.x, r.y, r.width, r.height, 0, values);
				for (int i = 0; i < values.length; i++) {
					values[i] >>= 8;
				}
			}
			else {
				image.getRGB(r.x, r.y, r.width, r.height, values, 0, r.width);
				boolean colour = image.getColorModel().getNumColorComponents() >= 3;
				for (int i = 0; i < values.length; i++) {
					int rgb = values[i];
					int red = (rgb >> 16) & 0xff;
					int green = (rgb >> 8) & 0xff;
					int blue = rgb & 0xff;
					values[i] = colour ? Math.min(red, Math.min(green, blue)) : Grey.luma(red, green, blue);
				}
			}
			return new Window(values, r.x, r.y, r.width, r.height);
		}

		/**
		 * The mean over {@code k × k} pixels centred on (cx, cy), or -1 when off the
		 * window.
		 */
		int mean(double cx, double cy, int k) {
			int x0 = (int) Math.round(cx - k / 2.0);
			int y0 = (int) Math.round(cy - k / 2.0);
			if (x0 < this.x || y0 < this.y || x0 + k > this.x + this.w || y0 + k > this.y + this.h) {
				return -1;
			}
			int sum = 0;
			for (int j = 0; j < k; j++) {
				int row = (y0 - this.y + j) * this.w + (x0 - this.x);
				for (int i = 0; i < k; i++) {
					sum += this.values[row + i];
				}
			}
			return sum / (k * k);
		}

	}

}
