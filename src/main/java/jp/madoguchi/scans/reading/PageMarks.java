package jp.madoguchi.scans.reading;

import java.util.List;

/**
 * What {@link MarkReader} found on one page image.
 *
 * @param marks every distinct QR code read (both copies of a form's code when both were
 * readable)
 * @param blank true when the page holds no marks and next to no ink (the back of a duplex
 * scan)
 */
public record PageMarks(List<QrMark> marks, boolean blank) {

	public PageMarks {
		marks = List.copyOf(marks);
	}

}
