package jp.madoguchi.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.util.Collections;

/**
 * A real HTTP client against the running service, signed in with HTTP Basic as one user.
 */
public final class ApiClient {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final String authorization;

	public ApiClient(int port, String username, String password) {
		this.base = "http://localhost:" + port;
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).GET());
	}

	public Response upload(String fileName, byte[] content, boolean acceptValidRows) {
		return upload(fileName, () -> new ByteArrayInputStream(content), acceptValidRows);
	}

	/** An upload that also says whether hidden rows are to be imported. */
	public Response upload(String fileName, byte[] content, boolean acceptValidRows, boolean includeHiddenRows) {
		return upload(fileName, () -> new ByteArrayInputStream(content), acceptValidRows, "includeHiddenRows",
				Boolean.toString(includeHiddenRows));
	}

	/**
	 * Posts a multipart upload whose file part is streamed from the supplier (so a 200 MB
	 * test needs no heap).
	 */
	public Response upload(String fileName, Supplier<InputStream> content, boolean acceptValidRows) {
		return upload(fileName, content, acceptValidRows, null, null);
	}

	private Response upload(String fileName, Supplier<InputStream> content, boolean acceptValidRows, String field,
			String value) {
		String boundary = "----madoguchi" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		String extra = field == null ? ""
				: "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value;
		byte[] tail = ("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"acceptValidRows\"\r\n\r\n"
				+ acceptValidRows + extra + "\r\n--" + boundary + "--\r\n")
			.getBytes(StandardCharsets.UTF_8);
		HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers
			.ofInputStream(() -> new SequenceInputStream(Collections
				.enumeration(List.of(new ByteArrayInputStream(head), content.get(), new ByteArrayInputStream(tail)))));
		return send(HttpRequest.newBuilder(URI.create(base + "/api/rosters"))
			.header("Authorization", authorization)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(body));
	}

	/** Posts one file as the multipart field {@code file} to {@code path}. */
	public Response uploadFile(String path, String fileName, byte[] content) {
		String boundary = "----madoguchi" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers
			.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(head),
					new ByteArrayInputStream(content), new ByteArrayInputStream(tail)))));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", authorization)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(body));
	}

	public Response postJson(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", authorization)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	public Response patchJson(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", authorization)
			.header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	public Response putJson(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", authorization)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	public Response delete(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).DELETE());
	}

	/** A request signed in with a counter PC's workstation key instead of a user. */
	public static Response withWorkstationKey(int port, String method, String path, String key, String body) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("X-Workstation-Key", key)
			.header("Content-Type", "application/x-ndjson")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	public Response postNdjson(String path, String body) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", authorization)
			.header("Content-Type", "application/x-ndjson")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	/** An ndjson post with extra headers, e.g. the adapter's X-Device-Log-File. */
	public Response postNdjson(String path, String body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", authorization)
			.header("Content-Type", "application/x-ndjson")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		headers.forEach(request::header);
		return send(request);
	}

	/** The Authorization header value this client sends. */
	public String authorization() {
		return authorization;
	}

	public Response post(String path, String contentType, byte[] body) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", authorization)
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	public Response post(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", authorization)
			.POST(HttpRequest.BodyPublishers.noBody()));
	}

	private static Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<byte[]> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Response(r.statusCode(), r.body());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public record Response(int status, byte[] body) {
		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String text() {
			return new String(body, StandardCharsets.UTF_8);
		}
	}

}
