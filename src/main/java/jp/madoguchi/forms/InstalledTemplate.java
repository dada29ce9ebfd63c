package jp.madoguchi.forms;

/**
 * A municipality's own version of a form as stored: which one, and the SHA-256 of its
 * JSON as uploaded. The engine compiles the content once per such version and reuses it
 * for every document.
 */
public record InstalledTemplate(long municipalityId, FormId form, int version, String sha256) {
}
