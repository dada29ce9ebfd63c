-- Runs unchanged on the embedded H2 database and on PostgreSQL.
-- Duplicate flagging asks, per person of a batch, "is there any case?" and "is there a case not yet flagged?": both
-- are answered by this index at its first entry, however many earlier copies of the person exist, and flagging
-- updates only the cases not yet flagged. person_key first: H2 answers look-ups by person with it. It replaces the
-- index on (person_key, municipality_id), of which it is an extension.
CREATE INDEX applicant_case_person_flag ON applicant_case (person_key, municipality_id, possible_duplicate);
DROP INDEX applicant_case_person;
