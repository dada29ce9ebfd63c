-- Retention classes an ADMIN has set for the municipality; a record type without a row keeps the service's default
-- (records module, RetentionClasses).
CREATE TABLE retention_class (
    municipality_id BIGINT       NOT NULL REFERENCES municipality (id),
    record_type     VARCHAR(30)  NOT NULL,
    years           INT          NOT NULL,
    from_event      VARCHAR(20)  NOT NULL,
    changed_by      VARCHAR(100) NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT retention_class_once PRIMARY KEY (municipality_id, record_type)
);
