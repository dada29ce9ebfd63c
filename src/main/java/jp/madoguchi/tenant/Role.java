package jp.madoguchi.tenant;

/** What a user may do. One user may hold several roles. */
public enum Role {

	/** Rosters, cases and forms at the counter. */
	CLERK("窓口担当"),
	/** Signed scans and their search. */
	RECORDS_OFFICER("記録担当"),
	/** Device logs and batch jobs. */
	OPERATOR("運用担当"),
	/** Users, templates and settings. */
	ADMIN("管理者"),
	/**
	 * Held with CLERK by the counter's supervisor (窓口責任者): may record a step out of the
	 * workflow's order, or a lock the card did not confirm, with a comment; both are
	 * reported. Grants no page or endpoint by itself.
	 */
	SUPERVISOR("窓口責任者"),
	/**
	 * Not a person: a counter PC's reader adapter, signed in with its workstation key;
	 * ships its device log only.
	 */
	WORKSTATION("窓口端末");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
