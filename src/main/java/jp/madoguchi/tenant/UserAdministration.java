package jp.madoguchi.tenant;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.errors.ClientError;

/**
 * An administrator's users, scoped to their municipality (another municipality's user is
 * "not found"): create with a one-time temporary password, change roles, display name and
 * staff id, deactivate and reactivate (never delete: the audit log refers to users),
 * reset a password; and every user's own password change. Every change is audited and
 * makes the user's remembered sign-ins forgotten.
 */
@Service
class UserAdministration {

	/** The roles a person may hold; WORKSTATION is a counter PC's key, not a person. */
	static final Set<Role> PERSON_ROLES = EnumSet.of(Role.CLERK, Role.RECORDS_OFFICER, Role.OPERATOR, Role.ADMIN,
			Role.SUPERVISOR);

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final RecentSignIns signIns;

	private final AuditLog audit;

	UserAdministration(JdbcClient jdbc, PasswordEncoder passwords, PasswordPolicy policy, RecentSignIns signIns,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.policy = policy;
		this.signIns = signIns;
		this.audit = audit;
	}

	List<UserRecord> list(StaffUser admin) {
		return jdbc.sql(SELECT + " WHERE municipality_id = ? ORDER BY username")
			.param(admin.municipalityId())
			.query((rs, n) -> new UserRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
					List.copyOf(Tenants.parseRoles(rs.getString(4))), rs.getString(5), rs.getBoolean(6),
					rs.getBoolean(7)))
			.list();
	}

	UserRecord get(StaffUser admin, long id) {
		return find(admin.municipalityId(), id).orElseThrow(ClientError::notFound);
	}

	@Transactional
	CreatedUser create(StaffUser admin, NewUser request) {
		String username = username(request.username());
		String displayName = displayName(request.displayName());
		Set<Role> roles = roles(request.roles());
		String staffId = staffId(request.staffId());
		if (usernameTaken(username)) {
			throw ClientError.conflict("USERNAME_TAKEN").field("username");
		}
		if (staffId != null && staffIdTaken(admin.municipalityId(), staffId, 0)) {
			throw ClientError.conflict("STAFF_ID_TAKEN").field("staffId");
		}
		String temporary = policy.temporaryPassword(username);
		var key = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					INSERT INTO app_user (municipality_id, username, password_hash, display_name, roles, enabled,
					                      must_change_password, staff_id)
					VALUES (?, ?, ?, ?, ?, TRUE, TRUE, ?)""")
				.params(admin.municipalityId(), username, passwords.encode(temporary), displayName,
						Tenants.rolesColumn(roles), staffId)
				.update(key, "id");
		}
		catch (DuplicateKeyException raced) {
			throw ClientError.conflict(usernameTaken(username) ? "USERNAME_TAKEN" : "STAFF_ID_TAKEN");
		}
		long id = key.getKey().longValue();
		audit.record(admin.municipalityId(), admin.getUsername(), AuditAction.USER_CREATED, "user", Long.toString(id));
		return new CreatedUser(id, username, temporary);
	}

	/**
	 * Applies the fields that are present. An administrator can neither deactivate
	 * themselves nor drop their own ADMIN role: the municipality would be left without
	 * anyone to undo it.
	 */
	@Transactional
	UserRecord update(StaffUser admin, long id, UserChanges changes) {
		UserRecord user = get(admin, id);
		boolean self = user.id() == admin.id();
		// Everything is checked before anything is written: the audit entries are written
		// in transactions of their own and must not name a change that was refused.
		String displayName = changes.displayName() == null ? user.displayName() : displayName(changes.displayName());
		Set<Role> roles = changes.roles() == null ? Set.copyOf(user.roles()) : roles(changes.roles());
		String staffId = changes.staffId() == null ? user.staffId() : staffId(changes.staffId());
		boolean active = changes.active() == null ? user.active() : changes.active();
		if (self && !roles.contains(Role.ADMIN)) {
			throw ClientError.conflict("CANNOT_REMOVE_OWN_ADMIN").field("roles");
		}
		if (self && !active) {
			throw ClientError.conflict("CANNOT_DEACTIVATE_SELF").field("active");
		}
		boolean staffIdChanged = !Objects.equals(staffId, user.staffId());
		if (staffIdChanged && staffId != null && staffIdTaken(admin.municipalityId(), staffId, id)) {
			throw ClientError.conflict("STAFF_ID_TAKEN").field("staffId");
		}
		String target = Long.toString(id);
		boolean changed = false;
		if (!displayName.equals(user.displayName())) {
			jdbc.sql("UPDATE app_user SET display_name = ? WHERE id = ?").params(displayName, id).update();
			audit.record(admin.municipalityId(), admin.getUsername(), AuditAction.USER_CHANGED, "user.displayName",
					target);
			changed = true;
		}
		if (!roles.equals(Set.copyOf(user.roles()))) {
			jdbc.sql("UPDATE app_user SET roles = ? WHERE id = ?").params(Tenants.rolesColumn(roles), id).update();
			audit.record(admin.municipalityId(), admin.getUsername(), AuditAction.USER_CHANGED, "user.roles", target);
			changed = true;
		}
		if (staffIdChanged) {
			try {
				jdbc.sql("UPDATE app_user SET staff_id = ? WHERE id = ?").params(staffId, id).update();
			}
			catch (DuplicateKeyException raced) {
				throw ClientError.conflict("STAFF_ID_TAKEN").field("staffId");
			}
			audit.record(admin.municipalityId(), admin.getUsername(), AuditAction.USER_CHANGED, "user.staffId", target);
			changed = true;
		}
		if (active != user.active()) {
			jdbc.sql("UPDATE app_user SET enabled = ? WHERE id = ?").params(active, id).update();
			audit.record(admin.municipalityId(), admin.getUsername(),
					active ? AuditAction.USER_REACTIVATED : AuditAction.USER_DEACTIVATED, "user", target);
			changed = true;
		}
		if (changed) {
			signIns.forget(user.username());
		}
		return get(admin, id);
	}

	/**
	 * A new temporary password, shown once; the user must choose their own at the next
	 * sign-in.
	 */
	@Transactional
	TemporaryPassword resetPassword(StaffUser admin, long id) {
		UserRecord user = get(admin, id);
		String temporary = policy.temporaryPassword(user.username());
		jdbc.sql("UPDATE app_user SET password_hash = ?, must_change_password = TRUE WHERE id = ?")
			.params(passwords.encode(temporary), id)
			.update();
		audit.record(admin.municipalityId(), admin.getUsername(), AuditAction.PASSWORD_RESET, "user",
				Long.toString(id));
		signIns.forget(user.username());
		return new TemporaryPassword(temporary);
	}

	/** The signed-in user's own new password, held to the policy. */
	@Transactional
	void changeOwnPassword(StaffUser user, String currentPassword, String newPassword) {
		String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE id = ? AND municipality_id = ?")
			.params(user.id(), user.municipalityId())
			.query(String.class)
			.optional()
			.orElseThrow(ClientError::forbidden);
		if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
			throw ClientError.unprocessable("CURRENT_PASSWORD_WRONG").field("currentPassword");
		}
		if (Objects.equals(currentPassword, newPassword)) {
			throw ClientError.unprocessable("PASSWORD_UNCHANGED").field("newPassword");
		}
		policy.check(user.getUsername(), newPassword);
		jdbc.sql("UPDATE app_user SET password_hash = ?, must_change_password = FALSE WHERE id = ?")
			.params(passwords.encode(newPassword), user.id())
			.update();
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.PASSWORD_CHANGED, "user",
				Long.toString(user.id()));
		signIns.forget(user.getUsername());
	}

	private static final String SELECT = """
			SELECT id, username, display_name, roles, staff_id, enabled, must_change_password FROM app_user""";

	private Optional<UserRecord> find(long municipalityId, long id) {
		return jdbc.sql(SELECT + " WHERE id = ? AND municipality_id = ?")
			.params(id, municipalityId)
			.query((rs, n) -> new UserRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
					List.copyOf(Tenants.parseRoles(rs.getString(4))), rs.getString(5), rs.getBoolean(6),
					rs.getBoolean(7)))
			.optional();
	}

	private boolean usernameTaken(String username) {
		return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?")
			.param(username)
			.query(Long.class)
			.single() > 0;
	}

	private boolean staffIdTaken(long municipalityId, String staffId, long exceptId) {
		return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE municipality_id = ? AND staff_id = ? AND id <> ?")
			.params(municipalityId, staffId, exceptId)
			.query(Long.class)
			.single() > 0;
	}

	static String username(String value) {
		String v = value == null ? "" : value.strip();
		if (!v.matches(TenantLimits.USERNAME_PATTERN)) {
			throw ClientError.unprocessable("USERNAME_INVALID", TenantLimits.USERNAME_MIN, TenantLimits.USERNAME_MAX)
				.field("username");
		}
		return v;
	}

	static String displayName(String value) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty() || v.length() > TenantLimits.DISPLAY_NAME_MAX || hasControl(v)) {
			throw ClientError.unprocessable("DISPLAY_NAME_INVALID", TenantLimits.DISPLAY_NAME_MAX).field("displayName");
		}
		return v;
	}

	/** Empty means none. */
	static String staffId(String value) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty()) {
			return null;
		}
		if (v.length() > TenantLimits.STAFF_ID_MAX || hasControl(v)) {
			throw ClientError.unprocessable("STAFF_ID_INVALID", TenantLimits.STAFF_ID_MAX).field("staffId");
		}
		return v;
	}

	static Set<Role> roles(List<String> values) {
		if (values == null || values.isEmpty()) {
			throw ClientError.unprocessable("ROLES_REQUIRED").field("roles");
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String value : values) {
			Role role = PERSON_ROLES.stream()
				.filter(r -> r.name().equals(value))
				.findFirst()
				.orElseThrow(() -> ClientError.unprocessable("ROLE_INVALID").field("roles"));
			roles.add(role);
		}
		return roles;
	}

	static boolean hasControl(String value) {
		return value.chars().anyMatch(Character::isISOControl);
	}

	/** A user as the administration shows it: never a password or its hash. */
	record UserRecord(long id, String username, String displayName, List<Role> roles, String staffId, boolean active,
			boolean mustChangePassword) {

		public boolean hasRole(Role role) {
			return roles.contains(role);
		}

	}

	/** {@code POST /api/users}: roles from CLERK, RECORDS_OFFICER, OPERATOR, ADMIN. */
	record NewUser(String username, String displayName, List<String> roles, String staffId) {
	}

	/** The temporary password is shown this once. */
	record CreatedUser(long id, String username, String temporaryPassword) {
	}

	/**
	 * {@code PATCH /api/users/{id}}: absent fields stay; {@code "staffId": ""} removes
	 * the staff id.
	 */
	record UserChanges(Boolean active, List<String> roles, String displayName, String staffId) {
	}

	record TemporaryPassword(String temporaryPassword) {
	}

}
