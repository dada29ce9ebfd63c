package jp.madoguchi.reader.ship;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import jp.madoguchi.reader.json.JsonParseException;
import jp.madoguchi.reader.json.JsonParser;
import jp.madoguchi.reader.log.ChainVerifier;
import jp.madoguchi.reader.log.DailyEventLog;

/**
 * Sends the lines of each workstation-day file that the service has not acknowledged yet,
 * unchanged and in order, so that the service can verify the chain itself (contract:
 * docs/device-log.md). The acknowledged position is kept in a sidecar file
 * {@code <log file>.shipped}, updated after every accepted chunk.
 */
public final class LogShipper {

	public static final int MAX_LINES_PER_REQUEST = 5000;

	public static final String SIDECAR_SUFFIX = ".shipped";

	private final URI endpoint;

	private final Credentials credentials;

	private final Duration initialBackoff;

	private final int maxAttempts;

	private final int linesPerRequest;

	private final HttpClient http;

	/**
	 * HTTP Basic (an OPERATOR account) or a per-workstation key; exactly one of the two.
	 */
	public record Credentials(String user, String password, String workstationKey) {

		public static Credentials basic(String user, String password) {
			return new Credentials(Objects.requireNonNull(user), Objects.requireNonNull(password), null);
		}

		public static Credentials workstationKey(String key) {
			return new Credentials(null, null, Objects.requireNonNull(key));
		}
	}

	/** Totals over all files of one run. */
	public record Summary(int filesWithNewLines, long linesSent, long accepted, long duplicates) {
	}

	/** Why shipping stopped. */
	public enum FailureKind {

		/**
		 * 422: the service found the chain broken; {@code line} is the absolute line in
		 * the file if known.
		 */
		CHAIN_REJECTED,
		/** 401/403. */
		UNAUTHORIZED,
		/** Unreachable, 5xx after all retries, or an unexpected answer. */
		UNAVAILABLE,
		/**
		 * Lines already acknowledged by the service are no longer the same in the local
		 * file.
		 */
		LOCAL_LOG_CHANGED

	}

	public static final class ShipException extends Exception {

		private final FailureKind kind;

		private final Path file;

		private final long line;

		ShipException(FailureKind kind, Path file, long line, String message) {
			super(message);
			this.kind = kind;
			this.file = file;
			this.line = line;
		}

		public FailureKind kind() {
			return kind;
		}

		public Path file() {
			return file;
		}

		/**
		 * Absolute 1-based line number in the file the problem refers to, or 0 when
		 * unknown.
		 */
		public long line() {
			return line;
		}

	}

	public LogShipper(URI service, Credentials credentials, Duration initialBackoff, int maxAttempts) {
		this(service, credentials, initialBackoff, maxAttempts, MAX_LINES_PER_REQUEST);
	}

