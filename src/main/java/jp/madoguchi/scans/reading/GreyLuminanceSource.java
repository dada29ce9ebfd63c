package jp.madoguchi.scans.reading;

import com.google.zxing.LuminanceSource;

/** ZXing's view of a {@link Grey} image, without a copy. */
final class GreyLuminanceSource extends LuminanceSource {

	private final Grey grey;

	GreyLuminanceSource(Grey grey) {
		super(grey.width, grey.height);
		this.grey = grey;
	}

	@Override
	public byte[] getRow(int y, byte[] row) {
		int w = getWidth();
		byte[] out = (row == null || row.length < w) ? new byte[w] : row;
		System.arraycopy(this.grey.px, y * w, out, 0, w);
		return out;
	}

	@Override
	public byte[] getMatrix() {
		return this.grey.px;
	}

}
