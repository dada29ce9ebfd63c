package jp.madoguchi.scans.reading;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * An 8-bit grey image, one byte a pixel, rows without padding (0 black, 255 white). Never
 * changed once made: a page's own raster may be shared without a copy.
 */
final class Grey {

	final byte[] px;

	final int width;

	final int height;

	Grey(byte[] px, int width, int height) {
		this.px = px;
		this.width = width;
		this.height = height;
	}

	int at(int x, int y) {
		return this.px[y * this.width + x] & 0xff;
	}

	/** The image in grey; a byte-grey raster without padding is used as it is. */
	static Grey of(BufferedImage image) {
		return of(image, 0, 0, image.getWidth(), image.getHeight());
	}

	/**
	 * The rectangle ({@code x0, y0, w, h}, inside the image) of the image in grey,
	 * converted from the raster's own data for the usual types (byte grey, 1-bit, BGR,
	 * RGB), through {@code getRGB} a row at a time for the rest.
	 */
	static Grey of(BufferedImage image, int x0, int y0, int w, int h) {
		Raster raster = image.getRaster();
		DataBuffer buffer = raster.getDataBuffer();
		boolean origin = raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
				&& raster.getMinX() == 0 && raster.getMinY() == 0;
		int type = image.getType();
		if (type == BufferedImage.TYPE_BYTE_GRAY && buffer instanceof DataBufferByte bytes && origin
				&& raster.getSampleModel() instanceof ComponentSampleModel model && model.getPixelStride() == 1) {
			int stride = model.getScanlineStride();
			int offset = bytes.getOffset() + model.getBandOffsets()[0];
			byte[] data = bytes.getData();
			if (x0 == 0 && y0 == 0 && w == image.getWidth() && h == image.getHeight() && stride == w && offset == 0
					&& data.length == w * h) {
				return new Grey(data, w, h);
			}
			byte[] px = new byte[w * h];
			for (int y = 0; y < h; y++) {
				System.arraycopy(data, offset + (y0 + y) * stride + x0, px, y * w, w);
			}
			return new Grey(px, w, h);
		}
		byte[] px = new byte[w * h];
		if ((type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_4BYTE_ABGR) && origin
				&& buffer instanceof DataBufferByte bytes
				&& raster.getSampleModel() instanceof ComponentSampleModel model) {
			byte[] data = bytes.getData();
			int ps = model.getPixelStride();
			int stride = model.getScanlineStride();
			int[] bands = model.getBandOffsets();
			int base = bytes.getOffset();
			int ro = bands[0];
			int go = bands[1];
			int bo = bands[2];
			for (int y = 0; y < h; y++) {
				int i = base + (y0 + y) * stride + x0 * ps;
				int o = y * w;
				for (int x = 0; x < w; x++, i += ps) {
					px[o + x] = (byte) luma(data[i + ro] & 0xff, data[i + go] & 0xff, data[i + bo] & 0xff);
				}
			}
			return new Grey(px, w, h);
		}
		if ((type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB) && origin
				&& buffer instanceof DataBufferInt ints
				&& raster.getSampleModel() instanceof SinglePixelPackedSampleModel model) {
			int[] data = ints.getData();
			int stride = model.getScanlineStride();
			int base = ints.getOffset();
			for (int y = 0; y < h; y++) {
				int i = base + (y0 + y) * stride + x0;
				int o = y * w;
				for (int x = 0; x < w; x++) {
					int rgb = data[i + x];
					px[o + x] = (byte) luma((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
				}
			}
			return new Grey(px, w, h);
		}
		ColorModel cm = image.getColorModel();
		if (origin && buffer instanceof DataBufferByte bytes && cm instanceof IndexColorModel icm
				&& raster.getSampleModel() instanceof MultiPixelPackedSampleModel model && raster.getNumBands() == 1
				&& model.getDataBitOffset() == 0 && model.getPixelBitStride() == 1 && icm.getMapSize() >= 2) {
			byte zero = (byte) luma(icm.getRed(0), icm.getGreen(0), icm.getBlue(0));
			byte one = (byte) luma(icm.getRed(1), icm.getGreen(1), icm.getBlue(1));
			byte[] data = bytes.getData();
			int stride = model.getScanlineStride();
			int base = bytes.getOffset();
			for (int y = 0; y < h; y++) {
				int row = base + (y0 + y) * stride;
				int o = y * w;
				int x = 0;
				// bit by bit up to a byte boundary, then a byte (eight pixels) at a time
				while (x < w && ((x0 + x) & 7) != 0) {
					int sx = x0 + x;
					px[o + x] = ((data[row + (sx >> 3)] >> (7 - (sx & 7))) & 1) == 0 ? zero : one;
					x++;
				}
				while (x + 8 <= w) {
					int b = data[row + ((x0 + x) >> 3)] & 0xff;
					if (b == 0 || b == 0xff) {
						byte v = b == 0 ? zero : one;
						for (int k = 0; k < 8; k++) {
							px[o + x + k] = v;
						}
					}
					else {
						for (int k = 0; k < 8; k++) {
							px[o + x + k] = ((b >> (7 - k)) & 1) == 0 ? zero : one;
						}
					}
					x += 8;
				}
				while (x < w) {
					int sx = x0 + x;
					px[o + x] = ((data[row + (sx >> 3)] >> (7 - (sx & 7))) & 1) == 0 ? zero : one;
					x++;
				}
			}
			return new Grey(px, w, h);
		}
		int[] row = new int[w];
		for (int y = 0; y < h; y++) {
			image.getRGB(x0, y0 + y, w, 1, row, 0, w);
			int o = y * w;
			for (int x = 0; x < w; x++) {
				int rgb = row[x];
				px[o + x] = (byte) luma((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
			}
		}
		return new Grey(px, w, h);
	}

	static int luma(int r, int g, int b) {
		return (r * 77 + g * 150 + b * 29) >> 8;
	}

	Grey crop(int x, int y, int w, int h) {
		byte[] out = new byte[w * h];
		for (int r = 0; r < h; r++) {
			System.arraycopy(this.px, (y + r) * this.width + x, out, r * w, w);
		}
		return new Grey(out, w, h);
	}

	/** Half the size, each pixel the mean of four. */
	Grey half() {
		int w = this.width / 2;
		int h = this.height / 2;
		byte[] out = new byte[w * h];
		for (int y = 0; y < h; y++) {
			int a = 2 * y * this.width;
			int b = a + this.width;
			int o = y * w;
			for (int x = 0; x < w; x++) {
				int s = (this.px[a] & 0xff) + (this.px[a + 1] & 0xff) + (this.px[b] & 0xff) + (this.px[b + 1] & 0xff);
				out[o + x] = (byte) ((s + 2) >> 2);
				a += 2;
				b += 2;
			}
		}
		return new Grey(out, w, h);
	}

	/** A light Gaussian blur (kernel 1-2-1 both ways, about one pixel). */
	Grey blur() {
		int w = this.width;
		int h = this.height;
		int[] tmp = new int[w * h];
		for (int y = 0; y < h; y++) {
			int o = y * w;
			for (int x = 0; x < w; x++) {
				int l = this.px[o + Math.max(x - 1, 0)] & 0xff;
				int c = this.px[o + x] & 0xff;
				int r = this.px[o + Math.min(x + 1, w - 1)] & 0xff;
				tmp[o + x] = l + 2 * c + r;
			}
		}
		byte[] out = new byte[w * h];
		for (int y = 0; y < h; y++) {
			int up = Math.max(y - 1, 0) * w;
			int o = y * w;
			int down = Math.min(y + 1, h - 1) * w;
			for (int x = 0; x < w; x++) {
				out[o + x] = (byte) ((tmp[up + x] + 2 * tmp[o + x] + tmp[down + x] + 8) >> 4);
			}
		}
		return new Grey(out, w, h);
	}

	/** Turned clockwise by {@code quarters} quarter turns. */
	Grey turn(int quarters) {
		int q = Math.floorMod(quarters, 4);
		if (q == 0) {
			return this;
		}
		int w = this.width;
		int h = this.height;
		int nw = q == 2 ? w : h;
		int nh = q == 2 ? h : w;
		byte[] out = new byte[w * h];
		for (int y = 0; y < h; y++) {
			int o = y * w;
			for (int x = 0; x < w; x++) {
				int nx;
				int ny;
				if (q == 1) {
					nx = h - 1 - y;
					ny = x;
				}
				else if (q == 2) {
					nx = w - 1 - x;
					ny = h - 1 - y;
				}
				else {
					nx = y;
					ny = w - 1 - x;
				}
				out[ny * nw + nx] = this.px[o + x];
			}
		}
		return new Grey(out, nw, nh);
	}

}
