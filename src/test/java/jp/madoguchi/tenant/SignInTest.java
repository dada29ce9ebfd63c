package jp.madoguchi.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.ApiClient;

/**
 * HTTP Basic remembers a recent successful sign-in; it never lets a wrong password or
 * another user through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class SignInTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
	}

	@LocalServerPort
	int port;

	@Test
	void aRememberedSignInOpensOnlyForTheSameUserAndPassword() {
		assertThat(new ApiClient(port, "clerk", "demo").get("/api/rosters").status()).isEqualTo(200);
		assertThat(new ApiClient(port, "clerk", "demo").get("/api/rosters").status()).isEqualTo(200);
		assertThat(new ApiClient(port, "clerk", "demo ").get("/api/rosters").status()).isEqualTo(401);
		assertThat(new ApiClient(port, "clerk", "wrong").get("/api/rosters").status()).isEqualTo(401);
		assertThat(new ApiClient(port, "clerk", "").get("/api/rosters").status()).isEqualTo(401);
		assertThat(new ApiClient(port, "nobody", "demo").get("/api/rosters").status()).isEqualTo(401);
		// The officer's password is also "demo": the remembered clerk must not stand in
		// for the officer's role.
		assertThat(new ApiClient(port, "officer", "demo").get("/api/rosters").status()).isEqualTo(403);
		var response = new ApiClient(port, "clerk", "wrong").get("/api/rosters");
		assertThat(response.json().get("code").asString()).isEqualTo("UNAUTHORIZED");
	}

}
