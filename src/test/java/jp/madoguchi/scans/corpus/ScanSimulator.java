package jp.madoguchi.scans.corpus;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import jp.madoguchi.forms.FontFiles;
import jp.madoguchi.forms.Region;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Fills in printed forms and scans them as an office multifunction printer would: pen
 * strokes and red seals in the signature and seal boxes, a stroke across a QR code; then
 * skew, rotation, tone, noise, dust, colour / greyscale / black-and-white / dithered, and
 * JPEG. All randomness comes from the {@link Random} passed in, so a fixed seed gives the
 * same page every time. Images are handled as raw byte rasters to stay quick at 300 dpi.
 */
public final class ScanSimulator {

	private static final Color[] INKS = { new Color(20, 20, 25), new Color(25, 35, 95), new Color(30, 55, 150),
			new Color(45, 45, 45) };

	private static final int[][] BAYER = bayer8();

	private static final String[] TEXT = { "お知らせ", "令和八年度の介護保険料の納付について、下記のとおりお知らせいたします。",
			"納付書に記載の金額を期限までに金融機関でお納めください。", "ご不明な点は、市役所介護保険課までお問い合わせください。", "口座振替を希望される方は、通帳と届出印をお持ちのうえ窓口へお越しください。",
			"記", "一　納付期限　毎月末日", "二　納付場所　市内の金融機関及びコンビニエンスストア", "以上" };

	private static Font sealFont;

	private ScanSimulator() {
	}

	// ---------------------------------------------------------------- rendering

