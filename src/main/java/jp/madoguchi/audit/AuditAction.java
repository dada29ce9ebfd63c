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
	UNLOCK,
	/**
	 * User administration (target type {@code user}, or {@code user.roles},
	 * {@code user.displayName}, {@code user.staffId} for the field that changed; target
	 * id: the user's id; never a password or a name).
	 */
	USER_CREATED, USER_CHANGED, USER_DEACTIVATED, USER_REACTIVATED, PASSWORD_RESET, PASSWORD_CHANGED,
	/**
	 * A step recorded on a case, or a registration confirmed by the second staff (target
	 * type {@code case.step}, target id {@code <case id>/<step>}).
	 */
	STEP_RECORDED, STEP_CONFIRMED,
	/**
	 * A reconciliation run started (target: the day), and a finding acknowledged,
	 * resolved or reopened (target: the finding's id).
	 */
	RECONCILIATION_RUN, FINDING_UPDATED,
	/**
	 * A legal hold placed or released (target type {@code legal.hold}, id: the hold's).
	 */
	HOLD_PLACED, HOLD_RELEASED,
	/** A fixity check run (target id: files checked / files altered or missing). */
	FIXITY_CHECKED,
	/**
	 * A disposal proposed, approved, and carried out (target type {@code disposal}, id:
	 * the disposal's; carried out: records disposed / records kept for a hold placed
	 * after the proposal).
	 */
	DISPOSAL_PROPOSED, DISPOSAL_APPROVED, DISPOSAL_COMPLETED

}
