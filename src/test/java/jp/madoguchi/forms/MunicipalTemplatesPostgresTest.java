package jp.madoguchi.forms;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.PostgresTestDatabase;

/**
 * A municipality's own template versions on a real PostgreSQL server (BYTEA content, the
 * current pointer).
 */
@ExtendWith(PostgresTestDatabase.class)
class MunicipalTemplatesPostgresTest extends MunicipalTemplatesContract {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
		PostgresTestDatabase.register(registry);
	}

}
