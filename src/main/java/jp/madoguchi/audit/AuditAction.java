package jp.madoguchi.audit;

public enum AuditAction {
    VIEW, SEARCH, DOWNLOAD, IMPORT
}
