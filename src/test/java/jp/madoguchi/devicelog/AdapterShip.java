package jp.madoguchi.devicelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real reader adapter's {@code ship} (reader-adapter/target/reader-adapter.jar,
 * built by the root build) against a test's service.
 */
final class AdapterShip {

	/** The environment variable that carries the password or key to the adapter. */
	static final String SECRET_ENV = "MADOGUCHI_TEST_SHIP_SECRET";

	private AdapterShip() {
	}

	/**
	 * Ships {@code logDir} with the given credential options (which name
	 * {@link #SECRET_ENV}), the secret in that variable; the exit code and output.
	 */
	static Result run(Path logDir, int port, List<String> credentials, String secret) throws Exception {
		Path jar = Path.of("reader-adapter", "target", "reader-adapter.jar").toAbsolutePath();
		assertThat(jar).as("build the adapter first: mvn -pl reader-adapter package -DskipTests").exists();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
						"ship", "--log-dir", logDir.toString(), "--service", "http://localhost:" + port));
		command.addAll(credentials);
		ProcessBuilder pb = new ProcessBuilder(command);
		pb.environment().put(SECRET_ENV, secret);
		pb.redirectErrorStream(true);
		Process p = pb.start();
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(p.exitValue(), output);
	}

	record Result(int exit, String output) {
	}

}
