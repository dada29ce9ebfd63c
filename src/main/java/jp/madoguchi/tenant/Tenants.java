package jp.madoguchi.tenant;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Municipalities and their users: creation, look-up, and the user source for sign-in. */
@Service
public class Tenants implements UserDetailsService {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	Tenants(JdbcClient jdbc, PasswordEncoder passwords, PasswordPolicy policy) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.policy = policy;
	}

	@Transactional
	public Municipality createMunicipality(LocalGovernmentCode code, String name, String mayorTitle, String department,
			String phone, String officeHours) {
		jdbc.sql("""
				INSERT INTO municipality (code, name, mayor_title, department, phone, office_hours)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(code.value(), name, mayorTitle, department, phone, officeHours)
			.update();
		return findMunicipality(code).orElseThrow();
	}

	public Optional<Municipality> findMunicipality(LocalGovernmentCode code) {
		return jdbc.sql("SELECT * FROM municipality WHERE code = ?")
			.param(code.value())
			.query(Tenants::municipality)
			.optional();
	}

	/** Every municipality, by id (for a batch job run for all of them). */
	public List<Municipality> municipalities() {
		return jdbc.sql("SELECT * FROM municipality ORDER BY id").query(Tenants::municipality).list();
	}

	/**
	 * The municipality of this local government code, or every municipality when it is
	 * null: what a batch job's command line names.
	 * @throws IllegalArgumentException for a code no municipality has
	 */
	public List<Municipality> municipalitiesNamed(String code) {
		if (code == null) {
			return municipalities();
		}
		return List.of(findMunicipality(new LocalGovernmentCode(code))
			.orElseThrow(() -> new IllegalArgumentException("no such municipality")));
	}

	public Optional<Municipality> findMunicipality(long id) {
		return jdbc.sql("SELECT * FROM municipality WHERE id = ?").param(id).query(Tenants::municipality).optional();
	}

	/**
	 * Creates a user with a hashed password that the caller chose (the bootstrap admin,
	 * tests); a username is unique across all municipalities. The password policy
	 * applies: a weak one is refused with 422 {@code WEAK_PASSWORD}. Administrators
	 * create users through the user administration, which issues a temporary password
	 * instead.
	 */
	@Transactional
	public void createUser(long municipalityId, String username, String rawPassword, String displayName,
			Set<Role> roles) {
		policy.check(username, rawPassword);
		insertUser(municipalityId, username, rawPassword, displayName, roles);
	}

	/**
	 * Demo data only (profile {@code demo}): the documented users with the password
	 * {@code demo}, outside the password policy and without a forced change.
	 */
	void createDemoUser(long municipalityId, String username, String rawPassword, String displayName, Set<Role> roles) {
		insertUser(municipalityId, username, rawPassword, displayName, roles);
	}

	private void insertUser(long municipalityId, String username, String rawPassword, String displayName,
			Set<Role> roles) {
		jdbc.sql("""
				INSERT INTO app_user (municipality_id, username, password_hash, display_name, roles, enabled)
				VALUES (?, ?, ?, ?, ?, TRUE)""")
			.params(municipalityId, username, passwords.encode(rawPassword), displayName, rolesColumn(roles))
			.update();
	}

	static String rolesColumn(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
	}

	public boolean userExists(String username) {
		return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?")
			.param(username)
			.query(Long.class)
			.single() > 0;
	}

	public long userCount() {
		return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
	}

	public List<UserSummary> usersOf(long municipalityId) {
		return jdbc.sql(
				"SELECT username, display_name, roles, enabled FROM app_user WHERE municipality_id = ? ORDER BY username")
			.param(municipalityId)
			.query((rs, n) -> new UserSummary(rs.getString(1), rs.getString(2), parseRoles(rs.getString(3)),
					rs.getBoolean(4)))
			.list();
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return jdbc.sql("""
				SELECT u.username, u.password_hash, u.enabled, u.display_name, u.roles, m.id, m.name, u.id,
				       u.must_change_password
				FROM app_user u JOIN municipality m ON m.id = u.municipality_id WHERE u.username = ?""")
			.param(username)
			.query((rs, n) -> new StaffUser(rs.getLong(8), rs.getString(1), rs.getString(2), rs.getBoolean(3),
					rs.getBoolean(9), rs.getLong(6), rs.getString(7), rs.getString(4), parseRoles(rs.getString(5))))
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}

	static Set<Role> parseRoles(String csv) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(csv.split(","))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.map(Role::valueOf)
			.forEach(roles::add);
		return roles;
	}

	private static Municipality municipality(ResultSet rs, int n) throws SQLException {
		return new Municipality(rs.getLong("id"), new LocalGovernmentCode(rs.getString("code")), rs.getString("name"),
				rs.getString("mayor_title"), rs.getString("department"), rs.getString("phone"),
				rs.getString("office_hours"));
	}

	public record UserSummary(String username, String displayName, Set<Role> roles, boolean enabled) {
	}

}
