package jp.madoguchi.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

import jp.madoguchi.MadoguchiApplication;
import jp.madoguchi.support.ApiClient;

/**
 * The production start with {@code MADOGUCHI_BOOTSTRAP_*}: a weak administrator password
 * stops it with a message naming the setting (Japanese and English), a strong one creates
 * an administrator who is not asked to change it.
 */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapTest {

	@TempDir
	Path dataDir;

	private ConfigurableApplicationContext start(String username, String password) {
		// command-line arguments: they take precedence over application.yml, as the
		// environment variables do in production
		return new SpringApplicationBuilder(MadoguchiApplication.class).run("--madoguchi.data-dir=" + dataDir,
				"--server.port=0", "--madoguchi.bootstrap.municipality-code=332097",
				"--madoguchi.bootstrap.municipality-name=高梁市", "--madoguchi.bootstrap.admin-username=" + username,
				"--madoguchi.bootstrap.admin-password=" + password);
	}

	@Test
	void aWeakBootstrapPasswordStopsTheStartWithAMessageNamingTheSetting(CapturedOutput output) {
		Throwable thrown = catchThrowable(() -> start("first-admin", "password1234"));
		assertThat(thrown).isNotNull();
		assertThat(NestedExceptionUtils.getMostSpecificCause(thrown))
			.hasMessageContaining("MADOGUCHI_BOOTSTRAP_ADMIN_PASSWORD")
			.hasMessageContaining("よく使われるパスワード")
			.hasMessageContaining("is too weak")
			.hasMessageNotContaining("password1234");
		// the failure analyzer's report, instead of a bare stack trace
		assertThat(output.getOut() + output.getErr()).contains("起動設定 MADOGUCHI_BOOTSTRAP_ADMIN_PASSWORD が正しくありません")
			.contains("Correct MADOGUCHI_BOOTSTRAP_ADMIN_PASSWORD");
	}

	@Test
	void aStrongBootstrapPasswordCreatesAnAdministratorWhoNeedNotChangeIt() {
		try (ConfigurableApplicationContext context = start("first-admin", "hikari-nami-kaze-204")) {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			ApiClient admin = new ApiClient(port, "first-admin", "hikari-nami-kaze-204");
			var users = admin.get("/api/users");
			assertThat(users.status()).as(users.text()).isEqualTo(200);
			assertThat(users.json().get(0).get("mustChangePassword").asBoolean()).isFalse();
			assertThat(admin.get("/api/municipality").json().get("name").asString()).isEqualTo("高梁市");
		}
	}

}
