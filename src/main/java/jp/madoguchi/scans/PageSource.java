package jp.madoguchi.scans;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The pages of a scan file, one at a time, so that a 500-page file never sits in memory.
 * {@link #page} is called in page order from one thread; the task it returns decodes the
 * image and may run on another thread (a scanner's JPEG page is decoded there, in
 * parallel).
 */
abstract class PageSource implements Closeable {

	/** Pages scanned by an office machine's PDF are rendered at this resolution. */
	static final float RENDER_DPI = 200;

	final long maxPixels;

	PageSource(long maxPixels) {
		this.maxPixels = maxPixels;
	}

	abstract int pages();

	/**
	 * A task that yields page {@code n} (from 1); throws for a page that cannot be read.
	 */
	abstract Callable<BufferedImage> page(int n) throws IOException;

	static PageSource open(Path file, ScanFormat format, long maxPixels) throws IOException {
		return switch (format) {
			case PDF -> new PdfPages(file, maxPixels);
			case TIFF, JPEG, PNG -> new ImagePages(file, maxPixels);
		};
	}

	void checkSize(long width, long height) throws PageTooLargeException {
		if (width <= 0 || height <= 0 || width * height > maxPixels) {
			throw new PageTooLargeException(width, height);
		}
	}

	/**
	 * A page whose image is larger than the limit (a decompression bomb, or a mistake).
	 */
	static final class PageTooLargeException extends IOException {

		final long width;

		final long height;

		PageTooLargeException(long width, long height) {
			super("page of " + width + " x " + height + " pixels");
			this.width = width;
			this.height = height;
		}

	}

	/**
	 * PDF pages: an office scanner's page is one image covering the page, taken as it is
	 * (a JPEG is decoded on the worker); any other page is rendered.
	 */
	private static final class PdfPages extends PageSource {

		private final PDDocument document;

		private final PDFRenderer renderer;

		PdfPages(Path file, long maxPixels) throws IOException {
			super(maxPixels);
			this.document = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()), "", null, null,
					IOUtils.createTempFileOnlyStreamCache());
			this.renderer = new PDFRenderer(document);
		}

		@Override
		int pages() {
			return document.getNumberOfPages();
		}

		@Override
		Callable<BufferedImage> page(int n) throws IOException {
			PDPage page = document.getPage(n - 1);
			PDImageXObject only = onlyImage(page);
			if (only != null && page.getRotation() == 0) {
				checkSize(only.getWidth(), only.getHeight());
				if (COSName.DCT_DECODE.equals(only.getCOSObject().getCOSName(COSName.FILTER))) {
					byte[] jpeg;
					try (InputStream in = only.getStream().createInputStream(List.of(COSName.DCT_DECODE.getName()))) {
						jpeg = in.readAllBytes();
					}
					return () -> decode(jpeg);
				}
				BufferedImage image = only.getImage();
				return () -> image;
			}
			float width = page.getCropBox().getWidth() * RENDER_DPI / 72;
			float height = page.getCropBox().getHeight() * RENDER_DPI / 72;
			checkSize((long) width, (long) height);
			BufferedImage image = renderer.renderImageWithDPI(n - 1, RENDER_DPI, ImageType.RGB);
			return () -> image;
		}

		/** The page's single image when the page is nothing but that image; else null. */
		private static PDImageXObject onlyImage(PDPage page) throws IOException {
			PDResources resources = page.getResources();
			if (resources == null || resources.getFontNames().iterator().hasNext()) {
				return null;
			}
			Iterator<COSName> names = resources.getXObjectNames().iterator();
			if (!names.hasNext()) {
				return null;
			}
			PDXObject x = resources.getXObject(names.next());
			if (names.hasNext() || !(x instanceof PDImageXObject image)) {
				return null;
			}
			return image;
		}

		private BufferedImage decode(byte[] jpeg) throws IOException {
			try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
				ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
				try {
					reader.setInput(in, true, true);
					checkSize(reader.getWidth(0), reader.getHeight(0));
					return reader.read(0);
				}
				finally {
					reader.dispose();
				}
			}
		}

		@Override
		public void close() throws IOException {
			document.close();
		}

	}

	/** TIFF (one or many pages), JPEG or PNG, read with the JDK's image readers. */
	private static final class ImagePages extends PageSource {

		private final ImageInputStream input;

		private final ImageReader reader;

		private final int pages;

		ImagePages(Path file, long maxPixels) throws IOException {
			super(maxPixels);
			this.input = ImageIO.createImageInputStream(file.toFile());
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				input.close();
				throw new IOException("no image reader");
			}
			this.reader = readers.next();
			reader.setInput(input, false, true);
			this.pages = reader.getNumImages(true);
		}

		@Override
		int pages() {
			return pages;
		}

		@Override
		Callable<BufferedImage> page(int n) throws IOException {
			checkSize(reader.getWidth(n - 1), reader.getHeight(n - 1));
			BufferedImage image = reader.read(n - 1);
			return () -> image;
		}

		@Override
		public void close() throws IOException {
			reader.dispose();
			input.close();
		}

	}

}