	LogShipper(URI service, Credentials credentials, Duration initialBackoff, int maxAttempts, int linesPerRequest) {
		String base = service.toString().replaceAll("/+$", "");
		this.endpoint = URI.create(base + "/api/device-events");
		this.credentials = credentials;
		this.initialBackoff = initialBackoff;
		this.maxAttempts = maxAttempts;
		this.linesPerRequest = linesPerRequest;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/**
	 * Ships every file in order; stops at the first failure (later files wait for the
	 * next run).
	 */
	public Summary shipAll(List<Path> files) throws IOException, ShipException {
		int withNew = 0;
		long sent = 0;
		long accepted = 0;
		long duplicates = 0;
		for (Path file : files) {
			Summary one = ship(file);
			if (one.linesSent() > 0) {
				withNew++;
			}
			sent += one.linesSent();
			accepted += one.accepted();
			duplicates += one.duplicates();
		}
		return new Summary(withNew, sent, accepted, duplicates);
	}

	Summary ship(Path file) throws IOException, ShipException {
		List<String> lines = DailyEventLog.completeLines(file);
		Path sidecar = file.resolveSibling(file.getFileName() + SIDECAR_SUFFIX);
		int shipped = shippedLines(file, sidecar, lines);
		long accepted = 0;
		long duplicates = 0;
		for (int start = shipped; start < lines.size(); start += linesPerRequest) {
			List<String> chunk = lines.subList(start, Math.min(lines.size(), start + linesPerRequest));
			Map<String, Object> answer = post(file, chunk, start + 1);
			accepted += number(answer.get("accepted"));
			duplicates += number(answer.get("duplicates"));
			remember(sidecar, start + chunk.size(), ChainVerifier.hashOf(chunk.get(chunk.size() - 1)));
		}
		return new Summary(lines.size() > shipped ? 1 : 0, lines.size() - shipped, accepted, duplicates);
	}

	/**
	 * Lines already acknowledged, after checking they are still exactly what was sent.
	 */
	private static int shippedLines(Path file, Path sidecar, List<String> lines) throws IOException, ShipException {
		if (!Files.exists(sidecar)) {
			return 0;
		}
		Properties position = new Properties();
		try (var in = Files.newBufferedReader(sidecar, StandardCharsets.UTF_8)) {
			position.load(in);
		}
		int count;
		try {
			count = Integer.parseInt(position.getProperty("lines", "0"));
		}
		catch (NumberFormatException e) {
			throw new ShipException(FailureKind.LOCAL_LOG_CHANGED, file, 0, "unreadable " + sidecar.getFileName());
		}
		if (count == 0) {
			return 0;
		}
		if (count > lines.size()
				|| !Objects.equals(ChainVerifier.hashOf(lines.get(count - 1)), position.getProperty("lastHash"))) {
			throw new ShipException(FailureKind.LOCAL_LOG_CHANGED, file, Math.min(count, lines.size()),
					file.getFileName() + ": the " + count + " lines the service already has were changed or removed");
		}
		return count;
	}

	private static void remember(Path sidecar, int lines, String lastHash) throws IOException {
		Path temporary = sidecar.resolveSibling(sidecar.getFileName() + ".tmp");
		Files.writeString(temporary, "lines=" + lines + "\nlastHash=" + lastHash + "\n", StandardCharsets.UTF_8);
		Files.move(temporary, sidecar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private Map<String, Object> post(Path file, List<String> chunk, int firstLine) throws ShipException {
		StringBuilder body = new StringBuilder();
		for (String line : chunk) {
			body.append(line).append('\n');
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/x-ndjson")
			.header("Accept", "application/json")
			.header("X-Device-Log-File", file.getFileName().toString())
			.header("X-Device-Log-First-Line", Integer.toString(firstLine))
			.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
		if (credentials.workstationKey() != null) {
			request.header("X-Workstation-Key", credentials.workstationKey());
		}
		else {
			String pair = credentials.user() + ":" + credentials.password();
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
		}
		String lastProblem = "";
		Duration wait = initialBackoff;
		for (int attempt = 1; attempt <= maxAttempts; attempt++) {
			try {
				HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
				int status = response.statusCode();
				if (status == 200) {
					return acknowledgement(file, response.body());
				}
				if (status == 422) {
					Map<String, Object> problem = problem(response.body());
					long lineInBody = number(problem.get("line"));
					long absolute = lineInBody > 0 ? firstLine + lineInBody - 1 : 0;
					throw new ShipException(FailureKind.CHAIN_REJECTED, file, absolute,
							problem.getOrDefault("code", "CHAIN_BROKEN") + ": " + problem.getOrDefault("message", "")
									+ " (" + file.getFileName() + (absolute > 0 ? ", line " + absolute : "") + ")");
				}
				if (status == 401 || status == 403) {
					throw new ShipException(FailureKind.UNAUTHORIZED, file, 0, "HTTP " + status);
				}
				if (status < 500) {
					throw new ShipException(FailureKind.UNAVAILABLE, file, 0,
							"HTTP " + status + " " + abbreviate(new String(response.body(), StandardCharsets.UTF_8)));
				}
				lastProblem = "HTTP " + status;
			}
			catch (IOException e) {
				lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new ShipException(FailureKind.UNAVAILABLE, file, 0, "interrupted");
			}
			if (attempt < maxAttempts) {
				sleep(wait);
				wait = wait.multipliedBy(2);
			}
		}
		throw new ShipException(FailureKind.UNAVAILABLE, file, 0,
				endpoint + " after " + maxAttempts + " attempts: " + lastProblem);
	}

	/**
	 * A 200 answer that is not strict JSON (a proxy's page, a truncated body) is no
	 * acknowledgement: the position is not advanced, the lines go again with the next run
	 * (the service stores each event once).
	 */
	private static Map<String, Object> acknowledgement(Path file, byte[] body) throws ShipException {
		try {
			return JsonParser.parseObject(body);
		}
		catch (JsonParseException e) {
			throw new ShipException(FailureKind.UNAVAILABLE, file, 0,
					"the service answered HTTP 200 with an unreadable body (" + e.getMessage() + ")");
		}
	}

	/** A 422 answer; still a refusal when its body cannot be read. */
	private static Map<String, Object> problem(byte[] body) {
		try {
			return JsonParser.parseObject(body);
		}
		catch (JsonParseException e) {
			return Map.of("message", "unreadable answer: " + e.getMessage());
		}
	}

	private static long number(Object value) {
		return value instanceof Number n ? n.longValue() : 0;
	}

	private static String abbreviate(String text) {
		return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
	}

	private static void sleep(Duration duration) throws ShipException {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ShipException(FailureKind.UNAVAILABLE, null, 0, "interrupted");
		}
	}

}
