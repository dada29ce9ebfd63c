package jp.madoguchi.reader.ship;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.madoguchi.reader.json.JsonParseException;
import jp.madoguchi.reader.json.JsonParser;
import jp.madoguchi.reader.log.ChainVerifier;
import jp.madoguchi.reader.log.LogLineReader;

/**
 * Sends the lines of each workstation-day file that the service has not acknowledged yet,
 * unchanged and in order, so that the service can verify the chain itself (contract:
 * docs/device-log.md). The acknowledged position is kept in a sidecar file
 * {@code <log file>.shipped}, updated after every accepted chunk.
 */
public final class LogShipper {

	public static final int MAX_LINES_PER_REQUEST = 5000;

	public static final String SIDECAR_SUFFIX = ".shipped";

	/**
	 * Answers are read up to this size (the strict parser's limit); a longer one is not
	 * read on (the connection is dropped) and counts as unreadable.
	 */
	public static final int MAX_ANSWER_BYTES = JsonParser.MAX_INPUT;

	/** The longest one request may take, answer included. */
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

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
		 * 422 for tampering (chain broken, forked or spliced, event rewritten, another
		 * workstation's lines, or a 422 code this adapter does not know); {@code line} is
		 * the absolute line in the file if known.
		 */
		CHAIN_REJECTED,
		/**
		 * 413 even for a single line, or 422 for a value over the service's length limit
		 * ({@code *_TOO_LONG}).
		 */
		TOO_LARGE,
		/** 400 (empty or malformed body) and any other 4xx. */
		BAD_REQUEST,
		/** 401/403. */
		UNAUTHORIZED,
		/**
		 * Unreachable, 5xx (or 408/429) after all retries, or a 200 that is no readable
		 * acknowledgement.
		 */
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

		private final String code;

		private final String japanese;

		ShipException(FailureKind kind, Path file, long line, String message) {
			this(kind, file, line, null, null, message);
		}

		ShipException(FailureKind kind, Path file, long line, String code, String japanese, String english) {
			super(english);
			this.kind = kind;
			this.file = file;
			this.line = line;
			this.code = code;
			this.japanese = japanese;
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

		/** The service's code of a refusal, or null. */
		public String code() {
			return code;
		}

		/**
		 * The same detail as {@link #getMessage()} in Japanese, for the clerk; null when
		 * there is none.
		 */
		public String japanese() {
			return japanese;
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

	/**
	 * Ships one file, reading it a chunk at a time: memory holds one chunk, whatever the
	 * size of the day's log.
	 */
	Summary ship(Path file) throws IOException, ShipException {
		Path sidecar = file.resolveSibling(file.getFileName() + SIDECAR_SUFFIX);
		try (LogLineReader log = LogLineReader.open(file)) {
			int shipped = shippedLines(file, sidecar, log);
			long accepted = 0;
			long duplicates = 0;
			int size = linesPerRequest;
			int start = shipped;
			List<String> pending = new ArrayList<>();
			while (true) {
				for (String line; pending.size() < size && (line = log.next()) != null;) {
					pending.add(line);
				}
				if (pending.isEmpty()) {
					break;
				}
				List<String> chunk = pending.subList(0, Math.min(size, pending.size()));
				Reply reply = post(file, chunk, start + 1);
				if (reply.status() == 413 && chunk.size() > 1) {
					// Too large for the service: send the first half, and continue with
					// halves for the rest of this file. The position has not moved.
					size = (chunk.size() + 1) / 2;
					continue;
				}
				if (reply.status() != 200) {
					throw Refusals.of(reply.status(), reply.body(), file, start + 1, chunk.size());
				}
				Map<String, Object> answer = acknowledgement(file, reply.body());
				accepted += number(answer.get("accepted"));
				duplicates += number(answer.get("duplicates"));
				// Only an acknowledged chunk moves the position: a refused one is sent
				// again, from its first line, by the next run.
				remember(sidecar, start + chunk.size(), ChainVerifier.hashOf(chunk.get(chunk.size() - 1)));
				start += chunk.size();
				chunk.clear();
			}
			return new Summary(start > shipped ? 1 : 0, start - shipped, accepted, duplicates);
		}
	}

	/**
	 * Lines already acknowledged, after checking they are still exactly what was sent;
	 * reads the log up to them.
	 */
	private static int shippedLines(Path file, Path sidecar, LogLineReader log) throws IOException, ShipException {
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
			if (count < 0) {
				throw new NumberFormatException();
			}
		}
		catch (NumberFormatException e) {
			throw new ShipException(FailureKind.LOCAL_LOG_CHANGED, file, 0, "unreadable " + sidecar.getFileName());
		}
		String last = null;
		int read = 0;
		while (read < count && (last = log.next()) != null) {
			read++;
		}
		if (count > 0
				&& (read < count || !Objects.equals(ChainVerifier.hashOf(last), position.getProperty("lastHash")))) {
			throw new ShipException(FailureKind.LOCAL_LOG_CHANGED, file, read,
					file.getFileName() + ": the " + count + " lines the service already has were changed or removed");
		}
		return count;
	}

	private static void remember(Path sidecar, int lines, String lastHash) throws IOException {
		Path temporary = sidecar.resolveSibling(sidecar.getFileName() + ".tmp");
		Files.writeString(temporary, "lines=" + lines + "\nlastHash=" + lastHash + "\n", StandardCharsets.UTF_8);
		Files.move(temporary, sidecar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/** An answer of the service; {@code body} is null when it was over the bound. */
	private record Reply(int status, byte[] body) {
	}

	/**
	 * Sends one chunk; retries connection errors, timeouts, 5xx, 408 and 429 with a
	 * doubling wait, and returns the first other answer.
	 */
	private Reply post(Path file, List<String> chunk, int firstLine) throws ShipException {
		int length = 0;
		for (String line : chunk) {
			length += line.length() + 1;
		}
		StringBuilder body = new StringBuilder(length);
		for (String line : chunk) {
			body.append(line).append('\n');
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
			.timeout(REQUEST_TIMEOUT)
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
			CompletableFuture<HttpResponse<byte[]>> sending = http.sendAsync(request.build(),
					info -> new BoundedBody(info.headers().firstValueAsLong("Content-Length").orElse(-1)));
			try {
				// The request timeout ends at the answer's headers; this bounds the
				// whole exchange, a body that trickles in included.
				HttpResponse<byte[]> response = sending.get(REQUEST_TIMEOUT.toMillis() + 5000, TimeUnit.MILLISECONDS);
				int status = response.statusCode();
				if (status < 500 && status != 408 && status != 429) {
					if (status != 200 && status < 400) {
						throw new ShipException(FailureKind.UNAVAILABLE, file, 0,
								"unexpected answer HTTP " + status + " from " + endpoint);
					}
					return new Reply(status, response.body());
				}
				lastProblem = "HTTP " + status;
			}
			catch (ExecutionException e) {
				Throwable cause = e.getCause() == null ? e : e.getCause();
				lastProblem = cause.getClass().getSimpleName()
						+ (cause.getMessage() == null ? "" : ": " + cause.getMessage());
			}
			catch (TimeoutException e) {
				sending.cancel(true);
				lastProblem = "no complete answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
			}
			catch (InterruptedException e) {
				sending.cancel(true);
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
	 * Collects an answer of at most {@link #MAX_ANSWER_BYTES}; a longer one (declared or
	 * as it arrives) is not read on, the exchange is cancelled and the body is
	 * {@code null}.
	 */
	private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

		private final long declaredLength;

		private final CompletableFuture<byte[]> result = new CompletableFuture<>();

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private Flow.Subscription subscription;

		BoundedBody(long declaredLength) {
			this.declaredLength = declaredLength;
		}

		@Override
		public CompletionStage<byte[]> getBody() {
			return result;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			if (declaredLength > MAX_ANSWER_BYTES) {
				result.complete(null);
				subscription.cancel();
				return;
			}
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			if (result.isDone()) {
				return;
			}
			for (ByteBuffer buffer : buffers) {
				if (bytes.size() + (long) buffer.remaining() > MAX_ANSWER_BYTES) {
					result.complete(null);
					subscription.cancel();
					return;
				}
				byte[] part = new byte[buffer.remaining()];
				buffer.get(part);
				bytes.write(part, 0, part.length);
			}
		}

		@Override
		public void onError(Throwable error) {
			result.completeExceptionally(error);
		}

		@Override
		public void onComplete() {
			result.complete(bytes.toByteArray());
		}

	}

	/**
	 * A 200 answer that is not strict JSON (a proxy's page, a truncated body) is no
	 * acknowledgement: the position is not advanced, the lines go again with the next run
	 * (the service stores each event once).
	 */
	private static Map<String, Object> acknowledgement(Path file, byte[] body) throws ShipException {
		if (body == null) {
			throw new ShipException(FailureKind.UNAVAILABLE, file, 0, "the service answered HTTP 200 with a body over "
					+ MAX_ANSWER_BYTES + " bytes; not read, taken as no acknowledgement");
		}
		try {
			return JsonParser.parseObject(body);
		}
		catch (JsonParseException e) {
			throw new ShipException(FailureKind.UNAVAILABLE, file, 0,
					"the service answered HTTP 200 with an unreadable body (" + e.getMessage() + ")");
		}
	}

	private static long number(Object value) {
		return value instanceof Number n ? n.longValue() : 0;
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
