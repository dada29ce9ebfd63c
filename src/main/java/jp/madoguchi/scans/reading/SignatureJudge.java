package jp.madoguchi.scans.reading;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

import jp.madoguchi.forms.Region;

/**
 * Decides whether a signature or seal box holds a signature or seal: the box is located
 * on the scan through {@code pdfToImage}, compared with the same box of the unsigned
 * form, and ink that the form does not explain counts. A red seal counts, and so does a
 * seal that is only dark on a greyscale scan.
 */
public final class SignatureJudge {

	public BoxJudgement judge(BufferedImage scan, AffineTransform pdfToImage, Region box, ReferencePage unsigned) {
		return new BoxJudgement(Verdict.UNCLEAR, 0);
	}

}
