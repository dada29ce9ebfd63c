package jp.madoguchi.forms.internal.template;

import java.util.List;

import jp.madoguchi.forms.TemplateOrigin;

/**
 * A loaded, validated template: its identity (id, origin, version, SHA-256 of the
 * content), pages of elements, and the QR code positions shared by every page.
 */
public record FormTemplate(String id, String version, String sha256, String title, String file, List<QrBox> qrCodes,
		List<Page> pages, TemplateOrigin origin) {

	public static final float PAGE_WIDTH = 595.276f;

	public static final float PAGE_HEIGHT = 841.89f;

	/**
	 * The same template as a municipality's installed version {@code number}: documents
	 * then record that number, by which the stored file can be looked up. Pages are
	 * shared, not copied.
	 */
	public FormTemplate asInstalledVersion(int number) {
		return new FormTemplate(id, Integer.toString(number), sha256, title, file, qrCodes, pages,
				TemplateOrigin.MUNICIPALITY);
	}

	/**
	 * A QR symbol's square, lower-left corner and edge in points; the quiet zone lies
	 * outside it.
	 */
	public record QrBox(float x, float y, float size, int line) {
	}

	public record Page(List<Element> elements) {
	}
}
