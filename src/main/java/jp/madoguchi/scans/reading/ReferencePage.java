package jp.madoguchi.scans.reading;

import java.awt.image.BufferedImage;

/**
 * The unsigned form's page rendered at {@code dpi} (whole page, no margins), against
 * which a signature box of a scan is compared.
 */
public record ReferencePage(BufferedImage image, float dpi, float pageHeightPoints) {
}
