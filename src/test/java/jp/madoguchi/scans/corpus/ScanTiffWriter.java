package jp.madoguchi.scans.corpus;

import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes a multi-page TIFF with the JDK's writer, page by page: CCITT T.6 for 1-bit
 * pages, JPEG for greyscale and colour, with the resolution in the file.
 */
public final class ScanTiffWriter implements Closeable {

	private final ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();

	private final ImageOutputStream out;

	private int pages;

	public ScanTiffWriter(Path target) throws IOException {
		Files.deleteIfExists(target);
		this.out = ImageIO.createImageOutputStream(target.toFile());
		writer.setOutput(out);
		writer.prepareWriteSequence(null);
	}

	public void add(ScannedPage page) throws IOException {
		add(page.image(), page.truth().effects().dpi());
	}

	public void add(BufferedImage image, int dpi) throws IOException {
		ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		if (image.getType() == BufferedImage.TYPE_BYTE_BINARY) {
			param.setCompressionType("CCITT T.6");
		}
		else {
			param.setCompressionType("JPEG");
			param.setCompressionQuality(0.8f);
		}
		IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
		TIFFDirectory directory = TIFFDirectory.createFromMetadata(metadata);
		BaselineTIFFTagSet tags = BaselineTIFFTagSet.getInstance();
		long[][] resolution = { { dpi, 1 } };
		directory.addTIFFField(
				new TIFFField(tags.getTag(BaselineTIFFTagSet.TAG_X_RESOLUTION), TIFFTag.TIFF_RATIONAL, 1, resolution));
		directory.addTIFFField(
				new TIFFField(tags.getTag(BaselineTIFFTagSet.TAG_Y_RESOLUTION), TIFFTag.TIFF_RATIONAL, 1, resolution));
		directory.addTIFFField(new TIFFField(tags.getTag(BaselineTIFFTagSet.TAG_RESOLUTION_UNIT),
				BaselineTIFFTagSet.RESOLUTION_UNIT_INCH));
		writer.writeToSequence(new IIOImage(image, null, directory.getAsMetadata()), param);
		pages++;
	}

	public int pages() {
		return pages;
	}

	@Override
	public void close() throws IOException {
		try {
			writer.endWriteSequence();
		}
		finally {
			writer.dispose();
			out.close();
		}
	}

}
