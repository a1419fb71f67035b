-- Record Locator, version 1: pointers, the identifiers they were published under, and involvements.
-- A pointer's full shape is a JSON document; the columns are what queries and constraints need.
-- Subjects are stored as the producer gave them ("system|value"), never as person ids: a search
-- resolves the person's identifiers at read time, so merges and unmerges need no data move (ADR 0006).
-- Times are Unix microseconds.

CREATE TABLE loc_pointer (
    id TEXT PRIMARY KEY,
    custodian_id TEXT NOT NULL,
    master_id TEXT,
    type TEXT NOT NULL,
    category TEXT NOT NULL,
    status TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_us BIGINT NOT NULL,
    updated_us BIGINT NOT NULL,
    document TEXT NOT NULL,
    UNIQUE (custodian_id, master_id)
);

CREATE TABLE loc_pointer_subject (
    subject_key TEXT NOT NULL,
    pointer_id TEXT NOT NULL REFERENCES loc_pointer (id) ON DELETE CASCADE,
    PRIMARY KEY (subject_key, pointer_id)
);
CREATE INDEX loc_pointer_subject_pointer ON loc_pointer_subject (pointer_id);

CREATE TABLE loc_involvement (
    id TEXT PRIMARY KEY,
    subject_key TEXT NOT NULL,
    person_id TEXT NOT NULL,
    organisation_id TEXT NOT NULL,
    updated_us BIGINT NOT NULL,
    document TEXT NOT NULL
);
CREATE INDEX loc_involvement_subject ON loc_involvement (subject_key);
