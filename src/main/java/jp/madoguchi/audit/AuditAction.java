package jp.madoguchi.audit;

public enum AuditAction {

	VIEW, SEARCH, DOWNLOAD, IMPORT,
	/**
	 * A setting that changes what the service prints or does, e.g. which template version
	 * is in use.
	 */
	CHANGE,
	/**
	 * User administration (target type {@code user}, or {@code user.roles},
	 * {@code user.displayName}, {@code user.staffId} for the field that changed; target
	 * id: the user's id; never a password or a name).
	 */
	USER_CREATED, USER_CHANGED, USER_DEACTIVATED, USER_REACTIVATED, PASSWORD_RESET, PASSWORD_CHANGED

}
