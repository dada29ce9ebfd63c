package jp.madoguchi.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An uploaded file held aside until the import that reads it decides to keep it. */
public record StagedFile(Path path, String sha256, long size) implements AutoCloseable {

	public void discard() {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ignored) {
			// A leftover staged file is removed at the next start; it is never served.
		}
	}

	@Override
	public void close() {
		discard();
	}
}
