package jp.madoguchi.scans.reading;

import java.awt.geom.AffineTransform;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.forms.Region;

/**
 * Where the form's boxes lie on a page image: an affine map from PDF points to image
 * pixels fitted to the finder patterns of the QR marks read, whose printed boxes (kind
 * {@code QR}) the form recorded.
 */
public final class PageGeometry {

	private PageGeometry() {
	}

	/**
	 * @param marks the marks of this page read from the image (all with the same payload)
	 * @param qrBoxes the page's QR regions as printed, in PDF points
	 * @return empty when the marks cannot be placed (e.g. too few points)
	 */
	public static Optional<AffineTransform> fit(List<QrMark> marks, List<Region> qrBoxes, float pageHeightPoints) {
		return Optional.empty();
	}

}
