-- Identity Manager, version 1: the person index. Source records as received (every version kept,
-- never altered or deleted), persons with stable ids, the link of each record to its person, an
-- append-only history, review tasks, cannot-link pairs and the linkage models used (versioned).
-- Same shape as the PostgreSQL file; times are Unix microseconds, probabilities REAL.

CREATE TABLE idm_record_version (
    source TEXT NOT NULL,
    record_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    document TEXT NOT NULL,
    received_us BIGINT NOT NULL,
    PRIMARY KEY (source, record_id, version)
);

CREATE TABLE idm_person (
    person_id TEXT PRIMARY KEY,
    created_us BIGINT NOT NULL,
    merged_into TEXT
);

CREATE TABLE idm_record (
    source TEXT NOT NULL,
    record_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    person_id TEXT NOT NULL REFERENCES idm_person (person_id),
    link_method TEXT NOT NULL,
    link_score REAL,
    link_model TEXT,
    link_by TEXT,
    link_us BIGINT NOT NULL,
    link_order BIGINT NOT NULL,
    PRIMARY KEY (source, record_id)
);
CREATE INDEX idm_record_person ON idm_record (person_id);

CREATE TABLE idm_history (
    seq BIGINT PRIMARY KEY,
    kind TEXT NOT NULL,
    person_id TEXT NOT NULL,
    other_person_id TEXT,
    source TEXT,
    record_id TEXT,
    actor TEXT NOT NULL,
    reason TEXT,
    at_us BIGINT NOT NULL,
    undoes BIGINT,
    detail TEXT
);
CREATE INDEX idm_history_person ON idm_history (person_id, seq);
CREATE INDEX idm_history_other ON idm_history (other_person_id, seq);
CREATE INDEX idm_history_undoes ON idm_history (undoes);

CREATE TABLE idm_review (
    id BIGINT PRIMARY KEY,
    source TEXT NOT NULL,
    record_id TEXT NOT NULL,
    candidate_source TEXT NOT NULL,
    candidate_record_id TEXT NOT NULL,
    probability REAL NOT NULL,
    explanation TEXT NOT NULL,
    opened_us BIGINT NOT NULL,
    status TEXT NOT NULL,
    decision TEXT,
    decided_by TEXT,
    decided_us BIGINT,
    reason TEXT
);
CREATE INDEX idm_review_status ON idm_review (status, id);

CREATE TABLE idm_cannot_link (
    a_source TEXT NOT NULL,
    a_record_id TEXT NOT NULL,
    b_source TEXT NOT NULL,
    b_record_id TEXT NOT NULL,
    hard INTEGER NOT NULL,
    actor TEXT NOT NULL,
    reason TEXT,
    at_us BIGINT NOT NULL,
    PRIMARY KEY (a_source, a_record_id, b_source, b_record_id)
);

CREATE TABLE idm_model (
    version INTEGER PRIMARY KEY,
    origin TEXT NOT NULL,
    record_count BIGINT NOT NULL,
    model TEXT NOT NULL,
    created_us BIGINT NOT NULL
);
