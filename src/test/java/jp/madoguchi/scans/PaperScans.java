package jp.madoguchi.scans;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import tools.jackson.databind.JsonNode;

/**
 * Paper for the scans tests: a generated document rendered as a page image, a pen
 * signature drawn into its signature box, and an image-only PDF like an office scanner's.
 */
public final class PaperScans {

	private PaperScans() {
	}

	public static List<BufferedImage> render(byte[] pdf, float dpi) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFRenderer renderer = new PDFRenderer(document);
			List<BufferedImage> pages = new ArrayList<>();
			for (int i = 0; i < document.getNumberOfPages(); i++) {
				pages.add(renderer.renderImageWithDPI(i, dpi, ImageType.RGB));
			}
			return pages;
		}
	}

	/**
	 * Pen strokes across the box of {@code kind} on {@code page} of the document, given
	 * its regions as {@code GET /api/cases/{id}/documents} lists them.
	 */
	public static void sign(BufferedImage image, float dpi, JsonNode regions, int page, String kind) {
		for (JsonNode r : regions) {
			if (r.get("page").asInt() != page || !r.get("kind").asString().equals(kind)) {
				continue;
			}
			double scale = dpi / 72.0;
			double x = r.get("x").asDouble() * scale;
			double w = r.get("w").asDouble() * scale;
			double h = r.get("h").asDouble() * scale;
			double top = image.getHeight() - (r.get("y").asDouble() + r.get("h").asDouble()) * scale;
			Graphics2D g = image.createGraphics();
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setColor(new Color(20, 20, 60));
			g.setStroke(new BasicStroke((float) (2.2 * scale), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
			int steps = 12;
			int[] xs = new int[steps];
			int[] ys = new int[steps];
			for (int i = 0; i < steps; i++) {
				xs[i] = (int) (x + w * (0.3 + 0.5 * i / (steps - 1)));
				ys[i] = (int) (top + h * (0.45 + 0.3 * Math.sin(i * 1.7)));
			}
			g.drawPolyline(xs, ys, steps);
			g.dispose();
		}
	}

	/** A page that is not a form: a few lines of text, no QR code. */
	public static BufferedImage letter(float dpi) {
		int width = (int) (8.27 * dpi);
		int height = (int) (11.69 * dpi);
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SERIF, Font.PLAIN, (int) (dpi / 6)));
		for (int line = 0; line < 12; line++) {
			g.drawString("Notice " + line + " ------------------------------", (int) (dpi),
					(int) (dpi * (1.5 + line * 0.4)));
		}
		g.dispose();
		return image;
	}

	/** An empty page with a little scanner noise: the back of a duplex scan. */
	public static BufferedImage blankBack(float dpi) {
		int width = (int) (8.27 * dpi);
		int height = (int) (11.69 * dpi);
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(250, 250, 248));
		g.fillRect(0, 0, width, height);
		g.setColor(new Color(120, 120, 120));
		Random random = new Random(7);
		for (int i = 0; i < 40; i++) {
			g.fillRect(random.nextInt(width), random.nextInt(height), 2, 2);
		}
		g.dispose();
		return image;
	}

	/** A black-and-white scan of the page (threshold at mid-grey), 1 bit per pixel. */
	public static BufferedImage blackAndWhite(BufferedImage page) {
		BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < page.getHeight(); y++) {
			for (int x = 0; x < page.getWidth(); x++) {
				int rgb = page.getRGB(x, y);
				int luma = (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
				out.getRaster().setSample(x, y, 0, luma < 150 ? 0 : 1);
			}
		}
		return out;
	}

	/** An image-only PDF, one JPEG per page, as a multifunction printer writes it. */
	public static byte[] imagePdf(List<BufferedImage> pages, float dpi) throws IOException {
		try (PDDocument document = new PDDocument()) {
			for (BufferedImage image : pages) {
				PDRectangle size = new PDRectangle(image.getWidth() * 72f / dpi, image.getHeight() * 72f / dpi);
				PDPage page = new PDPage(size);
				document.addPage(page);
				PDImageXObject jpeg = JPEGFactory.createFromImage(document, image, 0.85f);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.drawImage(jpeg, 0, 0, size.getWidth(), size.getHeight());
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

	public static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
