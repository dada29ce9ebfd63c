package jp.madoguchi.forms;

/** A single generated PDF (PDF/A-2b) and its record. */
public record GeneratedDocument(DocumentRecord record, byte[] pdf) {
}
