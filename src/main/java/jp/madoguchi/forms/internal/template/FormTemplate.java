package jp.madoguchi.forms.internal.template;

import java.util.List;

/**
 * A loaded, validated template: its identity (id, version, SHA-256 of the folder's content),
 * pages of elements, and the QR code positions shared by every page.
 */
public record FormTemplate(String id, String version, String sha256, String title, String file,
                           List<QrBox> qrCodes, List<Page> pages) {

    public static final float PAGE_WIDTH = 595.276f;
    public static final float PAGE_HEIGHT = 841.89f;

    /** A QR symbol's square, lower-left corner and edge in points; the quiet zone lies outside it. */
    public record QrBox(float x, float y, float size, int line) {
    }

    public record Page(List<Element> elements) {
    }
}
