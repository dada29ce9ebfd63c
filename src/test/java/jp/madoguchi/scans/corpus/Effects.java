package jp.madoguchi.scans.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the simulated office multifunction printer did to a page.
 *
 * @param dpi scan resolution
 * @param colour the colour setting
 * @param skewDegrees the sheet's skew on the glass, counter-clockwise, within ±5°
 * @param upsideDown the sheet was fed upside down (rotation 180°)
 * @param shiftXmm the sheet's offset on the glass, to the right
 * @param shiftYmm the sheet's offset on the glass, downwards
 * @param jpegQuality 0 for lossless, else the JPEG quality (50 to 95) the scanner saved
 * with; only for colour and greyscale
 * @param noise standard deviation of the sensor noise in grey levels
 * @param dust specks of dust on the glass
 * @param qrStroke a pen stroke across one of the two QR codes (form pages only)
 */
public record Effects(int dpi, ColourMode colour, double skewDegrees, boolean upsideDown, double shiftXmm,
		double shiftYmm, int jpegQuality, double noise, int dust, QrStroke qrStroke) {

	/** A clean scan: no skew, no noise, lossless. */
	public static Effects clean(int dpi, ColourMode colour) {
		return new Effects(dpi, colour, 0, false, 0, 0, 0, 0, 0, QrStroke.NONE);
	}

	public Effects withQrStroke(QrStroke stroke) {
		return new Effects(dpi, colour, skewDegrees, upsideDown, shiftXmm, shiftYmm, jpegQuality, noise, dust, stroke);
	}

	/**
	 * Short labels for the report's rows, e.g. {@code grey}, {@code skew>2°},
	 * {@code jpeg≤60}.
	 */
	public List<String> labels() {
		List<String> labels = new ArrayList<>();
		labels.add(colour.name().toLowerCase(Locale.ROOT));
		if (Math.abs(skewDegrees) > 2) {
			labels.add("skew>2°");
		}
		if (upsideDown) {
			labels.add("rot180");
		}
		if (jpegQuality > 0 && jpegQuality <= 60) {
			labels.add("jpeg≤60");
		}
		if (noise >= 4) {
			labels.add("noise≥4");
		}
		if (qrStroke != QrStroke.NONE) {
			labels.add("qr-struck");
		}
		return labels;
	}

	/** One line for the truth file and failure messages. */
	public String describe() {
		return String.format(Locale.ROOT, "%ddpi %s skew=%.2f%s shift=%.1f,%.1fmm jpeg=%d noise=%.1f dust=%d qr=%s",
				dpi, colour.name().toLowerCase(Locale.ROOT), skewDegrees, upsideDown ? " rot180" : "", shiftXmm,
				shiftYmm, jpegQuality, noise, dust, qrStroke.name().toLowerCase(Locale.ROOT));
	}

}
