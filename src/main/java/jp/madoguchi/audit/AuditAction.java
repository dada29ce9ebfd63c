package jp.madoguchi.audit;

public enum AuditAction {

	VIEW, SEARCH, DOWNLOAD, IMPORT,
	/**
	 * A setting that changes what the service prints or does, e.g. which template version
	 * is in use.
	 */
	CHANGE

}
