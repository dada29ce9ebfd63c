package jp.madoguchi.forms.internal.pdf;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfTemplate;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * A QR code drawn as vector rectangles. The modules are drawn once per page into a form
 * XObject in module units (small integers keep the content stream short) and placed
 * twice, scaled. Dark modules are merged into horizontal runs, and equal runs of
 * consecutive rows into one rectangle, so a symbol costs a few hundred bytes.
 */
final class QrSymbol {

	private static final Map<EncodeHintType, Object> HINTS = new EnumMap<>(
			Map.of(EncodeHintType.CHARACTER_SET, "ISO-8859-1"));

	private final int modules;

	private final List<int[]> rectangles;

	private QrSymbol(int modules, List<int[]> rectangles) {
		this.modules = modules;
		this.rectangles = rectangles;
	}

	/**
	 * Error correction M: 15 % of the symbol may be damaged, and there is a second code
	 * on the page.
	 */
	static QrSymbol encode(String payload) {
		try {
			ByteMatrix matrix = Encoder.encode(payload, ErrorCorrectionLevel.M, HINTS).getMatrix();
			return new QrSymbol(matrix.getWidth(), rectangles(matrix));
		}
		catch (WriterException e) {
			throw new IllegalStateException("cannot encode QR payload " + payload, e);
		}
	}

	int modules() {
		return modules;
	}

	/** A form XObject of {@code modules × modules} units holding the dark modules. */
	PdfTemplate toTemplate(PdfContentByte canvas) {
		PdfTemplate template = canvas.createTemplate(modules, modules);
		template.setGrayFill(0);
		for (int[] r : rectangles) {
			template.rectangle(r[0], modules - r[1] - r[3], r[2], r[3]);
		}
		template.fill();
		return template;
	}

	/** Rectangles {x, y(top row), width, height} in modules, y counted downwards. */
	private static List<int[]> rectangles(ByteMatrix matrix) {
		List<int[]> done = new ArrayList<>();
		Map<Long, int[]> open = new HashMap<>();
		for (int y = 0; y < matrix.getHeight(); y++) {
			Map<Long, int[]> stillOpen = new HashMap<>();
			int x = 0;
			while (x < matrix.getWidth()) {
				if (matrix.get(x, y) != 1) {
					x++;
					continue;
				}
				int start = x;
				while (x < matrix.getWidth() && matrix.get(x, y) == 1) {
					x++;
				}
				long key = ((long) start << 32) | (x - start);
				int[] rect = open.remove(key);
				if (rect == null) {
					rect = new int[] { start, y, x - start, 0 };
				}
				rect[3]++;
				stillOpen.put(key, rect);
			}
			done.addAll(open.values());
			open = stillOpen;
		}
		done.addAll(open.values());
		return done;
	}

}
