package jp.madoguchi.scans.corpus;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Single-page files as a scanner's "scan to e-mail" produces them. */
public final class ScanImages {

	private ScanImages() {
	}

	/** The page as JPEG: the scanner's own file when it saved one, else quality 85. */
	public static void writeJpeg(ScannedPage page, Path target) throws IOException {
		byte[] jpeg = page.jpeg() != null ? page.jpeg()
				: ScanSimulator.jpeg(page.image().getType() == BufferedImage.TYPE_BYTE_BINARY
						? ScanSimulator.toGrey(page.image()) : page.image(), 0.85f);
		Files.write(target, jpeg);
	}

	/** The page as PNG (1-bit pages stay 1-bit). */
	public static void writePng(ScannedPage page, Path target) throws IOException {
		if (!ImageIO.write(page.image(), "png", target.toFile())) {
			throw new IOException("no PNG writer for image type " + page.image().getType());
		}
	}

}