	/**
	 * A printed page as an 8-bit grey image at {@code dpi} (the forms print in black).
	 */
	public static BufferedImage render(PDFRenderer renderer, int pageIndex, int dpi) {
		try {
			return renderer.renderImageWithDPI(pageIndex, dpi, ImageType.GRAY);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A form region in image pixels (y downwards) on a page rendered at {@code dpi}. */
	public static Rectangle2D pixels(Region region, float pageHeightPoints, double dpi) {
		double s = dpi / 72;
		return new Rectangle2D.Double(region.x() * s, (pageHeightPoints - region.y() - region.h()) * s, region.w() * s,
				region.h() * s);
	}

	// ---------------------------------------------------------------- filling in

	/**
	 * A colour copy of a clean grey page with the boxes filled in as {@code boxes} say,
	 * and a pen stroke across one QR code if asked.
	 * @param sealText one or two characters engraved on the seal (the surname)
	 */
	public static BufferedImage fill(BufferedImage clean, int dpi, float pageHeightPoints, List<BoxTruth> boxes,
			List<Region> qrBoxes, QrStroke qrStroke, String sealText, Random random) {
		return fill(clean, true, dpi, pageHeightPoints, boxes, qrBoxes, qrStroke, sealText, random);
	}

	/**
	 * {@link #fill(BufferedImage, int, float, List, List, QrStroke, String, Random)} into
	 * a colour or, for a scan without colour, a grey copy (quicker; the inks are drawn in
	 * their luminance, which is what the colour page would turn into).
	 */
	public static BufferedImage fill(BufferedImage clean, boolean colour, int dpi, float pageHeightPoints,
			List<BoxTruth> boxes, List<Region> qrBoxes, QrStroke qrStroke, String sealText, Random random) {
		BufferedImage page = colour ? toColour(clean) : toGrey(clean);
		Graphics2D g = page.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
			for (BoxTruth box : boxes) {
				Rectangle2D area = pixels(box.region(), pageHeightPoints, dpi);
				switch (box.mark()) {
					case STROKES -> drawSignature(g, area, dpi, random);
					case RED_SEAL -> drawSeal(page, area, dpi, sealText, random);
					case EMPTY -> {
					}
				}
			}
			if (qrStroke != QrStroke.NONE && qrBoxes.size() > qrStroke.ordinal() - 1) {
				Region qr = qrBoxes.get(qrStroke.ordinal() - 1);
				drawQrStroke(g, pixels(qr, pageHeightPoints, dpi), dpi, random);
			}
		}
		finally {
			g.dispose();
		}
		return page;
	}

	/**
	 * A full name written by hand (署名 is the whole name, family and given): three to five
	 * kanji-like characters of four to nine pen strokes each.
	 */
	static void drawSignature(Graphics2D g, Rectangle2D box, double dpi, Random random) {
		double mm = dpi / 25.4;
		double pen = (0.35 + random.nextDouble() * 0.45) * mm;
		g.setColor(INKS[random.nextInt(INKS.length)]);
		g.setStroke(new BasicStroke((float) pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		int characters = 3 + random.nextInt(3);
		double cell = Math.min(box.getHeight() * (0.55 + 0.2 * random.nextDouble()),
				box.getWidth() * 0.8 / (characters * 1.15));
		double total = characters * cell * 1.15;
		double x0 = box.getX() + box.getWidth() * 0.08
				+ random.nextDouble() * Math.max(0, box.getWidth() * 0.84 - total);
		double y0 = box.getY() + (box.getHeight() - cell) / 2 + (random.nextDouble() - 0.5) * box.getHeight() * 0.1;
		for (int c = 0; c < characters; c++) {
			double jitter = (random.nextDouble() - 0.5) * cell * 0.12;
			drawCharacter(g, x0 + c * cell * 1.15, y0 + jitter, cell, random);
		}
	}

	private static void drawCharacter(Graphics2D g, double x, double y, double size, Random random) {
		int strokes = 4 + random.nextInt(6);
		for (int s = 0; s < strokes; s++) {
			double sx = x + random.nextDouble() * size * 0.7;
			double sy = y + random.nextDouble() * size * 0.7;
			double length = size * (0.3 + random.nextDouble() * 0.6);
			double ex;
			double ey;
			switch (random.nextInt(5)) {
				case 0 -> {
					ex = sx + length;
					ey = sy + (random.nextDouble() - 0.5) * size * 0.12;
				}
				case 1 -> {
					ex = sx + (random.nextDouble() - 0.5) * size * 0.1;
					ey = sy + length;
				}
				case 2 -> {
					ex = sx - length * 0.6;
					ey = sy + length * 0.8;
				}
				case 3 -> {
					ex = sx + length * 0.6;
					ey = sy + length * 0.8;
				}
				default -> {
					ex = sx + length * 0.25;
					ey = sy + length * 0.25;
				}
			}
			ex = Math.clamp(ex, x, x + size);
			ey = Math.clamp(ey, y, y + size);
			double bend = (random.nextDouble() - 0.5) * 0.4;
			double cx = (sx + ex) / 2 - (ey - sy) * bend;
			double cy = (sy + ey) / 2 + (ex - sx) * bend;
			g.draw(new QuadCurve2D.Double(sx, sy, cx, cy, ex, ey));
		}
	}

	/**
	 * A red seal 10 to 13.5 mm across, a little off centre and turned, with the patchy
	 * ink of a real seal (75 to 100% strength: fainter, a seal vanishes from a
	 * black-and-white scan whose threshold is low, and no reader could see it), blended
	 * multiplicatively (printed lines stay dark beneath it).
	 */
	static void drawSeal(BufferedImage page, Rectangle2D box, double dpi, String text, Random random) {
		double mm = dpi / 25.4;
		double diameter = (10 + random.nextDouble() * 3.5) * mm;
		double ring = (0.6 + random.nextDouble() * 0.4) * mm;
		float glyphPen = (float) ((0.15 + random.nextDouble() * 0.2) * mm);
		double centreX = box.getCenterX() + (random.nextDouble() - 0.5) * 2.5 * mm;
		double centreY = box.getCenterY() + (random.nextDouble() - 0.5) * 2.5 * mm;
		int size = (int) Math.ceil(diameter + 4);
		BufferedImage layer = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = layer.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.rotate(Math.toRadians((random.nextDouble() - 0.5) * 24), size / 2.0, size / 2.0);
			g.setStroke(new BasicStroke((float) ring));
			double inset = 2 + ring / 2;
			g.draw(new Ellipse2D.Double(inset, inset, size - 2 * inset, size - 2 * inset));
			String engraved = text == null || text.isEmpty() ? "印" : text.substring(0, Math.min(2, text.length()));
			double glyphSize = engraved.length() == 1 ? diameter * 0.6 : diameter * 0.38;
			Font font = sealFont().deriveFont((float) glyphSize);
			FontRenderContext context = g.getFontRenderContext();
			double lineStep = glyphSize * 1.02;
			double top = size / 2.0 - lineStep * engraved.length() / 2.0;
			for (int i = 0; i < engraved.length(); i++) {
				GlyphVector glyph = font.createGlyphVector(context, engraved.substring(i, i + 1));
				Rectangle2D bounds = glyph.getVisualBounds();
				double gx = size / 2.0 - bounds.getCenterX();
				double gy = top + lineStep * i + lineStep / 2 - bounds.getCenterY();
				Shape outline = glyph.getOutline((float) gx, (float) gy);
				g.fill(outline);
				g.setStroke(new BasicStroke(glyphPen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
				g.draw(outline);
			}
		}
		finally {
			g.dispose();
		}
		int red = 195 + random.nextInt(30);
		int green = 25 + random.nextInt(35);
		int blue = 35 + random.nextInt(35);
		int luminance = (77 * red + 150 * green + 29 * blue) >> 8;
		boolean grey = page.getType() == BufferedImage.TYPE_BYTE_GRAY;
		double[][] patches = new double[8][8];
		for (double[] row : patches) {
			for (int i = 0; i < row.length; i++) {
				row[i] = 0.75 + random.nextDouble() * 0.25;
			}
		}
		byte[] coverage = ((DataBufferByte) layer.getRaster().getDataBuffer()).getData();
		byte[] pixels = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
		int width = page.getWidth();
		int height = page.getHeight();
		int left = (int) Math.round(centreX - size / 2.0);
		int top = (int) Math.round(centreY - size / 2.0);
		for (int y = 0; y < size; y++) {
			int py = top + y;
			if (py < 0 || py >= height) {
				continue;
			}
			for (int x = 0; x < size; x++) {
				int px = left + x;
				int a = coverage[y * size + x] & 0xff;
				if (a == 0 || px < 0 || px >= width) {
					continue;
				}
				double f = a / 255.0 * patch(patches, x / (double) size, y / (double) size);
				if (grey) {
					int at = py * width + px;
					pixels[at] = (byte) multiply(pixels[at] & 0xff, luminance, f);
					continue;
				}
				int at = (py * width + px) * 3;
				pixels[at] = (byte) multiply(pixels[at] & 0xff, blue, f);
				pixels[at + 1] = (byte) multiply(pixels[at + 1] & 0xff, green, f);
				pixels[at + 2] = (byte) multiply(pixels[at + 2] & 0xff, red, f);
			}
		}
	}

	private static int multiply(int background, int ink, double share) {
		return (int) Math.round(background * (1 - share * (1 - ink / 255.0)));
	}

	private static double patch(double[][] grid, double u, double v) {
		double gx = u * (grid.length - 1);
		double gy = v * (grid.length - 1);
		int x0 = Math.min((int) gx, grid.length - 2);
		int y0 = Math.min((int) gy, grid.length - 2);
		double fx = gx - x0;
		double fy = gy - y0;
		double top = grid[y0][x0] * (1 - fx) + grid[y0][x0 + 1] * fx;
		double bottom = grid[y0 + 1][x0] * (1 - fx) + grid[y0 + 1][x0 + 1] * fx;
		return top * (1 - fy) + bottom * fy;
	}

	/** A pen line right across a QR code, slightly curved. */
	static void drawQrStroke(Graphics2D g, Rectangle2D qr, double dpi, Random random) {
		double mm = dpi / 25.4;
		g.setColor(INKS[random.nextInt(INKS.length)]);
		g.setStroke(new BasicStroke((float) ((0.6 + random.nextDouble() * 0.5) * mm), BasicStroke.CAP_ROUND,
				BasicStroke.JOIN_ROUND));
		double y1 = qr.getY() + qr.getHeight() * (0.2 + random.nextDouble() * 0.6);
		double y2 = qr.getY() + qr.getHeight() * (0.2 + random.nextDouble() * 0.6);
		double x1 = qr.getX() - 2 * mm;
		double x2 = qr.getMaxX() + 2 * mm;
		double bend = (random.nextDouble() - 0.5) * qr.getHeight() * 0.3;
		g.draw(new QuadCurve2D.Double(x1, y1, (x1 + x2) / 2, (y1 + y2) / 2 + bend, x2, y2));
	}

	// ---------------------------------------------------------------- other pages

	/**
	 * The unprinted back of a sheet: paper with the front showing through faintly,
	 * mirrored and blurred by the paper.
	 * @param showThrough how much of the front's ink shows, e.g. 0.03 to 0.1
	 */
	public static BufferedImage blankBack(BufferedImage frontGrey, double showThrough) {
		int width = frontGrey.getWidth();
		int height = frontGrey.getHeight();
		BufferedImage small = new BufferedImage(Math.max(1, width / 8), Math.max(1, height / 8),
				BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = small.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.drawImage(frontGrey, small.getWidth(), 0, -small.getWidth(), small.getHeight(), null);
		g.dispose();
		BufferedImage back = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		g = back.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(small, 0, 0, width, height, null);
		g.dispose();
		byte[] pixels = ((DataBufferByte) back.getRaster().getDataBuffer()).getData();
		for (int i = 0; i < pixels.length; i++) {
			pixels[i] = (byte) (255 - (int) Math.round((255 - (pixels[i] & 0xff)) * showThrough));
		}
		return back;
	}

	/**
	 * A page that is no form: a letter in Japanese with, optionally, QR codes that are
	 * not ours (a web address, an MDG1 payload whose code does not verify).
	 */
	public static BufferedImage notAForm(int dpi, List<String> qrPayloads, Random random) {
		int width = (int) Math.round(210 / 25.4 * dpi);
		int height = (int) Math.round(297 / 25.4 * dpi);
		double mm = dpi / 25.4;
		BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = page.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.BLACK);
			Font font = sealFont().deriveFont((float) (4 * mm));
			g.setFont(font);
			double y = (30 + random.nextDouble() * 20) * mm;
			for (String line : TEXT) {
				g.drawString(line, (float) (25 * mm), (float) y);
				y += (8 + random.nextDouble() * 4) * mm;
			}
			g.setStroke(new BasicStroke((float) (0.3 * mm)));
			g.drawRect((int) (25 * mm), (int) (y + 5 * mm), (int) (160 * mm), (int) (40 * mm));
			for (int i = 0; i < qrPayloads.size(); i++) {
				double size = (18 + random.nextDouble() * 10) * mm;
				double x = i % 2 == 0 ? 150 * mm : 30 * mm;
				double top = (200 + random.nextDouble() * 40) * mm;
				drawQr(g, qrPayloads.get(i), x, top, size);
			}
		}
		finally {
			g.dispose();
		}
		return page;
	}

	private static void drawQr(Graphics2D g, String payload, double x, double y, double size) {
		try {
			ByteMatrix matrix = Encoder.encode(payload, ErrorCorrectionLevel.M).getMatrix();
			double module = size / matrix.getWidth();
			g.setColor(Color.BLACK);
			for (int my = 0; my < matrix.getHeight(); my++) {
				for (int mx = 0; mx < matrix.getWidth(); mx++) {
					if (matrix.get(mx, my) == 1) {
						g.fill(new Rectangle2D.Double(x + mx * module, y + my * module, module, module));
					}
				}
			}
		}
		catch (WriterException e) {
			throw new IllegalStateException(e);
		}
	}

	// ---------------------------------------------------------------- scanning

	/** A scan: the image as delivered, and the JPEG file it came from when it did. */
	public record Scan(BufferedImage image, byte[] jpeg) {
	}

	/**
	 * Scans a page: places it on the glass (shift, skew, upside down), then the scanner's
	 * tone curve, dust, sensor noise, colour setting and file format.
	 * @param page a grey or colour (TYPE_3BYTE_BGR) page at {@code effects.dpi()}
	 */
	public static Scan scan(BufferedImage page, Effects effects, Random random) {
		boolean colour = effects.colour() == ColourMode.COLOUR;
		BufferedImage working = colour ? toColour(page) : toGrey(page);
		working = place(working, effects);
		dust(working, effects, random);
		int paper = 232 + random.nextInt(20);
		int black = 12 + random.nextInt(30);
		tone(working, paper, black, effects.noise(), random);
		BufferedImage image = switch (effects.colour()) {
			case COLOUR, GREY -> working;
			// an office printer's text mode: mid-grey and darker is black, so that a red
			// seal (luminance about 40%) stays
			case BLACK_WHITE -> threshold(working, 128 + random.nextInt(33));
			case DITHER_DIFFUSION -> diffuse(working);
			case DITHER_ORDERED -> ordered(working);
		};
		if (effects.jpegQuality() > 0 && !effects.colour().binary()) {
			byte[] jpeg = jpeg(image, effects.jpegQuality() / 100f);
			return new Scan(readImage(jpeg), jpeg);
		}
		return new Scan(image, null);
	}

	/**
	 * Shift, skew and rotation on a scanner lid that is a little greyer than paper. A
	 * sheet skewed by more than 1.5° is delivered whole, as the scanner's size detection
	 * does (its bounding box and a 3 mm margin): cut to A4, a corner with its QR code 8
	 * mm from the edge would be lost, which no reader could undo.
	 */
	private static BufferedImage place(BufferedImage page, Effects effects) {
		double mm = effects.dpi() / 25.4;
		if (effects.skewDegrees() == 0 && effects.shiftXmm() == 0 && effects.shiftYmm() == 0) {
			if (effects.upsideDown()) {
				rotate180(page);
			}
			return page;
		}
		int width = page.getWidth();
		int height = page.getHeight();
		double skew = Math.toRadians(effects.skewDegrees());
		int canvasWidth = width;
		int canvasHeight = height;
		if (Math.abs(effects.skewDegrees()) > 1.5) {
			double cos = Math.abs(Math.cos(skew));
			double sin = Math.abs(Math.sin(skew));
			canvasWidth = (int) Math.ceil(width * cos + height * sin + 6 * mm);
			canvasHeight = (int) Math.ceil(width * sin + height * cos + 6 * mm);
		}
		AffineTransform transform = new AffineTransform();
		transform.translate(canvasWidth / 2.0 + effects.shiftXmm() * mm, canvasHeight / 2.0 + effects.shiftYmm() * mm);
		transform.rotate(-skew + (effects.upsideDown() ? Math.PI : 0));
		transform.translate(-width / 2.0, -height / 2.0);
		return warp(page, canvasWidth, canvasHeight, transform, LID);
	}

	/** Rows per band of the work shared between threads. */
	private static final int BAND = 64;

	/** The scanner lid's grey around a sheet. */
	private static final int LID = 238;

	/**
	 * {@code source} mapped by {@code forward} onto a new image of the given size,
	 * bilinear in 8-bit fixed point; pixels the sheet does not cover get
	 * {@code background}.
	 */
	static BufferedImage warp(BufferedImage source, int width, int height, AffineTransform forward, int background) {
		AffineTransform inverse;
		try {
			inverse = forward.createInverse();
		}
		catch (NoninvertibleTransformException e) {
			throw new IllegalArgumentException(e);
		}
		int channels = source.getType() == BufferedImage.TYPE_BYTE_GRAY ? 1 : 3;
		BufferedImage target = new BufferedImage(width, height, source.getType());
		byte[] in = ((DataBufferByte) source.getRaster().getDataBuffer()).getData();
		byte[] out = ((DataBufferByte) target.getRaster().getDataBuffer()).getData();
		int sourceWidth = source.getWidth();
		int sourceHeight = source.getHeight();
		double[] m = new double[6];
		inverse.getMatrix(m);
		int stepX = (int) Math.round(m[0] * 65536);
		int stepY = (int) Math.round(m[1] * 65536);
		byte lid = (byte) background;
		int maxX = sourceWidth - 1;
		int maxY = sourceHeight - 1;
		int sourceStride = sourceWidth * channels;
		// bands of rows on the common pool: each row depends only on the source
		IntStream.range(0, (height + BAND - 1) / BAND).parallel().forEach(band -> {
			for (int y = band * BAND; y < Math.min(height, (band + 1) * BAND); y++) {
				double sx = m[0] * 0.5 + m[2] * (y + 0.5) + m[4] - 0.5;
				double sy = m[1] * 0.5 + m[3] * (y + 0.5) + m[5] - 0.5;
				int fx = (int) Math.round(sx * 65536);
				int fy = (int) Math.round(sy * 65536);
				int at = y * width * channels;
				for (int x = 0; x < width; x++, fx += stepX, fy += stepY, at += channels) {
					int ix = fx >> 16;
					int iy = fy >> 16;
					if (ix < 0 || iy < 0 || ix >= maxX || iy >= maxY) {
						out[at] = lid;
						if (channels == 3) {
							out[at + 1] = lid;
							out[at + 2] = lid;
						}
						continue;
					}
					int wx = (fx >> 8) & 0xff;
					int wy = (fy >> 8) & 0xff;
					int p00 = iy * sourceStride + ix * channels;
					int p10 = p00 + sourceStride;
					if (channels == 1) {
						int top = ((in[p00] & 0xff) << 8) + ((in[p00 + 1] & 0xff) - (in[p00] & 0xff)) * wx;
						int bottom = ((in[p10] & 0xff) << 8) + ((in[p10 + 1] & 0xff) - (in[p10] & 0xff)) * wx;
						out[at] = (byte) (((top << 8) + (bottom - top) * wy + 32768) >> 16);
					}
					else {
						for (int c = 0; c < 3; c++) {
							int a00 = in[p00 + c] & 0xff;
							int a10 = in[p10 + c] & 0xff;
							int top = (a00 << 8) + ((in[p00 + 3 + c] & 0xff) - a00) * wx;
							int bottom = (a10 << 8) + ((in[p10 + 3 + c] & 0xff) - a10) * wx;
							out[at + c] = (byte) (((top << 8) + (bottom - top) * wy + 32768) >> 16);
						}
					}
				}
			}
		});
		return target;
	}

	private static void rotate180(BufferedImage page) {
		byte[] pixels = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
		int channels = page.getType() == BufferedImage.TYPE_BYTE_GRAY ? 1 : 3;
		int pixelCount = pixels.length / channels;
		for (int i = 0, j = pixelCount - 1; i < j; i++, j--) {
			for (int c = 0; c < channels; c++) {
				byte swap = pixels[i * channels + c];
				pixels[i * channels + c] = pixels[j * channels + c];
				pixels[j * channels + c] = swap;
			}
		}
	}

	/** Specks and the odd hair, in grey, sized in tenths of a millimetre. */
	private static void dust(BufferedImage page, Effects effects, Random random) {
		if (effects.dust() == 0) {
			return;
		}
		double mm = effects.dpi() / 25.4;
		Graphics2D g = page.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			for (int i = 0; i < effects.dust(); i++) {
				int grey = 30 + random.nextInt(110);
				g.setColor(new Color(grey, grey, grey));
				double x = random.nextDouble() * page.getWidth();
				double y = random.nextDouble() * page.getHeight();
				if (i % 12 == 11) {
					g.setStroke(new BasicStroke((float) (0.08 * mm)));
					double length = (2 + random.nextDouble() * 6) * mm;
					g.draw(new QuadCurve2D.Double(x, y, x + length / 2, y + (random.nextDouble() - 0.5) * length,
							x + length, y + (random.nextDouble() - 0.5) * length));
				}
				else {
					double r = (0.05 + random.nextDouble() * 0.25) * mm;
					g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
				}
			}
		}
		finally {
			g.dispose();
		}
	}

	/**
	 * Maps white to the paper's tone and black to the scanner's black, and adds Gaussian
	 * sensor noise (the same on every channel of a pixel).
	 */
	private static void tone(BufferedImage page, int paper, int black, double sigma, Random random) {
		int[] curve = new int[256];
		for (int v = 0; v < 256; v++) {
			curve[v] = black + (v * (paper - black) + 127) / 255;
		}
		int[] noise = new int[64];
		for (int i = 0; i < noise.length; i++) {
			noise[i] = (int) Math.round(random.nextGaussian() * sigma);
		}
		byte[] pixels = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
		int channels = page.getType() == BufferedImage.TYPE_BYTE_GRAY ? 1 : 3;
		// one lookup per noise value and grey level: out = clamp(curve[v] + noise)
		byte[][] noisy = new byte[sigma == 0 ? 1 : 64][256];
		for (int n = 0; n < noisy.length; n++) {
			int offset = sigma == 0 ? 0 : noise[n];
			for (int v = 0; v < 256; v++) {
				int value = curve[v] + offset;
				noisy[n][v] = (byte) (value < 0 ? 0 : value > 255 ? 255 : value);
			}
		}
		int seed = random.nextInt();
		int mask = noisy.length - 1;
		int rowLength = page.getWidth() * channels;
		int rows = page.getHeight();
		// bands of rows on the common pool, each with its own noise sequence: the same
		// result however the bands are scheduled
		IntStream.range(0, (rows + BAND - 1) / BAND).parallel().forEach(band -> {
			int state = (seed ^ (band * 0x9E3779B9)) | 1;
			int end = Math.min(rows, (band + 1) * BAND) * rowLength;
			for (int i = band * BAND * rowLength; i < end; i += channels) {
				state ^= state << 13;
				state ^= state >>> 17;
				state ^= state << 5;
				byte[] table = noisy[(state >>> 8) & mask];
				pixels[i] = table[pixels[i] & 0xff];
				if (channels == 3) {
					pixels[i + 1] = table[pixels[i + 1] & 0xff];
					pixels[i + 2] = table[pixels[i + 2] & 0xff];
				}
			}
		});
	}

	private static BufferedImage threshold(BufferedImage grey, int level) {
		byte[] in = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
		int width = grey.getWidth();
		int height = grey.getHeight();
		BufferedImage binary = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
		byte[] out = ((DataBufferByte) binary.getRaster().getDataBuffer()).getData();
		int stride = (width + 7) / 8;
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				if ((in[y * width + x] & 0xff) >= level) {
					out[y * stride + (x >> 3)] |= (byte) (0x80 >>> (x & 7));
				}
			}
		}
		return binary;
	}

