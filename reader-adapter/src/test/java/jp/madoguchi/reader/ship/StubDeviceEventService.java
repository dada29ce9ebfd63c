package jp.madoguchi.reader.ship;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import jp.madoguchi.reader.json.JsonParser;
import jp.madoguchi.reader.log.ChainVerifier;

/**
 * A stand-in for the service's {@code POST /api/device-events}, doing what
 * docs/device-log.md asks of it: authenticate, verify the chain with
 * {@link ChainVerifier} (continuing from the lines it already holds for that
 * workstation-day), store each event once by eventId, answer 200 or 422.
 */
public final class StubDeviceEventService implements AutoCloseable {

	public static final String USER = "clerk-7";

	public static final String PASSWORD = "pa55-word";

	public static final String WORKSTATION_KEY = "ws-key-123";

	private final HttpServer server;

	/** Per log file: the stored lines in order. */
	private final Map<String, List<String>> files = new HashMap<>();

	private final Set<String> eventIds = new HashSet<>();

	public final List<Integer> requestLineCounts = new ArrayList<>();

	public final AtomicInteger failNextRequestsWith503 = new AtomicInteger();

	/** The {@code X-Device-Log-First-Line} of every request, in order. */
	public final List<Integer> requestFirstLines = new ArrayList<>();

	/** Bodies longer than this are answered 413, as the service's body limit. */
	public volatile int maxBodyBytes = Integer.MAX_VALUE;

	/**
	 * A refusal the real service would give, decided before the chain is checked; null
	 * (or a null answer) lets the request through.
	 */
	public volatile Refusal refusal;

	/** A test's refusal of a request, by the request's first line in the file. */
	public interface Refusal {

		/** The status and JSON to answer, or null to process the request. */
		Answer answer(int firstLine, List<String> lines);

	}

	public record Answer(int status, String json) {
	}

	public volatile String lastContentType;

	public StubDeviceEventService() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/api/device-events", this::handle);
		server.setExecutor(null);
		server.start();
	}

	public URI uri() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	public synchronized int storedEvents() {
		return eventIds.size();
	}

	private synchronized void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			if (!exchange.getRequestMethod().equals("POST")) {
				reply(exchange, 405, "{}");
				return;
			}
			if (!authorised(exchange)) {
				reply(exchange, 401, "{\"code\":\"UNAUTHORIZED\"}");
				return;
			}
			if (failNextRequestsWith503.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				reply(exchange, 503, "{}");
				return;
			}
			lastContentType = exchange.getRequestHeaders().getFirst("Content-Type");
			String text = new String(body, StandardCharsets.UTF_8);
			List<String> lines = ChainVerifier.splitLines(text);
			requestLineCounts.add(lines.size());
			String firstLineHeader = exchange.getRequestHeaders().getFirst("X-Device-Log-First-Line");
			int firstLine = firstLineHeader == null ? 0 : Integer.parseInt(firstLineHeader);
			requestFirstLines.add(firstLine);
			if (body.length > maxBodyBytes) {
				reply(exchange, 413, "{\"code\":\"DEVICE_LOG_TOO_LARGE\",\"message\":\"大きすぎます\"}");
				return;
			}
			Refusal test = refusal;
			Answer refused = test == null ? null : test.answer(firstLine, lines);
			if (refused != null) {
				reply(exchange, refused.status(), refused.json());
				return;
			}
			if (lines.isEmpty()) {
				reply(exchange, 422, "{\"code\":\"EMPTY\",\"message\":\"no lines\",\"line\":0}");
				return;
			}
			String file = exchange.getRequestHeaders().getFirst("X-Device-Log-File");
			List<String> stored = files.computeIfAbsent(file, k -> new ArrayList<>());
			// Where does this chunk continue the stored chain? At the line whose hash it
			// names as prevHash.
			String prevHash = ChainVerifier.prevHashOf(lines.get(0));
			int continueAfter = -1;
			if (ChainVerifier.GENESIS.equals(prevHash)) {
				continueAfter = 0;
			}
			else {
				for (int i = 0; i < stored.size(); i++) {
					if (ChainVerifier.hashOf(stored.get(i)).equals(prevHash)) {
						continueAfter = i + 1;
					}
				}
			}
			String expected = continueAfter > 0 ? ChainVerifier.hashOf(stored.get(continueAfter - 1))
					: continueAfter == 0 ? ChainVerifier.GENESIS : stored.isEmpty() ? ChainVerifier.GENESIS
							: ChainVerifier.hashOf(stored.get(stored.size() - 1));
			ChainVerifier.Result result = ChainVerifier.verify(lines, expected, 1);
			if (!result.intact()) {
				reply(exchange, 422, "{\"code\":\"CHAIN_BROKEN\",\"message\":\"" + result.problem() + "\",\"line\":"
						+ result.firstBadLine() + "}");
				return;
			}
			int accepted = 0;
			int duplicates = 0;
			for (String line : lines) {
				String eventId = (String) JsonParser.parseObject(line).get("eventId");
				if (eventIds.add(eventId)) {
					stored.add(line);
					accepted++;
				}
				else {
					duplicates++;
				}
			}
			reply(exchange, 200, "{\"accepted\":" + accepted + ",\"duplicates\":" + duplicates + "}");
		}
	}

	private static boolean authorised(HttpExchange exchange) {
		String key = exchange.getRequestHeaders().getFirst("X-Workstation-Key");
		if (key != null) {
			return key.equals(WORKSTATION_KEY);
		}
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		String expected = "Basic "
				+ Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		return expected.equals(authorization);
	}

	private static void reply(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
