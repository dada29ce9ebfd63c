package jp.madoguchi.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.errors.ClientError;
import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.ApiClient.Response;
import jp.madoguchi.support.Rosters;
import tools.jackson.databind.JsonNode;

/**
 * User administration and municipality settings through the real HTTP stack: temporary
 * passwords, the forced change, the password policy, reset, deactivation, the
 * administrator's own account, tenant isolation, and a setting showing on the next form.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class UserAdministrationTest {

	static final String STRONG = "kumo-hashi-tsuki-58";

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

	private ApiClient admin;

	@BeforeEach
	void signIn() {
		admin = new ApiClient(port, "admin", "demo");
	}

	private JsonNode create(String username, String... roles) {
		Response created = admin.postJson("/api/users", """
				{"username":"%s","displayName":"試験 利用者","roles":[%s]}""".formatted(username,
				String.join(",", List.of(roles).stream().map(r -> "\"" + r + "\"").toList())));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.json();
	}

	private static String changeBody(String current, String next) {
		return """
				{"currentPassword":"%s","newPassword":"%s"}""".formatted(current, next);
	}

	private List<String> audited(String action, String targetType, long targetId) {
		return jdbc.sql("SELECT username FROM audit_event WHERE action = ? AND target_type = ? AND target_id = ?")
			.params(action, targetType, Long.toString(targetId))
			.query(String.class)
			.list();
	}

	@Test
	void aTemporaryPasswordOpensOnlyThePasswordChangeUntilTheUserChoosesTheirOwn() {
		JsonNode created = create("tanaka.ichiro", "CLERK");
		long id = created.get("id").asLong();
		String temporary = created.get("temporaryPassword").asString();
		assertThat(created.get("username").asString()).isEqualTo("tanaka.ichiro");
		assertThat(temporary).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
		assertThat(audited("USER_CREATED", "user", id)).containsExactly("admin");

		ApiClient withTemporary = new ApiClient(port, "tanaka.ichiro", temporary);
		for (String path : List.of("/api/rosters", "/api/users", "/api/municipality")) {
			Response refused = withTemporary.get(path);
			assertThat(refused.status()).as(path).isEqualTo(403);
			assertThat(refused.json().get("code").asString()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
			assertThat(refused.json().get("message").asString()).contains("パスワード");
		}
		// the one open call: a weak choice is refused, the temporary password itself too
		Response weak = withTemporary.postJson("/api/me/password", changeBody(temporary, "password1234"));
		assertThat(weak.status()).isEqualTo(422);
		assertThat(weak.json().get("code").asString()).isEqualTo("WEAK_PASSWORD");
		assertThat(withTemporary.postJson("/api/me/password", changeBody(temporary, temporary))
			.json()
			.get("code")
			.asString()).isEqualTo("PASSWORD_UNCHANGED");
		Response wrongCurrent = withTemporary.postJson("/api/me/password", changeBody("not-it", STRONG));
		assertThat(wrongCurrent.status()).isEqualTo(422);
		assertThat(wrongCurrent.json().get("code").asString()).isEqualTo("CURRENT_PASSWORD_WRONG");

		assertThat(withTemporary.postJson("/api/me/password", changeBody(temporary, STRONG)).status()).isEqualTo(204);
		assertThat(audited("PASSWORD_CHANGED", "user", id)).containsExactly("tanaka.ichiro");
		// the temporary password was remembered as a sign-in; it must be forgotten
		assertThat(withTemporary.get("/api/rosters").status()).isEqualTo(401);
		ApiClient own = new ApiClient(port, "tanaka.ichiro", STRONG);
		assertThat(own.get("/api/rosters").status()).isEqualTo(200);
		JsonNode listed = user(id);
		assertThat(listed.get("mustChangePassword").asBoolean()).isFalse();
		assertThat(listed.get("active").asBoolean()).isTrue();
	}

	private JsonNode user(long id) {
		for (JsonNode u : admin.get("/api/users").json()) {
			if (u.get("id").asLong() == id) {
				return u;
			}
		}
		throw new AssertionError("user " + id + " not listed");
	}

	@Test
	void weakPasswordsAreRefusedWithTheRuleThatFailed() {
		JsonNode created = create("weak.tester", "CLERK");
		String temporary = created.get("temporaryPassword").asString();
		ApiClient user = new ApiClient(port, "weak.tester", temporary);
		Map<String, String> reasons = Map.of("kumo-58", "12文字以上", "my-Weak.Tester-2026-xyz", "ユーザー名", "password1234",
				"よく使われる", "iloveyou2026", "よく使われる", "aaaaaaaaaaaaaaaa", "推測されやすい", "abcdefghijklmnop", "推測されやすい",
				"あいうえおかきくけこさしすせそたちつてとなにぬねの", "バイト以内");
		reasons.forEach((password, reason) -> {
			Response refused = user.postJson("/api/me/password", changeBody(temporary, password));
			assertThat(refused.status()).as(password).isEqualTo(422);
			assertThat(refused.json().get("code").asString()).isEqualTo("WEAK_PASSWORD");
			assertThat(refused.json().get("message").asString()).as(password).contains(reason);
		});
		assertThat(user.get("/api/rosters").json().get("code").asString()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
	}

	@Test
	void aResetIssuesANewTemporaryPasswordAndTheOldOneStopsWorking() {
		long id = create("suzuki", "RECORDS_OFFICER").get("id").asLong();
		String temporary = admin.post("/api/users/" + id + "/password-reset")
			.json()
			.get("temporaryPassword")
			.asString();
		ApiClient first = new ApiClient(port, "suzuki", temporary);
		assertThat(first.postJson("/api/me/password", changeBody(temporary, STRONG)).status()).isEqualTo(204);
		ApiClient own = new ApiClient(port, "suzuki", STRONG);
		assertThat(own.get("/api/municipality").status()).isEqualTo(403); // signed in,
																			// not an
																			// admin

		Response reset = admin.post("/api/users/" + id + "/password-reset");
		assertThat(reset.status()).isEqualTo(200);
		String again = reset.json().get("temporaryPassword").asString();
		assertThat(again).isNotEqualTo(temporary);
		assertThat(own.get("/api/rosters").status()).isEqualTo(401);
		assertThat(new ApiClient(port, "suzuki", again).get("/api/rosters").json().get("code").asString())
			.isEqualTo("PASSWORD_CHANGE_REQUIRED");
		assertThat(user(id).get("mustChangePassword").asBoolean()).isTrue();
		assertThat(audited("PASSWORD_RESET", "user", id)).hasSize(2);
	}

	@Test
	void aDeactivatedUserCannotSignInUntilReactivated() {
		long id = create("sato", "CLERK", "OPERATOR").get("id").asLong();
		String temporary = admin.post("/api/users/" + id + "/password-reset")
			.json()
			.get("temporaryPassword")
			.asString();
		new ApiClient(port, "sato", temporary).postJson("/api/me/password", changeBody(temporary, STRONG));
		ApiClient sato = new ApiClient(port, "sato", STRONG);
		assertThat(sato.get("/api/rosters").status()).isEqualTo(200); // now remembered

		Response off = admin.patchJson("/api/users/" + id, "{\"active\":false}");
		assertThat(off.status()).as(off.text()).isEqualTo(200);
		assertThat(off.json().get("active").asBoolean()).isFalse();
		assertThat(sato.get("/api/rosters").status()).isEqualTo(401);
		assertThat(audited("USER_DEACTIVATED", "user", id)).containsExactly("admin");

		assertThat(admin.patchJson("/api/users/" + id, "{\"active\":true}").status()).isEqualTo(200);
		assertThat(sato.get("/api/rosters").status()).isEqualTo(200);
		assertThat(audited("USER_REACTIVATED", "user", id)).containsExactly("admin");
	}

	@Test
	void rolesAndDisplayNameChangeAndTheSignInFollows() {
		long id = create("ito", "CLERK").get("id").asLong();
		String temporary = admin.post("/api/users/" + id + "/password-reset")
			.json()
			.get("temporaryPassword")
			.asString();
		new ApiClient(port, "ito", temporary).postJson("/api/me/password", changeBody(temporary, STRONG));
		ApiClient ito = new ApiClient(port, "ito", STRONG);
		assertThat(ito.get("/api/rosters").status()).isEqualTo(200);

		Response changed = admin.patchJson("/api/users/" + id,
				"{\"roles\":[\"RECORDS_OFFICER\"],\"displayName\":\"伊藤 二郎\",\"staffId\":\"staff-9\"}");
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		assertThat(changed.json().get("roles").get(0).asString()).isEqualTo("RECORDS_OFFICER");
		assertThat(changed.json().get("displayName").asString()).isEqualTo("伊藤 二郎");
		assertThat(changed.json().get("staffId").asString()).isEqualTo("staff-9");
		assertThat(ito.get("/api/rosters").status()).isEqualTo(403);
		assertThat(audited("USER_CHANGED", "user.roles", id)).containsExactly("admin");
		assertThat(audited("USER_CHANGED", "user.displayName", id)).containsExactly("admin");
		assertThat(audited("USER_CHANGED", "user.staffId", id)).containsExactly("admin");
		// the staff id is unique in the municipality
		Response taken = admin.postJson("/api/users",
				"{\"username\":\"ito2\",\"displayName\":\"伊藤\",\"roles\":[\"CLERK\"],\"staffId\":\"staff-9\"}");
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.json().get("code").asString()).isEqualTo("STAFF_ID_TAKEN");
	}

	@Test
	void anAdministratorCannotLockThemselvesOut() {
		long self = adminId();
		Response deactivate = admin.patchJson("/api/users/" + self, "{\"active\":false}");
		assertThat(deactivate.status()).isEqualTo(409);
		assertThat(deactivate.json().get("code").asString()).isEqualTo("CANNOT_DEACTIVATE_SELF");
		Response demote = admin.patchJson("/api/users/" + self, "{\"roles\":[\"CLERK\"],\"displayName\":\"別名\"}");
		assertThat(demote.status()).isEqualTo(409);
		assertThat(demote.json().get("code").asString()).isEqualTo("CANNOT_REMOVE_OWN_ADMIN");
		// nothing of the refused change was written or audited
		assertThat(user(self).get("displayName").asString()).isEqualTo("管理 三郎");
		assertThat(audited("USER_CHANGED", "user.displayName", self)).isEmpty();
		assertThat(admin.get("/api/users").status()).isEqualTo(200);
	}

	private long adminId() {
		for (JsonNode u : admin.get("/api/users").json()) {
			if (u.get("username").asString().equals("admin")) {
				return u.get("id").asLong();
			}
		}
		throw new AssertionError("no admin");
	}

	@Test
	void invalidRequestsAreRefusedWithTheirCode() {
		create("taken.name", "CLERK");
		Map<String, String> cases = new LinkedHashMap<>();
		cases.put("{\"username\":\"Upper\",\"displayName\":\"x\",\"roles\":[\"CLERK\"]}", "422 USERNAME_INVALID");
		cases.put("{\"username\":\"ab\",\"displayName\":\"x\",\"roles\":[\"CLERK\"]}", "422 USERNAME_INVALID");
		cases.put("{\"username\":\"" + "a".repeat(TenantLimits.USERNAME_MAX + 1)
				+ "\",\"displayName\":\"x\",\"roles\":[\"CLERK\"]}", "422 USERNAME_INVALID");
		cases.put("{\"displayName\":\"x\",\"roles\":[\"CLERK\"]}", "422 USERNAME_INVALID");
		cases.put("{\"username\":\"taken.name\",\"displayName\":\"x\",\"roles\":[\"CLERK\"]}", "409 USERNAME_TAKEN");
		cases.put("{\"username\":\"admin\",\"displayName\":\"x\",\"roles\":[\"CLERK\"]}", "409 USERNAME_TAKEN");
		cases.put("{\"username\":\"nameless\",\"displayName\":\" \",\"roles\":[\"CLERK\"]}",
				"422 DISPLAY_NAME_INVALID");
		cases.put("{\"username\":\"longname\",\"displayName\":\"" + "長".repeat(TenantLimits.DISPLAY_NAME_MAX + 1)
				+ "\",\"roles\":[\"CLERK\"]}", "422 DISPLAY_NAME_INVALID");
		cases.put("{\"username\":\"noroles\",\"displayName\":\"x\",\"roles\":[]}", "422 ROLES_REQUIRED");
		cases.put("{\"username\":\"noroles\",\"displayName\":\"x\"}", "422 ROLES_REQUIRED");
		cases.put("{\"username\":\"machine\",\"displayName\":\"x\",\"roles\":[\"WORKSTATION\"]}", "422 ROLE_INVALID");
		cases.put("{\"username\":\"bogus\",\"displayName\":\"x\",\"roles\":[\"BOGUS\"]}", "422 ROLE_INVALID");
		cases.put("{\"username\":\"longstaff\",\"displayName\":\"x\",\"roles\":[\"CLERK\"],\"staffId\":\""
				+ "9".repeat(TenantLimits.STAFF_ID_MAX + 1) + "\"}", "422 STAFF_ID_INVALID");
		cases.forEach((body, expected) -> {
			Response r = admin.postJson("/api/users", body);
			assertThat(r.status() + " " + r.json().get("code").asString()).as(body).isEqualTo(expected);
			assertThat(r.json().get("message").asString()).isNotBlank();
		});
		// a name at the column's width fits
		Response widest = admin.postJson("/api/users",
				"{\"username\":\"" + "w".repeat(TenantLimits.USERNAME_MAX) + "\",\"displayName\":\""
						+ "長".repeat(TenantLimits.DISPLAY_NAME_MAX) + "\",\"roles\":[\"CLERK\"],\"staffId\":\""
						+ "9".repeat(TenantLimits.STAFF_ID_MAX) + "\"}");
		assertThat(widest.status()).as(widest.text()).isEqualTo(201);
		// the list never carries a password or its hash
		String list = admin.get("/api/users").text();
		assertThat(list).doesNotContain("password\"", "passwordHash", "{bcrypt}", "temporaryPassword");
		assertThat(admin.get("/api/users/999999").status()).isEqualTo(404);
	}

	@Test
	void anotherMunicipalitysAdministratorSeesNoneOfTheseUsers() {
		var code = new LocalGovernmentCode("131016");
		var other = tenants.findMunicipality(code)
			.orElseGet(() -> tenants.createMunicipality(code, "千代田区", "千代田区長", "区民課", "03-0000-0000", "平日"));
		if (!tenants.userExists("chiyoda-admin")) {
			tenants.createUser(other.id(), "chiyoda-admin", STRONG, "千代田 管理者", EnumSet.of(Role.ADMIN));
		}
		ApiClient otherAdmin = new ApiClient(port, "chiyoda-admin", STRONG);
		long id = create("takahashi", "CLERK").get("id").asLong();
		assertThat(otherAdmin.get("/api/users/" + id).status()).isEqualTo(404);
		assertThat(otherAdmin.patchJson("/api/users/" + id, "{\"active\":false}").status()).isEqualTo(404);
		assertThat(otherAdmin.post("/api/users/" + id + "/password-reset").status()).isEqualTo(404);
		assertThat(otherAdmin.get("/api/users").text()).doesNotContain("takahashi", "\"admin\"");
		assertThat(user(id).get("active").asBoolean()).isTrue();
		assertThat(otherAdmin.get("/api/municipality").json().get("code").asString()).isEqualTo("131016");
	}

	@Test
	void onlyAnAdministratorManagesUsersAndSettings() {
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		assertThat(clerk.get("/api/users").status()).isEqualTo(403);
		assertThat(clerk.postJson("/api/users", "{\"username\":\"sneaky\",\"displayName\":\"x\",\"roles\":[\"ADMIN\"]}")
			.status()).isEqualTo(403);
		assertThat(clerk.patchJson("/api/users/1", "{\"roles\":[\"ADMIN\"]}").status()).isEqualTo(403);
		assertThat(clerk.post("/api/users/1/password-reset").status()).isEqualTo(403);
		assertThat(clerk.get("/api/municipality").status()).isEqualTo(403);
		assertThat(clerk.putJson("/api/municipality", "{\"name\":\"x\",\"mayorTitle\":\"x\"}").status()).isEqualTo(403);
		assertThat(new ApiClient(port, "operator", "demo").get("/api/users").status()).isEqualTo(403);
		assertThat(new ApiClient(port, "nobody", "demo").get("/api/users").status()).isEqualTo(401);
		assertThat(tenants.userExists("sneaky")).isFalse();
	}

	@Test
	void createUserHoldsCallersToThePolicyButTheDemoUsersKeepTheirDocumentedPassword() {
		var demo = tenants.findMunicipality(new LocalGovernmentCode("332097")).orElseThrow();
		assertThatThrownBy(() -> tenants.createUser(demo.id(), "weakling", "demo", "弱い パスワード", EnumSet.of(Role.CLERK)))
			.isInstanceOf(ClientError.class)
			.hasMessage("WEAK_PASSWORD");
		assertThat(tenants.userExists("weakling")).isFalse();
		assertThat(new ApiClient(port, "clerk", "demo").get("/api/rosters").status()).isEqualTo(200);
	}

	@Test
	void municipalitySettingsChangeAndTheNextFormPrintsThem() throws Exception {
		Response before = admin.get("/api/municipality");
		assertThat(before.status()).isEqualTo(200);
		assertThat(before.json().get("code").asString()).isEqualTo("332097");

		Response saved = admin.putJson("/api/municipality", """
				{"name":"高梁市（デモ）","mayorTitle":"高梁市長","department":"市民課 窓口係","phone":"0866-99-1234",
				 "officeHours":"平日 9:00～16:00"}""");
		assertThat(saved.status()).as(saved.text()).isEqualTo(200);
		assertThat(admin.get("/api/municipality").json().get("phone").asString()).isEqualTo("0866-99-1234");
		long municipalityId = tenants.findMunicipality(new LocalGovernmentCode("332097")).orElseThrow().id();
		assertThat(audited("CHANGE", "municipality.phone", municipalityId)).containsExactly("admin");
		assertThat(audited("CHANGE", "municipality.name", municipalityId)).isEmpty();

		Map<String, String> refused = Map.of("{\"name\":\"\",\"mayorTitle\":\"x\"}",
				"422 MUNICIPALITY_FIELD_REQUIRED name",
				"{\"name\":\"x\",\"mayorTitle\":\"x\",\"phone\":\"" + "0".repeat(TenantLimits.PHONE_MAX + 1) + "\"}",
				"422 MUNICIPALITY_FIELD_INVALID phone",
				"{\"name\":\"x\",\"mayorTitle\":\"x\",\"officeHours\":\"平日\\n土曜\"}",
				"422 MUNICIPALITY_FIELD_INVALID officeHours",
				"{\"code\":\"131016\",\"name\":\"x\",\"mayorTitle\":\"x\"}", "422 MUNICIPALITY_CODE_READ_ONLY code");
		refused.forEach((body, expected) -> {
			Response r = admin.putJson("/api/municipality", body);
			assertThat(r.status() + " " + r.json().get("code").asString() + " " + r.json().get("field").asString())
				.as(body)
				.isEqualTo(expected);
		});
		assertThat(admin.get("/api/municipality").json().get("department").asString()).isEqualTo("市民課 窓口係");

		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		Response roster = clerk.upload("settings.csv",
				Rosters.csv(List.of(Rosters.row("設定　確認", "セッテイ　カクニン", "昭和20年1月2日", "出張申請受付", "本人"))), false);
		assertThat(roster.status()).as(roster.text()).isEqualTo(201);
		long caseId = clerk.get("/api/rosters/" + roster.json().get("id").asLong() + "/cases")
			.json()
			.get(0)
			.get("id")
			.asLong();
		assertThat(pdfText(clerk.post("/api/cases/" + caseId + "/documents?form=consent"))).contains("0866-99-1234")
			.contains("平日 9:00～16:00");

		assertThat(admin.putJson("/api/municipality", """
				{"name":"高梁市（デモ）","mayorTitle":"高梁市長","department":"市民課","phone":"0866-11-2222","officeHours":"平日"}""")
			.status()).isEqualTo(200);
		assertThat(pdfText(clerk.post("/api/cases/" + caseId + "/documents?form=consent"))).contains("0866-11-2222")
			.doesNotContain("0866-99-1234");
	}

	private static String pdfText(Response pdf) throws IOException, InterruptedException {
		assertThat(pdf.status()).isEqualTo(200);
		Path file = Files.createTempFile(dataDir, "consent", ".pdf");
		Files.write(file, pdf.body());
		List<String> command = new ArrayList<>(List.of("pdftotext", "-raw", "-enc", "UTF-8", file.toString(), "-"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(text).isZero();
		return text;
	}

}
