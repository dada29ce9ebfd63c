package jp.madoguchi.tenant;

import java.util.EnumSet;
import java.util.Optional;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import jp.madoguchi.errors.Messages;

/**
 * Production start: when the database has no user at all, creates the first municipality
 * and its ADMIN from {@code madoguchi.bootstrap.*} (set through environment variables,
 * never defaulted). Without them, nobody can sign in until an operator sets them — there
 * is no built-in password. The bootstrap password is held to the password policy: a weak
 * one, or a missing or malformed setting, stops the start with a message (Japanese and
 * English) naming the setting; the administrator it creates is not asked to change it.
 */
@Component
class FirstAdmin implements ApplicationRunner {

	private final Tenants tenants;

	private final Bootstrap bootstrap;

	private final PasswordPolicy policy;

	private final Messages messages;

	FirstAdmin(Tenants tenants, Bootstrap bootstrap, PasswordPolicy policy, Messages messages) {
		this.tenants = tenants;
		this.bootstrap = bootstrap;
		this.policy = policy;
		this.messages = messages;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!StringUtils.hasText(bootstrap.adminPassword()) || tenants.userCount() > 0) {
			return;
		}
		if (!LocalGovernmentCode.isValid(bootstrap.municipalityCode())) {
			throw new BootstrapSettingException("MADOGUCHI_BOOTSTRAP_MUNICIPALITY_CODE",
					"6桁の地方公共団体コード（検査数字付き）を設定してください", "must be a 6-digit local government code with its check digit");
		}
		if (!StringUtils.hasText(bootstrap.municipalityName())
				|| bootstrap.municipalityName().strip().length() > TenantLimits.MUNICIPALITY_NAME_MAX) {
			throw new BootstrapSettingException("MADOGUCHI_BOOTSTRAP_MUNICIPALITY_NAME",
					"市町村名を" + TenantLimits.MUNICIPALITY_NAME_MAX + "文字以内で設定してください",
					"must name the municipality in at most " + TenantLimits.MUNICIPALITY_NAME_MAX + " characters");
		}
		String username = bootstrap.adminUsername() == null ? "" : bootstrap.adminUsername().strip();
		if (!username.matches(TenantLimits.USERNAME_PATTERN)) {
			throw new BootstrapSettingException("MADOGUCHI_BOOTSTRAP_ADMIN_USERNAME",
					messages.text("USERNAME_INVALID", TenantLimits.USERNAME_MIN, TenantLimits.USERNAME_MAX),
					"must be " + TenantLimits.USERNAME_MIN + " to " + TenantLimits.USERNAME_MAX
							+ " characters of a-z, 0-9, '.', '_' or '-'");
		}
		Optional<String> weakness = policy.weakness(username, bootstrap.adminPassword());
		if (weakness.isPresent()) {
			throw new BootstrapSettingException("MADOGUCHI_BOOTSTRAP_ADMIN_PASSWORD",
					messages.text(weakness.get(), TenantLimits.PASSWORD_MIN, TenantLimits.PASSWORD_MAX_BYTES),
					"is too weak: at least " + TenantLimits.PASSWORD_MIN
							+ " characters, not containing the username, not a common password, hard to guess"
							+ " (estimated entropy at least " + (int) PasswordPolicy.MINIMUM_ENTROPY_BITS + " bits)");
		}
		LocalGovernmentCode code = new LocalGovernmentCode(bootstrap.municipalityCode());
		String name = bootstrap.municipalityName().strip();
		Municipality m = tenants.findMunicipality(code)
			.orElseGet(() -> tenants.createMunicipality(code, name, name + "長", "", "", ""));
		tenants.createUser(m.id(), username, bootstrap.adminPassword(), "管理者", EnumSet.of(Role.ADMIN));
	}

	@ConfigurationProperties("madoguchi.bootstrap")
	record Bootstrap(String municipalityCode, String municipalityName, String adminUsername, String adminPassword) {
	}

	/**
	 * A bootstrap setting that cannot be used; its message names the setting, in Japanese
	 * and English, and never quotes the value.
	 */
	static class BootstrapSettingException extends IllegalStateException {

		private final String setting;

		private final String japanese;

		private final String english;

		BootstrapSettingException(String setting, String japanese, String english) {
			super("起動設定 " + setting + " が正しくありません: " + japanese + " / The setting " + setting + " " + english + ".");
			this.setting = setting;
			this.japanese = japanese;
			this.english = english;
		}

	}

	/** Prints the wrong setting instead of a stack trace when the start stops. */
	static class BootstrapFailureAnalyzer extends AbstractFailureAnalyzer<BootstrapSettingException> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, BootstrapSettingException cause) {
			return new FailureAnalysis(
					"起動設定 " + cause.setting + " が正しくありません: " + cause.japanese + "\nThe setting " + cause.setting + " "
							+ cause.english + ".",
					cause.setting + " を直して（または設定を外して）もう一度起動してください。 / Correct " + cause.setting
							+ " (or unset it) and start again.",
					cause);
		}

	}

}
