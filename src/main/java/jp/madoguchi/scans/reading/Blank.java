package jp.madoguchi.scans.reading;

import java.util.Arrays;

/**
 * Whether a page carries next to no ink: the back of a duplex scan. The page is measured
 * in cells of about a millimetre; a cell is ink when it is clearly darker than the paper.
 * Dark cells joined to the image's edge (the scanner's lid beside a skewed page) do not
 * count, and neither do specks of one or two cells (dust, noise); faint show-through
 * stays above the threshold.
 */
final class Blank {

	/** How much darker than the paper (0 to 255) a cell must be to hold ink. */
	static final int INK = 60;

	/** Cells of ink a page may hold and still be blank (dust, a hair). */
	static final int MAX_INK_CELLS = 20;

	/** Specks smaller than this many cells are noise. */
	static final int MIN_SPECK = 3;

	private Blank() {
	}

	static boolean isBlank(Grey page) {
		return inkCells(page) <= MAX_INK_CELLS;
	}

	/** The number of ink cells that count (see the class comment). */
	static int inkCells(Grey page) {
		double pxPerMm = Math.max(page.width, page.height) / 297.0;
		int cell = Math.max(2, (int) Math.round(pxPerMm));
		int cw = page.width / cell;
		int ch = page.height / cell;
		if (cw < 3 || ch < 3) {
			return 0;
		}
		int step = Math.max(1, cell / 6);
		int[] sum = new int[cw * ch];
		int[] count = new int[cw * ch];
		int[] cellOfX = new int[cw * cell];
		for (int x = 0; x < cellOfX.length; x++) {
			cellOfX[x] = x / cell;
		}
		for (int y = 0; y < ch * cell; y += step) {
			int row = y * page.width;
			int base = (y / cell) * cw;
			for (int x = 0; x < cellOfX.length; x += step) {
				int c = base + cellOfX[x];
				sum[c] += page.px[row + x] & 0xff;
				count[c]++;
			}
		}
		int[] mean = new int[cw * ch];
		for (int i = 0; i < mean.length; i++) {
			mean[i] = sum[i] / Math.max(1, count[i]);
		}
		int[] sorted = mean.clone();
		Arrays.sort(sorted);
		int paper = sorted[sorted.length * 3 / 4];
		int limit = paper - INK;
		// 0 light, 1 ink, 2 dark joined to the edge or already counted
		byte[] state = new byte[mean.length];
		for (int i = 0; i < mean.length; i++) {
			state[i] = (byte) (mean[i] < limit ? 1 : 0);
		}
		int[] stack = new int[mean.length];
		for (int x = 0; x < cw; x++) {
			fill(state, stack, cw, ch, x);
			fill(state, stack, cw, ch, (ch - 1) * cw + x);
		}
		for (int y = 0; y < ch; y++) {
			fill(state, stack, cw, ch, y * cw);
			fill(state, stack, cw, ch, y * cw + cw - 1);
		}
		int ink = 0;
		for (int i = 0; i < mean.length; i++) {
			if (state[i] == 1) {
				int size = fill(state, stack, cw, ch, i);
				if (size >= MIN_SPECK) {
					ink += size;
				}
			}
		}
		return ink;
	}

	/** Marks the 8-connected ink component at {@code start} as done; returns its size. */
	private static int fill(byte[] state, int[] stack, int cw, int ch, int start) {
		if (state[start] != 1) {
			return 0;
		}
		int top = 0;
		stack[top++] = start;
		state[start] = 2;
		int size = 0;
		while (top > 0) {
			int i = stack[--top];
			size++;
			int x = i % cw;
			int y = i / cw;
			for (int dy = -1; dy <= 1; dy++) {
				int ny = y + dy;
				if (ny < 0 || ny >= ch) {
					continue;
				}
				for (int dx = -1; dx <= 1; dx++) {
					int nx = x + dx;
					if (nx < 0 || nx >= cw) {
						continue;
					}
					int j = ny * cw + nx;
					if (state[j] == 1) {
						state[j] = 2;
						stack[top++] = j;
					}
				}
			}
		}
		return size;
	}

}
