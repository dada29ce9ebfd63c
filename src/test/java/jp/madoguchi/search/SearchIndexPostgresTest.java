package jp.madoguchi.search;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.PostgresTestDatabase;

/**
 * The records search on a real PostgreSQL server, where a transaction that commits late
 * leaves a lower change-log number visible after higher ones.
 */
@ExtendWith(PostgresTestDatabase.class)
class SearchIndexPostgresTest extends SearchIndexContract {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
		PostgresTestDatabase.register(registry);
	}

}
