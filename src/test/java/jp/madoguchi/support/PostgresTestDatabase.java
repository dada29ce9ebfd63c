package jp.madoguchi.support;

import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real PostgreSQL that the test command starts on loopback (see
 * scripts/test-services.sh), named by MADOGUCHI_TEST_PG_URL / _USER / _PASSWORD. Each
 * test class gets a schema of its own. Without it the tests are skipped with a message on
 * the console — except in CI (CI=true), where a missing PostgreSQL fails the build.
 */
public final class PostgresTestDatabase implements ExecutionCondition {

	private static final String URL = System.getenv("MADOGUCHI_TEST_PG_URL");

	private static final String USER = System.getenv().getOrDefault("MADOGUCHI_TEST_PG_USER", "madoguchi");

	private static final String PASSWORD = System.getenv().getOrDefault("MADOGUCHI_TEST_PG_PASSWORD", "madoguchi");

	private static final String UNAVAILABLE_BECAUSE = probe();

	/**
	 * Used as {@code @ExtendWith(PostgresTestDatabase.class)}: skips the class before any
	 * context starts, counted as skipped in the test report with the reason — or, in CI,
	 * fails it.
	 */
	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (UNAVAILABLE_BECAUSE == null) {
			return ConditionEvaluationResult.enabled("PostgreSQL at " + URL);
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("PostgreSQL tests must run in CI, but " + UNAVAILABLE_BECAUSE);
		}
		System.out.println("*** SKIPPED PostgreSQL tests: " + UNAVAILABLE_BECAUSE + " (./test.sh starts PostgreSQL)");
		return ConditionEvaluationResult.disabled("PostgreSQL not available: " + UNAVAILABLE_BECAUSE);
	}

	public static void register(DynamicPropertyRegistry registry) {
		String schema = newSchema();
		registry.add("spring.datasource.url", () -> URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
		registry.add("spring.datasource.username", () -> USER);
		registry.add("spring.datasource.password", () -> PASSWORD);
		registry.add("spring.flyway.schemas", () -> schema);
		registry.add("spring.flyway.default-schema", () -> schema);
	}

	/**
	 * The same settings as command-line arguments, for a service in a process of its own:
	 * a schema of its own, or {@code schema} again for a second process on the same one.
	 */
	public static List<String> arguments(String schema) {
		return List.of("--spring.datasource.url=" + URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema,
				"--spring.datasource.username=" + USER, "--spring.datasource.password=" + PASSWORD,
				"--spring.flyway.schemas=" + schema, "--spring.flyway.default-schema=" + schema);
	}

	/** A new schema name. */
	public static String newSchema() {
		return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	private static String probe() {
		if (URL == null) {
			return "MADOGUCHI_TEST_PG_URL is not set";
		}
		try (var c = DriverManager.getConnection(URL, USER, PASSWORD)) {
			return c.isValid(2) ? null : "PostgreSQL at " + URL + " does not answer";
		}
		catch (Exception e) {
			return "PostgreSQL at " + URL + " is not reachable: " + e.getMessage();
		}
	}

}
