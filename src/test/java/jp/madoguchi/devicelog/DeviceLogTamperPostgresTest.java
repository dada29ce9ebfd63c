package jp.madoguchi.devicelog;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.PostgresTestDatabase;

/** The tamper suite on a real PostgreSQL server. */
@ExtendWith(PostgresTestDatabase.class)
class DeviceLogTamperPostgresTest extends DeviceLogTamperContract {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
		PostgresTestDatabase.register(registry);
	}

}
