package jp.madoguchi.forms;

import java.util.List;

/**
 * What is kept about a generated document so that an officer can later prove which wording a
 * person signed: the template's id, version and the SHA-256 of its content, and where the
 * QR codes and signature/seal boxes are.
 */
public record DocumentRecord(
        String id,
        FormId form,
        String applicantId,
        String templateVersion,
        String sha256,
        int pages,
        List<Region> regions) {

    public DocumentRecord {
        regions = List.copyOf(regions);
    }
}
