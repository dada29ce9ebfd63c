package jp.madoguchi.tenant;

import java.util.EnumSet;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Production start: when the database has no user at all, creates the first municipality
 * and its ADMIN from {@code madoguchi.bootstrap.*} (set through environment variables,
 * never defaulted). Without them, nobody can sign in until an operator sets them — there
 * is no built-in password.
 */
@Component
class FirstAdmin implements ApplicationRunner {

	private final Tenants tenants;

	private final Bootstrap bootstrap;

	FirstAdmin(Tenants tenants, Bootstrap bootstrap) {
		this.tenants = tenants;
		this.bootstrap = bootstrap;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!StringUtils.hasText(bootstrap.adminPassword()) || tenants.userCount() > 0) {
			return;
		}
		LocalGovernmentCode code = new LocalGovernmentCode(bootstrap.municipalityCode());
		Municipality m = tenants.findMunicipality(code)
			.orElseGet(() -> tenants.createMunicipality(code, bootstrap.municipalityName(),
					bootstrap.municipalityName() + "長", "", "", ""));
		tenants.createUser(m.id(), bootstrap.adminUsername(), bootstrap.adminPassword(), "管理者", EnumSet.of(Role.ADMIN));
	}

	@ConfigurationProperties("madoguchi.bootstrap")
	record Bootstrap(String municipalityCode, String municipalityName, String adminUsername, String adminPassword) {
	}

}
