package jp.madoguchi.support;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.MadoguchiApplication;

/**
 * The service in a JVM of its own (demo profile, on the test's classpath), for tests that
 * kill it with -9 and start it again on the same data directory. Its log goes beside the
 * data directory.
 */
public final class ServiceProcess {

	private ServiceProcess() {
	}

	/** Starts the service and waits until it answers (at most 120 s). */
	public static Process start(int port, Path dataDir, String... extraArguments)
			throws IOException, InterruptedException {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx512m", "-cp", classPath,
				MadoguchiApplication.class.getName(), "--spring.profiles.active=demo", "--server.port=" + port,
				"--madoguchi.data-dir=" + dataDir, "--spring.main.banner-mode=off", "--madoguchi.reconcile.nightly=-",
				"--madoguchi.fixity.weekly=-"));
		command.addAll(List.of(extraArguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(Redirect.appendTo(dataDir.resolveSibling(dataDir.getFileName() + "-service.log").toFile()))
			.start();
		ApiClient probe = new ApiClient(port, "operator", "demo");
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the service stopped; see its log beside " + dataDir);
			}
			try {
				if (probe.get("/actuator/health").status() == 200) {
					return process;
				}
			}
			catch (RuntimeException notYet) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("the service did not start within 120 s");
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