	/** Floyd–Steinberg error diffusion, serpentine. */
	private static BufferedImage diffuse(BufferedImage grey) {
		byte[] in = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
		int width = grey.getWidth();
		int height = grey.getHeight();
		BufferedImage binary = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
		byte[] out = ((DataBufferByte) binary.getRaster().getDataBuffer()).getData();
		int stride = (width + 7) / 8;
		int[] current = new int[width + 2];
		int[] next = new int[width + 2];
		for (int y = 0; y < height; y++) {
			boolean rightward = (y & 1) == 0;
			for (int k = 0; k < width; k++) {
				int x = rightward ? k : width - 1 - k;
				int old = (in[y * width + x] & 0xff) + current[x + 1] / 16;
				int value = old >= 128 ? 255 : 0;
				if (value == 255) {
					out[y * stride + (x >> 3)] |= (byte) (0x80 >>> (x & 7));
				}
				int error = old - value;
				int ahead = rightward ? x + 2 : x;
				int behind = rightward ? x : x + 2;
				current[ahead] += error * 7;
				next[behind] += error * 3;
				next[x + 1] += error * 5;
				next[ahead] += error;
			}
			int[] swap = current;
			current = next;
			next = swap;
			Arrays.fill(next, 0);
		}
		return binary;
	}

