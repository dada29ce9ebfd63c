package jp.madoguchi.scans.reading;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.forms.Region;

/**
 * Where the form's boxes lie on a page image: an affine map from PDF points to image
 * pixels fitted to the finder patterns of the QR marks read, whose printed boxes (kind
 * {@code QR}) the form recorded.
 * <p>
 * Each finder pattern's centre lies 3.5 modules in from its corner of the printed symbol.
 * The map (an affine: a turn, a scale along each page axis, a shift) is fitted by least
 * squares to all finder centres of all marks (one scale for both axes when one mark is
 * all there is); which printed box each mark is, is the assignment with the smallest
 * residual among those that keep every printed box on the image (one mark alone fits any
 * box exactly: then only the other box's place on the image decides). A map that mirrors,
 * shears, scales x and y apart or leaves a residual over a module is refused.
 */
public final class PageGeometry {

	/** Largest RMS residual, in modules of the symbol on the image. */
	static final double MAX_RESIDUAL_MODULES = 1.0;

	/**
	 * Refused: x and y scales apart by more than this share, or axes this far from
	 * square.
	 */
	static final double MAX_DISTORTION = 0.08;

	/**
	 * A printed box may lie this share of the image's size outside it (cropped scans).
	 */
	static final double OUTSIDE_SLACK = 0.03;

	private PageGeometry() {
	}

	/**
	 * @param marks the marks of this page read from the image (all with the same payload)
	 * @param qrBoxes the page's QR regions as printed, in PDF points
	 * @param imageWidth the page image's width in pixels
	 * @param imageHeight the page image's height in pixels
	 * @return empty when the marks cannot be placed (no marks, or no assignment of marks
	 * to boxes gives a plausible map)
	 */
	public static Optional<AffineTransform> fit(List<QrMark> marks, List<Region> qrBoxes, int imageWidth,
			int imageHeight) {
		List<Region> boxes = qrBoxes.stream().filter(r -> r.kind() == Region.Kind.QR).toList();
		if (marks.isEmpty() || boxes.isEmpty() || marks.size() > 6) {
			return Optional.empty();
		}
		Search search = new Search(marks, boxes, imageWidth, imageHeight);
		search.assign(0, new int[marks.size()], new boolean[boxes.size()]);
		return Optional.ofNullable(search.best);
	}

	/**
	 * The finder centres of {@code box} in PDF points: top-left, top-right, bottom-left.
	 */
	static Point2D[] finderCentres(Region box, int modules) {
		double m = box.w() / modules;
		double left = box.x() + 3.5 * m;
		double right = box.x() + box.w() - 3.5 * m;
		double top = box.y() + box.h() - 3.5 * m;
		double bottom = box.y() + 3.5 * m;
		return new Point2D[] { new Point2D.Double(left, top), new Point2D.Double(right, top),
				new Point2D.Double(left, bottom) };
	}

	private static final class Search {

		final List<QrMark> marks;

		final List<Region> boxes;

		final int width;

		final int height;

		AffineTransform best;

		int bestUsed;

		double bestScore = Double.MAX_VALUE;

		Search(List<QrMark> marks, List<Region> boxes, int width, int height) {
			this.marks = marks;
			this.boxes = boxes;
			this.width = width;
			this.height = height;
		}

		/** assignment[i] is the box of mark i, or -1 for a mark left out. */
		void assign(int i, int[] assignment, boolean[] taken) {
			if (i == this.marks.size()) {
				evaluate(assignment);
				return;
			}
			assignment[i] = -1;
			assign(i + 1, assignment, taken);
			for (int b = 0; b < this.boxes.size(); b++) {
				if (!taken[b]) {
					taken[b] = true;
					assignment[i] = b;
					assign(i + 1, assignment, taken);
					taken[b] = false;
				}
			}
		}

		void evaluate(int[] assignment) {
			List<Point2D> from = new ArrayList<>();
			List<Point2D> to = new ArrayList<>();
			double modulePt = 0;
			int used = 0;
			for (int i = 0; i < assignment.length; i++) {
				if (assignment[i] < 0) {
					continue;
				}
				QrMark mark = this.marks.get(i);
				Region box = this.boxes.get(assignment[i]);
				from.addAll(List.of(finderCentres(box, mark.modules())));
				to.addAll(List.of(mark.topLeft(), mark.topRight(), mark.bottomLeft()));
				modulePt = Math.max(modulePt, box.w() / mark.modules());
				used++;
			}
			// every mark takes a box; only marks beyond the boxes' number may be left out
			if (used < Math.min(this.marks.size(), this.boxes.size()) || used < this.bestUsed) {
				return;
			}
			// one mark alone is too small to tell the two axes' scales apart
			AffineTransform t = leastSquares(from, to, used > 1);
			if (t == null || !plausible(t)) {
				return;
			}
			double residual = rms(t, from, to);
			double modulePx = modulePt * Math.sqrt(Math.abs(t.getDeterminant()));
			if (residual > Math.max(2.0, MAX_RESIDUAL_MODULES * modulePx)) {
				return;
			}
			double outside = outside(t);
			if (outside > OUTSIDE_SLACK) {
				return;
			}
			double score = residual / modulePx + outside * 100;
			if (used > this.bestUsed || score < this.bestScore) {
				this.best = t;
				this.bestUsed = used;
				this.bestScore = score;
			}
		}

