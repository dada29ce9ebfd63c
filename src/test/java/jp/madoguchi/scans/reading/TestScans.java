package jp.madoguchi.scans.reading;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import jp.madoguchi.forms.Applicant;
import jp.madoguchi.forms.Applicant.Delivery;
import jp.madoguchi.forms.Applicant.Hardship;
import jp.madoguchi.forms.Applicant.Party;
import jp.madoguchi.forms.Applicant.Procedure;
import jp.madoguchi.forms.Applicant.Sex;
import jp.madoguchi.forms.FontFiles;
import jp.madoguchi.forms.FormId;
import jp.madoguchi.forms.FormsEngine;
import jp.madoguchi.forms.GeneratedDocument;
import jp.madoguchi.forms.MunicipalitySettings;
import jp.madoguchi.forms.Region;

/**
 * Small scans for the reading tests: a generated form rendered with PDFBox, then turned,
 * skewed, degraded and signed by simple means (the realistic corpus lives elsewhere).
 */
final class TestScans {

	static final float A4_HEIGHT_PT = 841.89f;

	private static FormsEngine engine;

	private static GeneratedDocument consent;

	private TestScans() {
	}

	static synchronized FormsEngine engine() {
		if (engine == null) {
			engine = FormsEngine.load(Path.of("templates"), FontFiles.debianDefaults());
		}
		return engine;
	}

	static Applicant applicant(String id, String name) {
		return new Applicant(id, name, "タカハシ　ハナコ", LocalDate.of(1948, 5, 3), Sex.FEMALE, "716-0000", "岡山県高梁市松原通２０４３番地",
				"特別養護老人ホーム　高梁やすらぎの里", "101", Procedure.NEW_CARD_APPLIED_IN_PERSON, Party.PROXY, "施設　次郎", "施設職員", true,
				true, Delivery.RESTRICTED_POST, false, Set.of(Hardship.FACILITY_RESIDENT), false, "");
	}

	static GeneratedDocument generate(FormId form, String applicantId) {
		MunicipalitySettings settings = new MunicipalitySettings("高梁市", "高梁市長", "市民課", "0866-21-0253", "平日 8:30〜17:15");
		return engine().generate(form, applicant(applicantId, "高梁　花子"), settings, LocalDate.of(2026, 11, 21));
	}

	static synchronized GeneratedDocument consent() {
		if (consent == null) {
			consent = generate(FormId.CONSENT, "A-0001");
		}
		return consent;
	}

	static List<Region> regions(GeneratedDocument doc, int page, Region.Kind kind) {
		return doc.record().regions().stream().filter(r -> r.page() == page && r.kind() == kind).toList();
	}

	static BufferedImage render(GeneratedDocument doc, int page, float dpi, ImageType type) {
		try (PDDocument pdf = Loader.loadPDF(doc.pdf())) {
			return new PDFRenderer(pdf).renderImageWithDPI(page - 1, dpi, type);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** PDF points to the pixels of a page rendered at {@code dpi}. */
	static AffineTransform pdfToRendered(float dpi) {
		double s = dpi / 72.0;
		return new AffineTransform(s, 0, 0, -s, 0, A4_HEIGHT_PT * s);
	}

	/** A scribbled signature across the box. */
	static void scribble(BufferedImage image, Region box, float dpi, Color colour, long seed) {
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.transform(pdfToRendered(dpi));
		g.setColor(colour);
		g.setStroke(new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		Random random = new Random(seed);
		Path2D path = new Path2D.Double();
		double x = box.x() + box.w() * 0.3;
		double y = box.y() + box.h() * 0.4;
		path.moveTo(x, y);
		for (int i = 0; i < 14; i++) {
			x += box.w() * 0.03;
			y = box.y() + box.h() * (0.25 + 0.5 * random.nextDouble());
			path.quadTo(x - box.w() * 0.02, box.y() + box.h() * (0.2 + 0.6 * random.nextDouble()), x, y);
		}
		g.draw(path);
		g.dispose();
	}

	/** A round seal with one character, in the given colour, centred in the box. */
	static void seal(BufferedImage image, Region box, float dpi, Color colour) {
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		double s = dpi / 72.0;
		double cx = (box.x() + box.w() / 2) * s;
		double cy = (A4_HEIGHT_PT - box.y() - box.h() / 2) * s;
		double r = 5.5 * 72 / 25.4 * s;
		g.setColor(colour);
		g.setStroke(new BasicStroke((float) (0.7 * 72 / 25.4 * s)));
		g.drawOval((int) (cx - r), (int) (cy - r), (int) (2 * r), (int) (2 * r));
		g.setFont(new Font(Font.SERIF, Font.BOLD, (int) (r * 1.2)));
		g.drawString("高", (float) (cx - r * 0.6), (float) (cy + r * 0.4));
		g.dispose();
	}

	/** Turned by {@code degrees} about the centre, on a canvas of the same size. */
	static BufferedImage rotate(BufferedImage image, double degrees, Color background) {
		BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), image.getType());
		Graphics2D g = out.createGraphics();
		g.setColor(background);
		g.fillRect(0, 0, out.getWidth(), out.getHeight());
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.rotate(Math.toRadians(degrees), image.getWidth() / 2.0, image.getHeight() / 2.0);
		g.drawImage(image, 0, 0, null);
		g.dispose();
		return out;
	}

	/** Turned by a quarter clockwise (the canvas turns too). */
	static BufferedImage quarter(BufferedImage image) {
		BufferedImage out = new BufferedImage(image.getHeight(), image.getWidth(), image.getType());
		Graphics2D g = out.createGraphics();
		g.translate(image.getHeight(), 0);
		g.rotate(Math.PI / 2);
		g.drawImage(image, 0, 0, null);
		g.dispose();
		return out;
	}

	static BufferedImage jpeg(BufferedImage image, float quality) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
				writer.setOutput(out);
				writer.write(null, new IIOImage(image, null, null), param);
			}
			writer.dispose();
			return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Gaussian noise on a grey image. */
	static BufferedImage noise(BufferedImage grey, double sigma, long seed) {
		BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
		Random random = new Random(seed);
		int[] row = new int[grey.getWidth()];
		for (int y = 0; y < grey.getHeight(); y++) {
			grey.getRaster().getSamples(0, y, grey.getWidth(), 1, 0, row);
			for (int x = 0; x < row.length; x++) {
				row[x] = Math.clamp(Math.round(row[x] + random.nextGaussian() * sigma), 0, 255);
			}
			out.getRaster().setSamples(0, y, grey.getWidth(), 1, 0, row);
		}
		return out;
	}

