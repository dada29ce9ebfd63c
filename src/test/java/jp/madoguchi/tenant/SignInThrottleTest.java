package jp.madoguchi.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.PageSession;
import jp.madoguchi.support.TestMunicipalities;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Password guessing through the real HTTP stack, on HTTP Basic and the form login: after
 * ten failures in a row the username answers 429 with Retry-After — the right password
 * included, unknown usernames too — without running bcrypt; a success resets the count;
 * an administrator of the same municipality unlocks; everything is audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@Import(SignInThrottleTest.CountingPasswords.class)
class SignInThrottleTest {

	private static final String PASSWORD = "Kiri-Hana-Tsuki-2026";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CountingPasswords counting;

	@Test
	void apiTenWrongThenTheRightPasswordIsRefusedWith429BeforeBcrypt() {
		String user = newClerk("throttle-api");
		assertThat(basic(user, PASSWORD).statusCode()).isEqualTo(200); // now remembered
		for (int i = 1; i <= 10; i++) {
			assertThat(basic(user, "wrong-" + i).statusCode()).as("failure %d", i).isEqualTo(401);
		}
		int checks = this.counting.matches.get();
		HttpResponse<String> refused = basic(user, PASSWORD);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(this.counting.matches.get()).as("no bcrypt for a throttled attempt").isEqualTo(checks);
		long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(1L, 60L);
		JsonNode body = JSON.readTree(refused.body());
		assertThat(body.get("code").asString()).isEqualTo("SIGN_IN_THROTTLED");
		assertThat(body.get("message").asString()).contains("以降", "分後");
		assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		// Further attempts, right or wrong, stay refused and run no bcrypt either.
		assertThat(basic(user, "wrong-again").statusCode()).isEqualTo(429);
		assertThat(basic(user.toUpperCase(), PASSWORD).statusCode()).as("the count ignores case").isEqualTo(429);
		assertThat(this.counting.matches.get()).isEqualTo(checks);
		assertThat(auditActions(user)).contains("SIGN_IN_FAILED", "SIGN_IN_THROTTLED");
		assertThat(auditCount(user, "SIGN_IN_FAILED")).isEqualTo(10);
		assertThat(auditCount(user, "SIGN_IN_THROTTLED")).isEqualTo(2);
	}

	@Test
	void formLoginTenWrongThenTheRightPasswordShowsTheLoginPageWith429() {
		String user = newClerk("throttle-form");
		PageSession browser = new PageSession(this.port);
		for (int i = 1; i <= 10; i++) {
			HttpResponse<String> wrong = browser.signIn(user, "wrong-" + i);
			assertThat(wrong.statusCode()).as("failure %d", i).isEqualTo(302);
			assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
		}
		int checks = this.counting.matches.get();
		HttpResponse<String> refused = browser.signIn(user, PASSWORD);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(this.counting.matches.get()).as("no bcrypt for a throttled attempt").isEqualTo(checks);
		assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
		assertThat(refused.body()).contains("id=\"throttled\"", "ログインの失敗が続いたため", "以降")
			.doesNotContain("id=\"sign-in-error\"")
			.contains("name=\"_csrf\"");
		// The same username is refused on the API as well: one count for both.
		assertThat(basic(user, PASSWORD).statusCode()).isEqualTo(429);
		assertThat(auditCount(user, "SIGN_IN_FAILED")).isEqualTo(10);
		assertThat(auditCount(user, "SIGN_IN_THROTTLED")).isEqualTo(2);
	}

