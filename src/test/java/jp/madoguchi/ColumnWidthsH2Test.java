package jp.madoguchi;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The field limits against the embedded H2 database's INFORMATION_SCHEMA. */
class ColumnWidthsH2Test extends ColumnWidthsContract {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
	}

}
