package jp.madoguchi.storage;

/**
 * A record's file in the store: the record's id (as its module names it) and the SHA-256
 * that names the file.
 */
public record FileReference(String recordId, String sha256) {
}
