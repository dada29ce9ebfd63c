package jp.madoguchi.support;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * Scanned pages for tests that only need a page that matches nothing: a white A4 page at
 * 100 dpi with some printed text and boxes, but no QR code.
 */
public final class ScanImages {

	private ScanImages() {
	}

	/**
	 * A PNG page with {@code text} printed on it (different text, different file: the
	 * service recognises a file it has seen before).
	 */
	public static byte[] pageWithoutCode(String text) {
		BufferedImage page = new BufferedImage(827, 1169, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = page.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, page.getWidth(), page.getHeight());
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 36));
		g.drawString("MEMO", 80, 140);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
		for (int line = 0; line < 12; line++) {
			g.drawString(text + " - line " + (line + 1), 80, 220 + line * 40);
		}
		g.setStroke(new BasicStroke(3));
		g.drawRect(60, 80, 700, 700);
		g.drawRect(500, 900, 240, 120);
		g.drawLine(100, 1000, 420, 960);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(page, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

}
