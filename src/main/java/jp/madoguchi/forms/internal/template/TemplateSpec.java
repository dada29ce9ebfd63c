package jp.madoguchi.forms.internal.template;

import java.util.List;

/**
 * The JSON shape of a template file ({@code templates/<form-id>/template.json}), as a
 * designer writes it: millimetres from the page's top-left corner, font sizes in points.
 */
public record TemplateSpec(String id, String version, String title, String source, List<QrSpec> qr,
		List<PageSpec> pages) {

	/**
	 * Where a QR symbol goes (its top-left corner and edge length, quiet zone not
	 * included).
	 */
	public record QrSpec(Double x, Double y, Double size) {
	}

	public record PageSpec(List<ElementSpec> elements) {
	}

	/** One drawable element; which attributes apply depends on {@code type}. */
	public record ElementSpec(String type, Double x, Double y, Double w, Double h, Double x2, Double y2, String font,
			Double size, Double minSize, String align, Double lineHeight, Integer maxLines, String text, String when,
			String kind, String label, String checked, Double lineWidth, Double rowHeight, Integer rows,
			List<ColumnSpec> columns) {
	}

	public record ColumnSpec(String title, Double w) {
	}
}
