package jp.madoguchi.scans.corpus;

import java.awt.image.BufferedImage;

import jp.madoguchi.scans.reading.ReferencePage;

/**
 * One simulated scan of one page.
 *
 * @param truth what the page really is
 * @param image the page as the scanner delivered it (TYPE_3BYTE_BGR for colour,
 * TYPE_BYTE_GRAY for greyscale, TYPE_BYTE_BINARY for black-and-white and dithered)
 * @param jpeg the JPEG file the scanner saved the page as, when it did (null otherwise):
 * {@code image} is that file decoded
 * @param reference the unsigned form's page rendered at the scan's dpi (FORM pages only,
 * else null)
 */
public record ScannedPage(PageTruth truth, BufferedImage image, byte[] jpeg, ReferencePage reference) {
}
