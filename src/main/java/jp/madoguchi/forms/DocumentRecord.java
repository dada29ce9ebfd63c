package jp.madoguchi.forms;

import java.util.List;

/**
 * What is kept about a generated document so that an officer can later prove which
 * wording a person signed: the template's id (the form), origin, version and the SHA-256
 * of its content, and where the QR codes and signature/seal boxes are.
 *
 * @param templateVersion the built-in file's {@code version}, or the number of the
 * municipality's installed version (see {@code templateOrigin})
 */
public record DocumentRecord(String id, FormId form, String applicantId, String templateVersion, String sha256,
		int pages, List<Region> regions, TemplateOrigin templateOrigin) {

	public DocumentRecord {
		regions = List.copyOf(regions);
	}

	/** A document printed from the built-in template. */
	public DocumentRecord(String id, FormId form, String applicantId, String templateVersion, String sha256, int pages,
			List<Region> regions) {
		this(id, form, applicantId, templateVersion, sha256, pages, regions, TemplateOrigin.DEFAULT);
	}
}
