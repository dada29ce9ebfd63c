package jp.madoguchi.audit;

public enum AuditAction {

	VIEW, SEARCH, DOWNLOAD, IMPORT,
	/**
	 * A setting that changes what the service prints or does, e.g. which template version
	 * is in use.
	 */
	CHANGE,
	/**
	 * A sign-in refused for a wrong password, an unknown username or a disabled user
	 * (target: the username as typed; never the password).
	 */
	SIGN_IN_FAILED,
	/**
	 * A sign-in attempt refused unchecked because its username is throttled after too
	 * many failures.
	 */
	SIGN_IN_THROTTLED,
	/** An administrator lifted a username's sign-in throttle. */
	UNLOCK

}
