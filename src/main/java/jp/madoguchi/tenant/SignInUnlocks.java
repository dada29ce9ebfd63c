package jp.madoguchi.tenant;

import org.springframework.stereotype.Service;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.errors.ClientError;

/**
 * An administrator lifts the sign-in throttle of a user of their own municipality; the
 * unlock is audited (also when the user was not throttled: the administrator meant it).
 */
@Service
class SignInUnlocks {

	private final SignInAccounts accounts;

	private final SignInThrottle throttle;

	private final AuditLog audit;

	SignInUnlocks(SignInAccounts accounts, SignInThrottle throttle, AuditLog audit) {
		this.accounts = accounts;
		this.throttle = throttle;
		this.audit = audit;
	}

	/**
	 * @param userId the user's id as given in the path
	 * @throws ClientError 404 for a malformed id, an unknown user or another
	 * municipality's
	 */
	void unlock(StaffUser admin, String userId) {
		long id;
		try {
			id = Long.parseLong(userId);
		}
		catch (NumberFormatException e) {
			throw ClientError.notFound();
		}
		String username = this.accounts.usernameOf(admin.municipalityId(), id).orElseThrow(ClientError::notFound);
		this.throttle.unlock(username);
		this.audit.record(admin.municipalityId(), admin.getUsername(), AuditAction.UNLOCK, "user", Long.toString(id));
	}

}