	@Test
	void unknownUsernamesAreThrottledAndAuditedWithoutMunicipality() {
		String nobody = "nobody-" + System.nanoTime();
		for (int i = 1; i <= 10; i++) {
			assertThat(basic(nobody, "guess-" + i).statusCode()).isEqualTo(401);
		}
		int checks = this.counting.matches.get();
		assertThat(basic(nobody, "guess-11").statusCode()).isEqualTo(429);
		assertThat(new PageSession(this.port).signIn(nobody, "guess-12").statusCode()).isEqualTo(429);
		assertThat(this.counting.matches.get()).isEqualTo(checks);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE username = ? AND municipality_id IS NULL AND action = ?")
			.params(nobody, "SIGN_IN_FAILED")
			.query(Long.class)
			.single()).isEqualTo(10);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE username = ? AND municipality_id IS NULL AND action = ?")
			.params(nobody, "SIGN_IN_THROTTLED")
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE target_id LIKE 'guess-%' OR username LIKE 'guess-%'")
			.query(Long.class)
			.single()).as("no attempted password is stored").isZero();
	}

	@Test
	void aFullPasswordCheckResetsTheCountARememberedSignInDoesNot() {
		String user = newClerk("throttle-reset");
		for (int i = 1; i <= 9; i++) {
			assertThat(basic(user, "wrong-" + i).statusCode()).isEqualTo(401);
		}
		assertThat(basic(user, PASSWORD).statusCode()).as("a full check: resets").isEqualTo(200);
		for (int i = 1; i <= 9; i++) {
			assertThat(basic(user, "wrong-" + i).statusCode()).as("failure %d after the success", i).isEqualTo(401);
		}
		// Remembered from the check above: neither counts nor resets, so guesses
		// interleaved with an honest client's requests still reach the limit.
		assertThat(basic(user, PASSWORD).statusCode()).isEqualTo(200);
		assertThat(basic(user, "wrong-10").statusCode()).isEqualTo(401);
		assertThat(basic(user, PASSWORD).statusCode()).isEqualTo(429);
	}

	@Test
	void aFormSignInResetsTheCount() {
		String user = newClerk("throttle-reset-form");
		for (int i = 1; i <= 9; i++) {
			assertThat(basic(user, "wrong-" + i).statusCode()).isEqualTo(401);
		}
		HttpResponse<String> signedIn = new PageSession(this.port).signIn(user, PASSWORD);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		for (int i = 1; i <= 9; i++) {
			assertThat(basic(user, "wrong-" + i).statusCode()).as("failure %d after the success", i).isEqualTo(401);
		}
	}

	@Test
	void anAdministratorUnlocksThroughTheApi() {
		String user = newClerk("throttle-unlock-api");
		lockOut(user);
		long id = idOf(user);
		assertThat(basic(user, PASSWORD).statusCode()).isEqualTo(429);
		assertThat(basic("clerk", "demo", "POST", "/api/users/" + id + "/unlock").statusCode())
			.as("a clerk may not unlock")
			.isEqualTo(403);
		TestMunicipalities.ensureOther(this.tenants);
		String otherAdmin = "chiyoda-admin-" + System.nanoTime();
		long other = this.tenants.findMunicipality(new LocalGovernmentCode("131016")).orElseThrow().id();
		this.tenants.createUser(other, otherAdmin, PASSWORD, "千代田 管理", EnumSet.of(Role.ADMIN));
		assertThat(basic(otherAdmin, PASSWORD, "POST", "/api/users/" + id + "/unlock").statusCode())
			.as("another municipality's administrator does not see the user")
			.isEqualTo(404);
		assertThat(basic("admin", "demo", "POST", "/api/users/abc/unlock").statusCode()).isEqualTo(404);
		assertThat(basic("admin", "demo", "POST", "/api/users/999999/unlock").statusCode()).isEqualTo(404);
		assertThat(basic(user, PASSWORD).statusCode()).isEqualTo(429);

		assertThat(basic("admin", "demo", "POST", "/api/users/" + id + "/unlock").statusCode()).isEqualTo(204);
		assertThat(basic(user, PASSWORD).statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM audit_event
				WHERE username = 'admin' AND action = 'UNLOCK' AND target_type = 'user' AND target_id = ?
				AND municipality_id = ?""").params(Long.toString(id), demoMunicipality()).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void anAdministratorUnlocksThroughThePage() {
		String user = newClerk("throttle-unlock-page");
		lockOut(user);
		long id = idOf(user);
		assertThat(new PageSession(this.port).signIn(user, PASSWORD).statusCode()).isEqualTo(429);
		PageSession admin = new PageSession(this.port);
		assertThat(admin.signIn("admin", "demo").statusCode()).isEqualTo(302);
		// The user's page says the sign-in is stopped and offers the unlock (its form
		// carries the signed-in session's CSRF token).
		assertThat(admin.get("/admin/users/" + id).body()).contains("id=\"locked\"", "id=\"unlock\"");
		HttpResponse<String> unlocked = admin.post("/admin/users/" + id + "/unlock", Map.of());
		assertThat(unlocked.statusCode()).isEqualTo(302);
		assertThat(unlocked.headers().firstValue("Location").orElseThrow()).endsWith("/admin/users/" + id);
		assertThat(admin.get("/admin/users/" + id).body()).doesNotContain("id=\"unlock\"");
		assertThat(new PageSession(this.port).signIn(user, PASSWORD).headers().firstValue("Location").orElseThrow())
			.doesNotContain("error");
		assertThat(auditActions(user)).contains("SIGN_IN_FAILED", "SIGN_IN_THROTTLED");
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE username = 'admin' AND action = 'UNLOCK' AND target_id = ?")
			.param(Long.toString(id))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void thePageUnlockNeedsTheCsrfToken() {
		String user = newClerk("throttle-unlock-csrf");
		lockOut(user);
		PageSession admin = new PageSession(this.port);
		admin.signIn("admin", "demo");
		// The token of the login page is no longer valid after signing in.
		assertThat(admin.post("/admin/users/" + idOf(user) + "/unlock", Map.of()).statusCode()).isEqualTo(403);
		assertThat(basic(user, PASSWORD).statusCode()).isEqualTo(429);
	}

	private void lockOut(String user) {
		for (int i = 1; i <= 10; i++) {
			assertThat(basic(user, "wrong-" + i).statusCode()).isEqualTo(401);
		}
	}

	private String newClerk(String prefix) {
		String username = prefix + "-" + System.nanoTime();
		this.tenants.createUser(demoMunicipality(), username, PASSWORD, "テスト 職員", EnumSet.of(Role.CLERK));
		return username;
	}

	private long demoMunicipality() {
		return this.tenants.findMunicipality(DemoData.DEMO_CODE).orElseThrow().id();
	}

	private long idOf(String username) {
		return this.jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
	}

	private List<String> auditActions(String username) {
		return this.jdbc.sql("SELECT action FROM audit_event WHERE username = ? AND municipality_id = ?")
			.params(username, demoMunicipality())
			.query(String.class)
			.list();
	}

	private long auditCount(String username, String action) {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE username = ? AND action = ? AND target_id = ?")
			.params(username, action, username)
			.query(Long.class)
			.single();
	}

	private HttpResponse<String> basic(String username, String password) {
		return basic(username, password, "GET", "/api/rosters");
	}

	private HttpResponse<String> basic(String username, String password, String method, String path) {
		String credentials = Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Authorization", "Basic " + credentials)
				.method(method, HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The service's password encoder, counting every password check, so a test can see
	 * that a throttled attempt ran none.
	 */
	@TestConfiguration
	static class CountingPasswords {

		final AtomicInteger matches = new AtomicInteger();

		@Bean
		@Primary
		PasswordEncoder countingPasswordEncoder() {
			PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
			return new PasswordEncoder() {
				@Override
				public String encode(CharSequence rawPassword) {
					return real.encode(rawPassword);
				}

				@Override
				public boolean matches(CharSequence rawPassword, String encodedPassword) {
					CountingPasswords.this.matches.incrementAndGet();
					return real.matches(rawPassword, encodedPassword);
				}

				@Override
				public boolean upgradeEncoding(String encodedPassword) {
					return real.upgradeEncoding(encodedPassword);
				}
			};
		}

	}

}
