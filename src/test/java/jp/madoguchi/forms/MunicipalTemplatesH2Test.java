package jp.madoguchi.forms;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A municipality's own template versions on the embedded default: H2 in file mode under a
 * fresh data directory.
 */
class MunicipalTemplatesH2Test extends MunicipalTemplatesContract {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
	}

}
