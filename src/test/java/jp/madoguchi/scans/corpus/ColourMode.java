package jp.madoguchi.scans.corpus;

/** The scanner's colour setting. */
public enum ColourMode {

	/** 24-bit colour. */
	COLOUR,
	/** 8-bit greyscale. */
	GREY,
	/** 1 bit per pixel by a fixed threshold. */
	BLACK_WHITE,
	/** 1 bit per pixel, error diffusion (Floyd–Steinberg). */
	DITHER_DIFFUSION,
	/** 1 bit per pixel, ordered (Bayer 8×8) dithering. */
	DITHER_ORDERED;

	public boolean binary() {
		return this != COLOUR && this != GREY;
	}

}
