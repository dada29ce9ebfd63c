package jp.madoguchi.records;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.PostgresTestDatabase;

/**
 * {@link AuditAppendOnlyContract} on a real PostgreSQL server (its trigger also refuses
 * TRUNCATE).
 */
@SpringBootTest
@ActiveProfiles("demo")
@ExtendWith(PostgresTestDatabase.class)
class AuditAppendOnlyPostgresTest extends AuditAppendOnlyContract {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
		PostgresTestDatabase.register(registry);
	}

}
