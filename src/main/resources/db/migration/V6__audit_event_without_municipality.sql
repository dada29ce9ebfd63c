-- Runs unchanged on the embedded H2 database and on PostgreSQL.
-- A failed sign-in with a username that does not exist belongs to no municipality; it is still audited, with no
-- municipality (such rows are read by the service's operator, never shown to a municipality's administrator).
ALTER TABLE audit_event ALTER COLUMN municipality_id DROP NOT NULL;
