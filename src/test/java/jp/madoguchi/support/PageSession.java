package jp.madoguchi.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: real HTTP against the pages, with the session cookie kept
 * and the CSRF token of the last page sent back with each form post. Redirects are not
 * followed, so a test sees each answer as it is.
 */
public final class PageSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http;

	private String csrf;

	public PageSession(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** Opens a page; remembers its CSRF token, if it has a form. */
	public HttpResponse<String> get(String path) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
		Matcher m = CSRF.matcher(response.body());
		if (m.find()) {
			this.csrf = m.group(1);
		}
		return response;
	}

	/** Posts a form with the CSRF token of the page opened last. */
	public HttpResponse<String> post(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		if (this.csrf != null) {
			body = body + (body.isEmpty() ? "" : "&") + "_csrf=" + encode(this.csrf);
		}
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Posts a multipart form with one file, as a browser's upload form does, with the
	 * CSRF token of the page opened last; remembers the token of the page answered.
	 */
	public HttpResponse<String> upload(String path, Map<String, String> fields, String fileField, String fileName,
			byte[] content) {
		String boundary = "----madoguchi" + UUID.randomUUID();
		StringBuilder head = new StringBuilder();
		Map<String, String> all = new LinkedHashMap<>();
		if (this.csrf != null) {
			all.put("_csrf", this.csrf);
		}
		all.putAll(fields);
		all.forEach((name, value) -> head.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"")
			.append(name)
			.append("\"\r\n\r\n")
			.append(value)
			.append("\r\n"));
		head.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"")
			.append(fileField)
			.append("\"; filename=\"")
			.append(fileName)
			.append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
		Matcher m = CSRF.matcher(response.body());
		if (m.find()) {
			this.csrf = m.group(1);
		}
		return response;
	}

	/** Follows a redirect's {@code Location}, relative or absolute, as a page. */
	public HttpResponse<String> follow(HttpResponse<String> redirect) {
		String location = redirect.headers().firstValue("Location").orElseThrow();
		return get(URI.create(this.base + "/").resolve(location).getRawPath());
	}

	/** Opens the login page and posts the sign-in form; the answer as it comes. */
	public HttpResponse<String> signIn(String username, String password) {
		get("/login");
		return post("/login", Map.of("username", username, "password", password));
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public String base() {
		return this.base;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
