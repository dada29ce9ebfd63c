package jp.madoguchi.forms.internal.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import jp.madoguchi.forms.FormsLimits;
import jp.madoguchi.forms.TemplateOrigin;
import jp.madoguchi.forms.TemplateRejectedException;
import jp.madoguchi.forms.internal.template.Element.Align;
import jp.madoguchi.forms.internal.template.Element.FontRole;
import jp.madoguchi.forms.internal.template.TemplateSpec.ElementSpec;
import jp.madoguchi.forms.internal.template.TemplateSpec.PageSpec;
import jp.madoguchi.forms.internal.template.TemplateSpec.QrSpec;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a template folder ({@code template.json} plus assets), refuses anything it does
 * not understand with the file and line, and converts millimetres from the top-left into
 * PDF points. Whether the text fits is checked afterwards with the real fonts (see the
 * pdf package).
 */
public final class TemplateLoader {

	public static final String TEMPLATE_FILE = "template.json";

	private static final float MM = 72f / 25.4f;

	/**
	 * Clear space kept around each QR symbol: 4 modules of a 25-module symbol of at least
	 * 15 mm.
	 */
	public static final float QR_QUIET_ZONE_MM = 3f;

	private final JsonMapper mapper = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	/** Loads the folder {@code <root>/<formId>}. */
	public FormTemplate load(Path folder) {
		Path file = folder.resolve(TEMPLATE_FILE);
		try {
			byte[] json = Files.readAllBytes(file);
			Map<String, byte[]> assets = new TreeMap<>();
			try (Stream<Path> files = Files.list(folder)) {
				for (Path asset : files.filter(Files::isRegularFile).sorted().toList()) {
					if (!asset.getFileName().toString().equals(TEMPLATE_FILE)) {
						assets.put(asset.getFileName().toString(), Files.readAllBytes(asset));
					}
				}
			}
			return load(file.toString(), folder.getFileName().toString(), json, assets);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read template " + file, e);
		}
	}

	/**
	 * Loads a template from bytes, e.g. an upload. {@code fileName} is used in messages,
	 * {@code expectedId} must equal the template's id.
	 */
	public FormTemplate load(String fileName, String expectedId, byte[] json, Map<String, byte[]> assets) {
		TemplateSpec spec;
		try {
			spec = mapper.readValue(json, TemplateSpec.class);
		}
		catch (JacksonException e) {
			int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
			throw new TemplateRejectedException(fileName + ":" + line + ": " + e.getOriginalMessage());
		}
		List<Integer> elementLines = elementLines(fileName, json);
		String text = new String(json, StandardCharsets.UTF_8);
		return new Converter(fileName, text, elementLines).convert(spec, expectedId, sha256(json, assets));
	}

	/** The source line of every object in an "elements" array, in file order. */
	private List<Integer> elementLines(String fileName, byte[] json) {
		List<Integer> lines = new ArrayList<>();
		Deque<String> containers = new ArrayDeque<>();
		String property = null;
		try (JsonParser parser = mapper.createParser(json)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				switch (token) {
					case PROPERTY_NAME -> property = parser.currentName();
					case START_ARRAY -> {
						containers.push("[" + property);
						property = null;
					}
					case START_OBJECT -> {
						if ("[elements".equals(containers.peek())) {
							lines.add(parser.currentTokenLocation().getLineNr());
						}
						containers.push("{");
						property = null;
					}
					case END_ARRAY, END_OBJECT -> containers.pop();
					default -> {
						// scalar values need no bookkeeping
					}
				}
			}
		}
		catch (JacksonException e) {
			throw new TemplateRejectedException(
					fileName + ":" + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
		}
		return lines;
	}

