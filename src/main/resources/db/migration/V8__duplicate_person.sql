-- Runs unchanged on the embedded H2 database and on PostgreSQL.
-- Possible duplicates are kept per person, not per case: a person (person_key: name, birth date, address) listed here
-- has more than one case in the municipality, and every case of theirs reads as a possible duplicate. Flagging a
-- person costs one narrow row once, however many copies of them exist; no case row is ever rewritten.
CREATE TABLE duplicate_person (
    person_key      CHAR(64) NOT NULL,
    municipality_id BIGINT   NOT NULL REFERENCES municipality (id),
    CONSTRAINT duplicate_person_key PRIMARY KEY (person_key, municipality_id)
);
INSERT INTO duplicate_person (person_key, municipality_id)
SELECT DISTINCT person_key, municipality_id FROM applicant_case WHERE possible_duplicate = TRUE;
ALTER TABLE applicant_case DROP COLUMN possible_duplicate;
