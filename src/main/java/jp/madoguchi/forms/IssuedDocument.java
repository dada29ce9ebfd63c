package jp.madoguchi.forms;

import java.util.List;

/**
 * A document the forms module printed, as scanning software needs it: the case it belongs
 * to, its form, pages, the template it was printed with and where its QR codes and
 * signature/seal boxes are.
 */
public record IssuedDocument(String documentId, long caseId, FormId form, String templateVersion, String templateSha256,
		TemplateOrigin templateOrigin, int pages, List<Region> regions) {

	public IssuedDocument {
		regions = List.copyOf(regions);
	}

	/** The regions of one page (counted from 1) of one kind. */
	public List<Region> regions(int page, Region.Kind kind) {
		return regions.stream().filter(r -> r.page() == page && r.kind() == kind).toList();
	}

}