	private static String sha256(byte[] json, Map<String, byte[]> assets) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(json);
			// Assets are part of what a person signed (e.g. a logo), so they are part of
			// the hash.
			for (Map.Entry<String, byte[]> asset : new TreeMap<>(assets).entrySet()) {
				digest.update(asset.getKey().getBytes(StandardCharsets.UTF_8));
				digest.update(asset.getValue());
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Turns the spec into elements, one validation error at a time with its line. */
	private static final class Converter {

		private final String fileName;

		private final String[] sourceLines;

		private final List<Integer> elementLines;

		private int elementIndex;

		Converter(String fileName, String source, List<Integer> elementLines) {
			this.fileName = fileName;
			this.sourceLines = source.split("\n", -1);
			this.elementLines = elementLines;
		}

		FormTemplate convert(TemplateSpec spec, String expectedId, String sha256) {
			require(spec.id() != null && !spec.id().isBlank(), lineOf("\"id\""), "missing \"id\"");
			require(spec.id().equals(expectedId), lineOf("\"id\""),
					"id \"" + spec.id() + "\" does not match the folder name \"" + expectedId + "\"");
			require(spec.version() != null && !spec.version().isBlank(), lineOf("\"id\""), "missing \"version\"");
			require(spec.title() != null, lineOf("\"id\""), "missing \"title\"");
			require(spec.version().length() <= FormsLimits.TEMPLATE_VERSION, lineOf("\"version\""),
					"\"version\" is longer than " + FormsLimits.TEMPLATE_VERSION + " characters");
			require(spec.title().length() <= FormsLimits.TEMPLATE_TITLE, lineOf("\"title\""),
					"\"title\" is longer than " + FormsLimits.TEMPLATE_TITLE + " characters");
			require(spec.qr() != null && spec.qr().size() == 2, lineOf("\"qr\""),
					"exactly two QR code positions are needed (opposite corners)");
			List<FormTemplate.QrBox> qr = new ArrayList<>();
			for (QrSpec q : spec.qr()) {
				int line = lineOf("\"qr\"");
				require(q.x() != null && q.y() != null && q.size() != null, line, "a QR position needs x, y and size");
				require(q.size() >= 15, line, "a QR code must be at least 15 mm");
				inside(q.x(), q.y(), q.size(), q.size(), line);
				qr.add(new FormTemplate.QrBox(mm(q.x()), FormTemplate.PAGE_HEIGHT - mm(q.y() + q.size()), mm(q.size()),
						line));
			}
			require(spec.pages() != null && !spec.pages().isEmpty(), lineOf("\"pages\""), "a template needs pages");
			List<FormTemplate.Page> pages = new ArrayList<>();
			for (PageSpec page : spec.pages()) {
				List<Element> elements = new ArrayList<>();
				for (ElementSpec e : page.elements() == null ? List.<ElementSpec>of() : page.elements()) {
					int line = elementIndex < elementLines.size() ? elementLines.get(elementIndex) : 0;
					elementIndex++;
					Element element = element(e, line);
					checkClearOfQrCodes(element, spec.qr(), line);
					elements.add(element);
				}
				pages.add(new FormTemplate.Page(List.copyOf(elements)));
			}
			return new FormTemplate(spec.id(), spec.version(), sha256, spec.title(), fileName, List.copyOf(qr),
					List.copyOf(pages), TemplateOrigin.DEFAULT);
		}

		private Element element(ElementSpec e, int line) {
			require(e.type() != null, line, "missing \"type\"");
			checkText(e.text(), line);
			checkText(e.label(), line);
			checkCondition(e.when(), line);
			checkCondition(e.checked(), line);
			return switch (e.type()) {
				case "text" -> {
					need(line, "text", e.x(), e.y(), e.w(), e.size());
					require(e.text() != null, line, "a text needs \"text\"");
					float h = e.h() == null ? 0 : mm(e.h());
					inside(e.x(), e.y(), e.w(), e.h() == null ? 0 : e.h(), line);
					yield new Element.Text(line, e.when(), mm(e.x()), top(e.y()), mm(e.w()), h, font(e.font(), line),
							e.size().floatValue(), e.lineHeight() == null ? 1.5f : e.lineHeight().floatValue(),
							align(e.align(), line), e.text());
				}
				case "field" -> {
					need(line, "field", e.x(), e.y(), e.w(), e.h(), e.size());
					require(e.text() != null && FieldCatalog.hasPlaceholders(e.text()), line,
							"a field needs a \"text\" with a placeholder");
					inside(e.x(), e.y(), e.w(), e.h(), line);
					float minSize = e.minSize() == null ? e.size().floatValue() : e.minSize().floatValue();
					require(minSize <= e.size() && minSize >= 5, line, "minSize must be between 5 and size");
					yield new Element.Field(line, e.when(), mm(e.x()), top(e.y()), mm(e.w()), mm(e.h()),
							font(e.font(), line), e.size().floatValue(), minSize,
							e.maxLines() == null ? 1 : e.maxLines(), align(e.align(), line), e.text());
				}
				case "box" -> {
					need(line, "box", e.x(), e.y(), e.w(), e.h());
					inside(e.x(), e.y(), e.w(), e.h(), line);
					require(e.kind() == null || e.kind().equals("signature") || e.kind().equals("seal"), line,
							"box kind must be \"signature\" or \"seal\"");
					yield new Element.Box(line, e.when(), mm(e.x()), FormTemplate.PAGE_HEIGHT - mm(e.y() + e.h()),
							mm(e.w()), mm(e.h()), lineWidth(e), e.kind(), e.label());
				}
				case "line" -> {
					need(line, "line", e.x(), e.y(), e.x2(), e.y2());
					inside(Math.min(e.x(), e.x2()), Math.min(e.y(), e.y2()), Math.abs(e.x2() - e.x()),
							Math.abs(e.y2() - e.y()), line);
					yield new Element.Line(line, e.when(), mm(e.x()), top(e.y()), mm(e.x2()), top(e.y2()),
							lineWidth(e));
				}
				case "check" -> {
					need(line, "check", e.x(), e.y(), e.size());
					inside(e.x(), e.y(), e.size(), e.size(), line);
					yield new Element.Check(line, e.when(), mm(e.x()), FormTemplate.PAGE_HEIGHT - mm(e.y() + e.size()),
							mm(e.size()), e.checked());
				}
				case "table" -> {
					need(line, "table", e.x(), e.y(), e.rowHeight(), e.size());
					require(e.rows() != null && e.rows() > 0, line, "a table needs \"rows\"");
					require(e.columns() != null && !e.columns().isEmpty(), line, "a table needs \"columns\"");
					double width = 0;
					List<Element.Column> columns = new ArrayList<>();
					for (TemplateSpec.ColumnSpec c : e.columns()) {
						require(c.w() != null && c.title() != null, line, "a column needs \"title\" and \"w\"");
						checkText(c.title(), line);
						width += c.w();
						columns.add(new Element.Column(c.title(), mm(c.w())));
					}
					inside(e.x(), e.y(), width, e.rowHeight() * (e.rows() + 1), line);
					yield new Element.Table(line, e.when(), mm(e.x()), top(e.y()), mm(e.rowHeight()), e.rows(),
							List.copyOf(columns), font(e.font(), line), e.size().floatValue());
				}
				default -> throw reject(line, "unknown element type \"" + e.type() + "\"");
			};
		}

		private void checkClearOfQrCodes(Element element, List<QrSpec> qrCodes, int line) {
			float[] box = bounds(element);
			for (QrSpec q : qrCodes) {
				float left = mm(q.x() - QR_QUIET_ZONE_MM);
				float right = mm(q.x() + q.size() + QR_QUIET_ZONE_MM);
				float top = FormTemplate.PAGE_HEIGHT - mm(q.y() - QR_QUIET_ZONE_MM);
				float bottom = FormTemplate.PAGE_HEIGHT - mm(q.y() + q.size() + QR_QUIET_ZONE_MM);
				boolean overlaps = box[0] < right && box[2] > left && box[1] < top && box[3] > bottom;
				require(!overlaps, line,
						"the element overlaps a QR code or its quiet zone (line " + lineOf("\"qr\"") + ")");
			}
		}

		/**
		 * Bounding box {left, bottom, right, top}; a text without a height counts one
		 * line.
		 */
		private static float[] bounds(Element element) {
			return switch (element) {
				case Element.Text t -> new float[] { t.x(), t.top() - Math.max(t.height(), t.size() * t.lineHeight()),
						t.x() + t.width(), t.top() };
				case Element.Field f -> new float[] { f.x(), f.top() - f.height(), f.x() + f.width(), f.top() };
				case Element.Box b -> new float[] { b.x(), b.y(), b.x() + b.w(), b.y() + b.h() };
				case Element.Line l -> new float[] { Math.min(l.x1(), l.x2()), Math.min(l.y1(), l.y2()),
						Math.max(l.x1(), l.x2()), Math.max(l.y1(), l.y2()) };
				case Element.Check c -> new float[] { c.x(), c.y(), c.x() + c.size(), c.y() + c.size() };
				case Element.Table t -> new float[] { t.x(), t.top() - t.rowHeight() * (t.rows() + 1),
						t.x() + (float) t.columns().stream().mapToDouble(Element.Column::width).sum(), t.top() };
			};
		}

		private void checkText(String text, int line) {
			if (text == null) {
				return;
			}
			FieldCatalog.unknownPlaceholder(text).ifPresent(name -> {
				throw reject(lineOf("{" + name + "}", line), "unknown field {" + name + "}");
			});
		}

		private void checkCondition(String condition, int line) {
			if (condition != null && !FieldCatalog.isKnownCondition(condition)) {
				throw reject(lineOf(condition, line), "unknown condition \"" + condition + "\"");
			}
		}

		private void need(int line, String type, Double... values) {
			for (Double v : values) {
				require(v != null, line, "a " + type + " element is missing a position, size or font size");
			}
		}

		private void inside(double x, double y, double w, double h, int line) {
			require(x >= 0 && y >= 0 && w >= 0 && h >= 0 && x + w <= 210.01 && y + h <= 297.01, line,
					"the element does not fit on the A4 page (210 × 297 mm)");
		}

		private FontRole font(String font, int line) {
			if (font == null || font.equals("mincho")) {
				return FontRole.MINCHO;
			}
			require(font.equals("gothic"), line, "font must be \"mincho\" or \"gothic\"");
			return FontRole.GOTHIC;
		}

		private Align align(String align, int line) {
			if (align == null || align.equals("left")) {
				return Align.LEFT;
			}
			return switch (align) {
				case "center" -> Align.CENTER;
				case "right" -> Align.RIGHT;
				default -> throw reject(line, "align must be left, center or right");
			};
		}

		private static float lineWidth(ElementSpec e) {
			return e.lineWidth() == null ? 0.6f : e.lineWidth().floatValue();
		}

		private static float mm(double value) {
			return (float) (value * MM);
		}

		private static float top(double yMm) {
			return FormTemplate.PAGE_HEIGHT - mm(yMm);
		}

		/**
		 * The first line containing {@code needle} at or after {@code from}, else the
		 * first anywhere.
		 */
		private int lineOf(String needle, int from) {
			for (int i = Math.max(0, from - 1); i < sourceLines.length; i++) {
				if (sourceLines[i].contains(needle)) {
					return i + 1;
				}
			}
			return lineOf(needle);
		}

		private int lineOf(String needle) {
			for (int i = 0; i < sourceLines.length; i++) {
				if (sourceLines[i].contains(needle)) {
					return i + 1;
				}
			}
			return 1;
		}

		private void require(boolean condition, int line, String message) {
			if (!condition) {
				throw reject(line, message);
			}
		}

		private TemplateRejectedException reject(int line, String message) {
			return new TemplateRejectedException(fileName + ":" + line + ": " + message);
		}

	}

}
