-- Runs unchanged on the embedded H2 database and on PostgreSQL.
-- The original file name is kept whatever its length (RosterLimits.FILE_NAME only guards against abuse).
ALTER TABLE roster ALTER COLUMN file_name SET DATA TYPE VARCHAR;
