package jp.madoguchi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.PageSession;

/**
 * Every answer carries the security headers — the login page, a signed-in page, API
 * answers (JSON, a refusal, a PDF) — and the session cookie is HttpOnly, SameSite=Lax
 * and, behind an HTTPS proxy ({@code X-Forwarded-Proto: https}), Secure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class SecurityHeadersTest {

	private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
	}

	@LocalServerPort
	int port;

	@Test
	void theLoginPageCarriesTheHeaders() {
		HttpResponse<String> login = new PageSession(this.port).get("/login");
		assertThat(login.statusCode()).isEqualTo(200);
		assertSecurityHeaders(login.headers(), CSP);
	}

	@Test
	void aSignedInPageCarriesTheHeaders() {
		PageSession clerk = new PageSession(this.port);
		assertThat(clerk.signIn("clerk", "demo").statusCode()).isEqualTo(302);
		HttpResponse<String> rosters = clerk.get("/rosters");
		assertThat(rosters.statusCode()).isEqualTo(200);
		assertSecurityHeaders(rosters.headers(), CSP);
		assertThat(rosters.body()).as("no inline script: the page loads its script from a file")
			.doesNotContain("<script>")
			.contains("/js/rosters.js");
		assertThat(clerk.get("/js/rosters.js").statusCode()).isEqualTo(200);
	}

	@Test
	void apiAnswersCarryTheHeaders() {
		HttpResponse<String> json = basic("clerk", "demo", "/api/rosters");
		assertThat(json.statusCode()).isEqualTo(200);
		assertSecurityHeaders(json.headers(), CSP);
		HttpResponse<String> refused = basic("clerk", "wrong", "/api/rosters");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertSecurityHeaders(refused.headers(), CSP);
	}

	@Test
	void aPdfGetsOnlyFrameAncestorsSoTheBrowsersViewerWorks() {
		HttpResponse<String> pdf = basic("admin", "demo", "/api/templates/consent/preview.pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
		assertSecurityHeaders(pdf.headers(), "frame-ancestors 'none'");
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLaxAndNotSecureOverPlainHttp() {
		String cookie = sessionCookie(send(HttpRequest.newBuilder(uri("/login"))));
		assertThat(attributes(cookie)).contains("httponly", "samesite=lax").doesNotContain("secure");
	}

	@Test
	void behindAnHttpsProxyTheSessionCookieIsSecure() {
		HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Port", "443"));
		String cookie = sessionCookie(login);
		assertThat(attributes(cookie)).contains("httponly", "samesite=lax", "secure");
		assertThat(login.headers().firstValue("Strict-Transport-Security")).as("HSTS over HTTPS").isPresent();
		assertSecurityHeaders(login.headers(), CSP);
		// Redirects stay on https.
		HttpResponse<String> home = send(HttpRequest.newBuilder(uri("/"))
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Port", "443"));
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location").orElseThrow()).startsWith("https://");
	}

	private static void assertSecurityHeaders(HttpHeaders headers, String csp) {
		assertThat(headers.allValues("Content-Security-Policy")).containsExactly(csp);
		assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(headers.firstValue("Permissions-Policy"))
			.hasValue("camera=(), microphone=(), geolocation=(), payment=(), usb=()");
	}

	private static String sessionCookie(HttpResponse<String> response) {
		List<String> cookies = response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("JSESSIONID="))
			.toList();
		assertThat(cookies).hasSize(1);
		return cookies.get(0);
	}

	private static List<String> attributes(String cookie) {
		return List.of(cookie.split(";")).stream().skip(1).map(a -> a.strip().toLowerCase()).toList();
	}

	private HttpResponse<String> basic(String username, String password, String path) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8))));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

}
