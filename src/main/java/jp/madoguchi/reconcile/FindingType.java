package jp.madoguchi.reconcile;

/**
 * What the reconciliation finds; each with its severity. The Japanese explanation is the
 * message catalogue's {@code RECONCILE_<type>}.
 */
public enum FindingType {

	/** Temporary PIN set, and no LOCKED verify-lock within the allowed hours. */
	TEMP_PIN_NOT_LOCKED(Severity.CRITICAL),
	/**
	 * A lock recorded by a supervisor's override, or a later verify-lock found it not
	 * locked.
	 */
	LOCK_CONTRADICTED_BY_DEVICE(Severity.CRITICAL),
	/** 「顔認証」 recorded before the card confirmed the lock. */
	ANNOTATED_BEFORE_LOCK(Severity.CRITICAL),
	/** Card handed over (or posted) before the card confirmed the lock. */
	HANDED_OVER_BEFORE_LOCK(Severity.CRITICAL),
	/**
	 * Registration recorded with no signed consent (for a proxy, also mandate) on file.
	 */
	REGISTRATION_WITHOUT_CONSENT(Severity.CRITICAL),
	/**
	 * The case's events come from a workstation-day whose log was refused as tampered.
	 */
	DEVICE_LOG_CHAIN_BROKEN(Severity.CRITICAL),
	/** Lock verified, 「顔認証」 not recorded. */
	LOCK_WITHOUT_ANNOTATION(Severity.MAJOR),
	/** A registration by two staff that no second staff confirmed. */
	SINGLE_STAFF_REGISTRATION(Severity.MAJOR),
	/** Device events for a case reference no case knows. */
	UNKNOWN_CARD_EVENT(Severity.MAJOR),
	/**
	 * A step done before one that comes earlier in the workflow, without an exception.
	 */
	STEP_OUT_OF_ORDER(Severity.MAJOR),
	/** The card whose lock was verified is not the card read earlier in the case. */
	CARD_MISMATCH(Severity.MAJOR),
	/** Card handed over, and no leaflet printed for the case. */
	LEAFLET_NOT_RECORDED(Severity.MINOR),
	/** A step done later than the allowed hours after the one before it. */
	STEP_LATE(Severity.MINOR),
	/**
	 * A step a supervisor recorded out of the workflow's order, with a comment: allowed,
	 * and reported so that the section sees every exception.
	 */
	SUPERVISOR_EXCEPTION(Severity.MINOR);

	private final Severity severity;

	FindingType(Severity severity) {
		this.severity = severity;
	}

	public Severity severity() {
		return severity;
	}

}
