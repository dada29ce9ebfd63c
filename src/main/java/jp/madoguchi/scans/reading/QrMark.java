package jp.madoguchi.scans.reading;

import java.awt.geom.Point2D;

/**
 * A QR code found on a page image: its text and the centres of its three finder patterns
 * in image pixels, named in the symbol's own orientation (so on an upside-down page
 * {@code topLeft} is near the image's lower-right).
 *
 * @param version the QR version (symbol of {@code 17 + 4 × version} modules)
 */
public record QrMark(String payload, int version, Point2D topLeft, Point2D topRight, Point2D bottomLeft) {

	/** Modules along one side of the symbol. */
	public int modules() {
		return 17 + 4 * version;
	}

}
