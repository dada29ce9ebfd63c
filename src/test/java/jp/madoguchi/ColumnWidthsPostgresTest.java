package jp.madoguchi;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.PostgresTestDatabase;

/** The field limits against PostgreSQL's information schema (MADOGUCHI_TEST_PG_URL). */
@ExtendWith(PostgresTestDatabase.class)
class ColumnWidthsPostgresTest extends ColumnWidthsContract {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
		PostgresTestDatabase.register(registry);
	}

}
