package jp.madoguchi.forms;

/**
 * What a checked template file says about itself: its id (the form), the designer's
 * {@code version} and {@code title}, and the SHA-256 of the file's bytes.
 */
public record TemplateSummary(String id, String version, String title, String sha256) {
}