		/**
		 * No mirror (PDF y goes up, image y down), no shear, like scales, 36 to 720 dpi.
		 */
		boolean plausible(AffineTransform t) {
			if (t.getDeterminant() >= 0) {
				return false;
			}
			double sx = Math.hypot(t.getScaleX(), t.getShearY());
			double sy = Math.hypot(t.getShearX(), t.getScaleY());
			if (sx < 0.5 || sx > 10 || sy < 0.5 || sy > 10) {
				return false;
			}
			double dot = (t.getScaleX() * t.getShearX() + t.getShearY() * t.getScaleY()) / (sx * sy);
			return Math.abs(sx - sy) / Math.max(sx, sy) <= MAX_DISTORTION && Math.abs(dot) <= MAX_DISTORTION;
		}

		/**
		 * How far the furthest printed box's centre lies outside the image, in image
		 * sizes.
		 */
		double outside(AffineTransform t) {
			double worst = 0;
			for (Region box : this.boxes) {
				Point2D c = t.transform(new Point2D.Double(box.x() + box.w() / 2, box.y() + box.h() / 2), null);
				double dx = Math.max(Math.max(-c.getX(), c.getX() - this.width), 0) / this.width;
				double dy = Math.max(Math.max(-c.getY(), c.getY() - this.height), 0) / this.height;
				worst = Math.max(worst, Math.max(dx, dy));
			}
			return worst;
		}

	}

	static double rms(AffineTransform t, List<Point2D> from, List<Point2D> to) {
		double sum = 0;
		for (int i = 0; i < from.size(); i++) {
			sum += t.transform(from.get(i), null).distanceSq(to.get(i));
		}
		return Math.sqrt(sum / from.size());
	}

	/**
	 * The least-squares map of a scanned page: a turn, a scale along each of the page's
	 * axes (a feeder may stretch one a little) and a shift; null when the points are
	 * degenerate. A free affine would be ill-conditioned: the points sit in two small
	 * clusters, and a pixel's error across a 17 mm symbol would shear the whole page.
	 */
	static AffineTransform leastSquares(List<Point2D> from, List<Point2D> to, boolean twoScales) {
		int n = from.size();
		if (n < 3) {
			return null;
		}
		// y of PDF points goes up: flip it, so that the map is a proper rotation
		double px = 0;
		double py = 0;
		double qx = 0;
		double qy = 0;
		for (int i = 0; i < n; i++) {
			px += from.get(i).getX();
			py -= from.get(i).getY();
			qx += to.get(i).getX();
			qy += to.get(i).getY();
		}
		px /= n;
		py /= n;
		qx /= n;
		qy /= n;
		double sxx = 0;
		double syy = 0;
		double dot = 0;
		double cross = 0;
		for (int i = 0; i < n; i++) {
			double x = from.get(i).getX() - px;
			double y = -from.get(i).getY() - py;
			double u = to.get(i).getX() - qx;
			double v = to.get(i).getY() - qy;
			sxx += x * x;
			syy += y * y;
			dot += x * u + y * v;
			cross += x * v - y * u;
		}
		if (sxx + syy < 1e-9) {
			return null;
		}
		// the turn, from the best similarity
		double theta = Math.atan2(cross, dot);
		double c = Math.cos(theta);
		double s = Math.sin(theta);
		// the scales along x and y for that turn
		double ax = 0;
		double ay = 0;
		for (int i = 0; i < n; i++) {
			double x = from.get(i).getX() - px;
			double y = -from.get(i).getY() - py;
			double u = to.get(i).getX() - qx;
			double v = to.get(i).getY() - qy;
			ax += x * (c * u + s * v);
			ay += y * (-s * u + c * v);
		}
		if (sxx < 1e-9 || syy < 1e-9) {
			return null;
		}
		double scaleX = twoScales ? ax / sxx : (ax + ay) / (sxx + syy);
		double scaleY = twoScales ? ay / syy : scaleX;
		// image = R(theta) diag(scaleX, scaleY) (x, -y) + t
		double m00 = c * scaleX;
		double m01 = s * scaleY;
		double m10 = s * scaleX;
		double m11 = -c * scaleY;
		// px, py are the means of (x, -y)
		double tx = qx - (m00 * px - m01 * py);
		double ty = qy - (m10 * px - m11 * py);
		return new AffineTransform(m00, m10, m01, m11, tx, ty);
	}

}
