-- User administration: a temporary password must be changed at first sign-in; the staff id is the operator id a
-- counter PC records, unique within a municipality (several users may have none). Widths: see tenant/TenantLimits.
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE app_user ADD COLUMN staff_id VARCHAR(50);
ALTER TABLE app_user ADD CONSTRAINT app_user_staff_id UNIQUE (municipality_id, staff_id);
