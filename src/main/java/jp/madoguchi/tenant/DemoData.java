package jp.madoguchi.tenant;

import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The {@code demo} profile: one demo municipality and the users clerk, officer, operator,
 * admin and supervisor (a clerk who is also the counter's supervisor), each with password
 * {@code demo}. Only this profile creates users with known passwords; production starts
 * with none.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

	static final LocalGovernmentCode DEMO_CODE = new LocalGovernmentCode("332097");

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final Tenants tenants;

	DemoData(Tenants tenants) {
		this.tenants = tenants;
	}

	@Override
	public void run(ApplicationArguments args) {
		Municipality demo = tenants.findMunicipality(DEMO_CODE)
			.orElseGet(() -> tenants.createMunicipality(DEMO_CODE, "高梁市（デモ）", "高梁市長", "市民課 マイナンバー窓口", "0866-00-0000",
					"平日 8:30～17:15"));
		create(demo, "clerk", "窓口 花子", EnumSet.of(Role.CLERK));
		create(demo, "officer", "記録 太郎", EnumSet.of(Role.RECORDS_OFFICER));
		create(demo, "operator", "運用 次郎", EnumSet.of(Role.OPERATOR));
		create(demo, "admin", "管理 三郎", EnumSet.of(Role.ADMIN));
		create(demo, "supervisor", "責任 四郎", EnumSet.of(Role.CLERK, Role.SUPERVISOR));
		log.info("Demo mode: users clerk, officer, operator, admin (password: demo) in municipality {}", DEMO_CODE);
	}

	private void create(Municipality m, String username, String displayName, Set<Role> roles) {
		if (!tenants.userExists(username)) {
			tenants.createDemoUser(m.id(), username, "demo", displayName, roles);
		}
	}

}
