-- The audit log is append-only: no UPDATE or DELETE reaches it (the same rule as PostgreSQL's trigger, V18 there).
CREATE TRIGGER audit_event_no_change BEFORE UPDATE, DELETE ON audit_event
    FOR EACH ROW CALL 'jp.madoguchi.audit.AppendOnlyTrigger';