	/** Black and white by a fixed threshold, as a 1-bit image. */
	static BufferedImage blackAndWhite(BufferedImage grey) {
		BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
		int[] row = new int[grey.getWidth()];
		for (int y = 0; y < grey.getHeight(); y++) {
			grey.getRaster().getSamples(0, y, grey.getWidth(), 1, 0, row);
			for (int x = 0; x < row.length; x++) {
				row[x] = row[x] < 128 ? 0 : 1;
			}
			out.getRaster().setSamples(0, y, grey.getWidth(), 1, 0, row);
		}
		return out;
	}

	/**
	 * Floyd–Steinberg dithering to 1 bit, after lightening and softening the page a
	 * little.
	 */
	static BufferedImage dither(BufferedImage grey) {
		int w = grey.getWidth();
		int h = grey.getHeight();
		float[] v = new float[w * h];
		int[] row = new int[w];
		for (int y = 0; y < h; y++) {
			grey.getRaster().getSamples(0, y, w, 1, 0, row);
			for (int x = 0; x < w; x++) {
				v[y * w + x] = 40 + row[x] * 0.8f;
			}
		}
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				float old = v[y * w + x];
				int now = old < 128 ? 0 : 255;
				float err = old - now;
				row[x] = now == 0 ? 0 : 1;
				if (x + 1 < w) {
					v[y * w + x + 1] += err * 7 / 16;
				}
				if (y + 1 < h) {
					if (x > 0) {
						v[(y + 1) * w + x - 1] += err * 3 / 16;
					}
					v[(y + 1) * w + x] += err * 5 / 16;
					if (x + 1 < w) {
						v[(y + 1) * w + x + 1] += err / 16;
					}
				}
			}
			out.getRaster().setSamples(0, y, w, 1, 0, row);
		}
		return out;
	}

	/** A thick pen stroke across the given QR box. */
	static void strikeThrough(BufferedImage image, Region box, float dpi) {
		Graphics2D g = image.createGraphics();
		g.transform(pdfToRendered(dpi));
		g.setColor(Color.BLACK);
		g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.drawLine((int) box.x() - 5, (int) box.y() + 3, (int) (box.x() + box.w() + 5), (int) (box.y() + box.h() - 3));
		g.drawLine((int) box.x() - 5, (int) (box.y() + box.h() * 0.6), (int) (box.x() + box.w() + 5),
				(int) (box.y() + box.h() * 0.4));
		g.dispose();
	}

	static BufferedImage copy(BufferedImage image) {
		BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), image.getType());
		Graphics2D g = out.createGraphics();
		g.drawImage(image, 0, 0, null);
		g.dispose();
		return out;
	}

	static BufferedImage toRgb(BufferedImage image) {
		BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
		Graphics2D g = out.createGraphics();
		g.drawImage(image, 0, 0, null);
		g.dispose();
		return out;
	}

}
