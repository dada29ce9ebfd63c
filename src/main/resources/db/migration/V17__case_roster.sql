-- Cases keep their own word of which rosters are complete, so that no query of the cases
-- module reads the roster module's table (a module owns its tables). The roster module tells
-- cases through CaseRegistry's writer, in the transaction that completes the roster.
CREATE TABLE case_roster (
    roster_id BIGINT PRIMARY KEY,
    municipality_id BIGINT NOT NULL,
    complete BOOLEAN NOT NULL
);

INSERT INTO case_roster (roster_id, municipality_id, complete)
SELECT id, municipality_id, CASE WHEN state = 'COMPLETE' THEN TRUE ELSE FALSE END FROM roster;
