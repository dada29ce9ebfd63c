package jp.madoguchi.tenant;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import java.util.Optional;

/** The signed-in user, with the municipality every query of theirs is scoped to. */
public class StaffUser extends User {

	private final long id;

	private final long municipalityId;

	private final String municipalityName;

	private final String displayName;

	private final Set<Role> roles;

	private final String workstation;

	private final Long workstationKeyId;

	private final boolean mustChangePassword;

	StaffUser(long id, String username, String passwordHash, boolean enabled, boolean mustChangePassword,
			long municipalityId, String municipalityName, String displayName, Set<Role> roles) {
		this(id, username, passwordHash, enabled, mustChangePassword, municipalityId, municipalityName, displayName,
				roles, null, null);
	}

	private StaffUser(long id, String username, String passwordHash, boolean enabled, boolean mustChangePassword,
			long municipalityId, String municipalityName, String displayName, Set<Role> roles, String workstation,
			Long workstationKeyId) {
		super(username, passwordHash, enabled, true, true, true, authorities(roles));
		this.id = id;
		this.mustChangePassword = mustChangePassword;
		this.municipalityId = municipalityId;
		this.municipalityName = municipalityName;
		this.displayName = displayName;
		this.roles = Set.copyOf(roles);
		this.workstation = workstation;
		this.workstationKeyId = workstationKeyId;
	}

	/**
	 * A counter PC signed in with its workstation key: it may ship that workstation's
	 * device log, nothing else.
	 */
	static StaffUser workstation(long municipalityId, String municipalityName, String workstation, long keyId) {
		return new StaffUser(0, "workstation:" + workstation, "", true, false, municipalityId, municipalityName,
				workstation, Set.of(Role.WORKSTATION), workstation, keyId);
	}

	/**
	 * The id of the workstation key this sign-in used (workstation_key.id); empty for a
	 * person.
	 */
	public Optional<Long> workstationKeyId() {
		return Optional.ofNullable(workstationKeyId);
	}

	/**
	 * The workstation this sign-in is bound to, for a workstation key; empty for a
	 * person.
	 */
	public Optional<String> boundWorkstation() {
		return Optional.ofNullable(workstation);
	}

	private static Collection<? extends GrantedAuthority> authorities(Set<Role> roles) {
		return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).collect(Collectors.toSet());
	}

	/** The user's id (app_user.id); 0 for a workstation key. */
	public long id() {
		return id;
	}

	/**
	 * True while the user signs in with a temporary password: only the password change is
	 * open to them.
	 */
	public boolean mustChangePassword() {
		return mustChangePassword;
	}

	public long municipalityId() {
		return municipalityId;
	}

	public String municipalityName() {
		return municipalityName;
	}

	public String displayName() {
		return displayName;
	}

	public Set<Role> roles() {
		return roles;
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	@Override
	public boolean equals(Object o) {
		return super.equals(o);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
