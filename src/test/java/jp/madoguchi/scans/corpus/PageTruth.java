package jp.madoguchi.scans.corpus;

import java.util.List;
import java.util.stream.Collectors;

import jp.madoguchi.forms.FormId;
import jp.madoguchi.forms.Region;
import jp.madoguchi.forms.internal.pdf.DocumentIds;

/**
 * What a scanned page really is.
 *
 * @param index position of the page in its corpus or file, from 0
 * @param kind form page, cover, packet back, blank back or no form
 * @param id the document's id (FORM) or the packet's id (COVER, PACKET_BACK); null
 * otherwise
 * @param form the document's form (FORM only)
 * @param page page within the document or packet, from 1 (0 for BLANK and NOT_A_FORM)
 * @param pages pages of the document or packet
 * @param templateSha256 the template hash in the integrity code ("packet" for packet
 * pages)
 * @param qrBoxes the page's QR regions as printed (PDF points)
 * @param boxes the page's signature and seal boxes and what was put into them
 * @param pageHeightPoints the printed page's height
 * @param effects what the scanner did
 */
public record PageTruth(int index, PageKind kind, String id, FormId form, int page, int pages, String templateSha256,
		List<Region> qrBoxes, List<BoxTruth> boxes, float pageHeightPoints, Effects effects) {

	public PageTruth {
		qrBoxes = List.copyOf(qrBoxes);
		boxes = List.copyOf(boxes);
	}

	/** The same truth at another position (after shuffling). */
	public PageTruth withIndex(int newIndex) {
		return new PageTruth(newIndex, kind, id, form, page, pages, templateSha256, qrBoxes, boxes, pageHeightPoints,
				effects);
	}

	/** The QR payload printed on the page, or null when none of ours is. */
	public String payload() {
		return id == null ? null : DocumentIds.payload(id, page, pages, templateSha256);
	}

	/** True when some box holds a signature or seal (署名又は記名押印). */
	public boolean signed() {
		return boxes.stream().anyMatch(BoxTruth::signed);
	}

	/** E.g. {@code SIGNATURE:STROKES,SEAL:EMPTY}; empty when the page has no boxes. */
	public String boxesText() {
		return boxes.stream().map(b -> b.region().kind() + ":" + b.mark()).collect(Collectors.joining(","));
	}

	/** One line for failure messages. */
	public String describe() {
		return "#" + index + " " + kind + (id == null ? "" : " " + id + " " + page + "/" + pages)
				+ (form == null ? "" : " " + form.id()) + (boxes.isEmpty() ? "" : " " + boxesText()) + " ["
				+ effects.describe() + "]";
	}

}