	/** Ordered dithering with an 8×8 Bayer matrix. */
	private static BufferedImage ordered(BufferedImage grey) {
		byte[] in = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
		int width = grey.getWidth();
		int height = grey.getHeight();
		BufferedImage binary = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
		byte[] out = ((DataBufferByte) binary.getRaster().getDataBuffer()).getData();
		int stride = (width + 7) / 8;
		for (int y = 0; y < height; y++) {
			int[] row = BAYER[y & 7];
			for (int x = 0; x < width; x++) {
				if ((in[y * width + x] & 0xff) > row[x & 7]) {
					out[y * stride + (x >> 3)] |= (byte) (0x80 >>> (x & 7));
				}
			}
		}
		return binary;
	}

	private static int[][] bayer8() {
		int[][] matrix = { { 0 } };
		while (matrix.length < 8) {
			int n = matrix.length;
			int[][] bigger = new int[2 * n][2 * n];
			for (int y = 0; y < n; y++) {
				for (int x = 0; x < n; x++) {
					int v = 4 * matrix[y][x];
					bigger[y][x] = v;
					bigger[y][x + n] = v + 2;
					bigger[y + n][x] = v + 3;
					bigger[y + n][x + n] = v + 1;
				}
			}
			matrix = bigger;
		}
		int[][] thresholds = new int[8][8];
		for (int y = 0; y < 8; y++) {
			for (int x = 0; x < 8; x++) {
				thresholds[y][x] = (matrix[y][x] * 256 + 128) / 64;
			}
		}
		return thresholds;
	}

