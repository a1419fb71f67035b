-- Governance, version 1: the audit chain, agreements, directives, break-glass, persons' labels,
-- involvements and the registries. Same shape as the PostgreSQL file; times are Unix microseconds
-- (the precision both databases keep exactly), days are ISO dates as text.

CREATE TABLE gov_audit (
    seq BIGINT PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    recorded_us BIGINT NOT NULL,
    event_type TEXT NOT NULL,
    outcome TEXT NOT NULL,
    practitioner_id TEXT,
    organisation_id TEXT,
    role TEXT,
    purpose TEXT,
    request_id TEXT,
    person_ids TEXT NOT NULL,
    resources TEXT NOT NULL,
    withheld INTEGER NOT NULL,
    break_glass_id TEXT,
    detail TEXT,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX gov_audit_practitioner ON gov_audit (practitioner_id, seq);
CREATE INDEX gov_audit_organisation ON gov_audit (organisation_id, seq);
CREATE INDEX gov_audit_recorded ON gov_audit (recorded_us);

CREATE TABLE gov_audit_person (
    person_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    PRIMARY KEY (person_id, seq)
);

CREATE TABLE gov_agreement (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    document TEXT NOT NULL
);

CREATE TABLE gov_directive (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    category TEXT,
    purpose TEXT,
    recipient_id TEXT,
    recorded_us BIGINT NOT NULL,
    recorded_by TEXT NOT NULL,
    withdrawn_us BIGINT
);
CREATE INDEX gov_directive_person ON gov_directive (person_id);

CREATE TABLE gov_break_glass (
    id TEXT PRIMARY KEY,
    practitioner_id TEXT NOT NULL,
    organisation_id TEXT NOT NULL,
    role TEXT NOT NULL,
    purpose TEXT NOT NULL,
    person_id TEXT NOT NULL,
    justification TEXT NOT NULL,
    reason TEXT NOT NULL,
    opened_us BIGINT NOT NULL,
    expires_us BIGINT NOT NULL
);
CREATE INDEX gov_break_glass_person ON gov_break_glass (person_id);
CREATE INDEX gov_break_glass_opened ON gov_break_glass (opened_us);

CREATE TABLE gov_person_label (
    person_id TEXT PRIMARY KEY,
    labels INTEGER NOT NULL
);

CREATE TABLE gov_involvement (
    person_id TEXT NOT NULL,
    organisation_id TEXT NOT NULL,
    from_day TEXT NOT NULL,
    to_day TEXT,
    PRIMARY KEY (person_id, organisation_id, from_day)
);

CREATE TABLE gov_registry (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    document TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);
