package jp.madoguchi.scans.corpus;

import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes an image-only PDF as a scanner does: one image per page, the page as large as
 * the image at its dpi. A page the scanner saved as JPEG goes in as that JPEG
 * (DCTDecode), a black-and-white page as CCITT group 4, anything else Flate. Image data
 * is kept in a temporary file until {@link #close}, so a 500-page 300-dpi file needs no
 * more heap than one page.
 */
public final class ScanPdfWriter implements Closeable {

	private final PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());

	private final Path target;

	private int pages;

	public ScanPdfWriter(Path target) {
		this.target = target;
	}

	public void add(ScannedPage page) throws IOException {
		add(page.image(), page.truth().effects().dpi(), page.jpeg());
	}

	/**
	 * @param jpeg the page's JPEG file, or null to encode {@code image} losslessly (CCITT
	 * for 1-bit images, else Flate)
	 */
	public void add(BufferedImage image, int dpi, byte[] jpeg) throws IOException {
		PDImageXObject picture;
		if (jpeg != null) {
			picture = JPEGFactory.createFromByteArray(document, jpeg);
		}
		else if (image.getType() == BufferedImage.TYPE_BYTE_BINARY) {
			picture = CCITTFactory.createFromImage(document, image);
		}
		else {
			picture = LosslessFactory.createFromImage(document, image);
		}
		float width = image.getWidth() * 72f / dpi;
		float height = image.getHeight() * 72f / dpi;
		PDPage page = new PDPage(new PDRectangle(width, height));
		document.addPage(page);
		try (PDPageContentStream content = new PDPageContentStream(document, page)) {
			content.drawImage(picture, 0, 0, width, height);
		}
		pages++;
	}

	public int pages() {
		return pages;
	}

	/** Saves the file and deletes the temporary data. */
	@Override
	public void close() throws IOException {
		try {
			Files.deleteIfExists(target);
			document.save(target.toFile());
		}
		finally {
			document.close();
		}
	}

}