	// ---------------------------------------------------------------- pixels and files

	/** A TYPE_3BYTE_BGR copy (always a new image). */
	public static BufferedImage toColour(BufferedImage page) {
		BufferedImage colour = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
		if (page.getType() == BufferedImage.TYPE_BYTE_GRAY) {
			byte[] in = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
			byte[] out = ((DataBufferByte) colour.getRaster().getDataBuffer()).getData();
			for (int i = 0, j = 0; i < in.length; i++, j += 3) {
				out[j] = in[i];
				out[j + 1] = in[i];
				out[j + 2] = in[i];
			}
			return colour;
		}
		if (page.getType() == BufferedImage.TYPE_3BYTE_BGR) {
			byte[] in = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
			byte[] out = ((DataBufferByte) colour.getRaster().getDataBuffer()).getData();
			System.arraycopy(in, 0, out, 0, in.length);
			return colour;
		}
		Graphics2D g = colour.createGraphics();
		g.drawImage(page, 0, 0, null);
		g.dispose();
		return colour;
	}

	/** A TYPE_BYTE_GRAY copy (always a new image); luminance by Rec. 601 weights. */
	public static BufferedImage toGrey(BufferedImage page) {
		BufferedImage grey = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
		byte[] out = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
		if (page.getType() == BufferedImage.TYPE_BYTE_GRAY) {
			System.arraycopy(((DataBufferByte) page.getRaster().getDataBuffer()).getData(), 0, out, 0, out.length);
			return grey;
		}
		if (page.getType() == BufferedImage.TYPE_3BYTE_BGR) {
			byte[] in = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
			for (int i = 0, j = 0; i < out.length; i++, j += 3) {
				out[i] = (byte) ((29 * (in[j] & 0xff) + 150 * (in[j + 1] & 0xff) + 77 * (in[j + 2] & 0xff)) >> 8);
			}
			return grey;
		}
		Graphics2D g = grey.createGraphics();
		g.drawImage(page, 0, 0, null);
		g.dispose();
		return grey;
	}

	/** The image as a baseline JPEG file of the given quality (0 to 1). */
	public static byte[] jpeg(BufferedImage image, float quality) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	static BufferedImage readImage(byte[] file) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(file));
			if (image == null) {
				throw new IllegalStateException("unreadable image");
			}
			return image;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** IPAex Mincho, the forms' own font, for seals and letters. */
	static synchronized Font sealFont() {
		if (sealFont == null) {
			Path file = FontFiles.debianDefaults().mincho();
			try {
				sealFont = Files.isRegularFile(file) ? Font.createFont(Font.TRUETYPE_FONT, file.toFile())
						: new Font(Font.SERIF, Font.PLAIN, 12);
			}
			catch (IOException | FontFormatException e) {
				sealFont = new Font(Font.SERIF, Font.PLAIN, 12);
			}
		}
		return sealFont;
	}

}
