-- Integration's landing store for person records: every accepted row as received, every
-- rejected row set aside with its reasons, and a change feed for the components downstream.
CREATE TABLE integration_import_batch (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    format TEXT NOT NULL,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running', 'completed')),
    started_at TEXT NOT NULL,
    completed_at TEXT,
    lines_done INTEGER NOT NULL DEFAULT 1,
    rows_accepted INTEGER NOT NULL DEFAULT 0,
    rows_rejected INTEGER NOT NULL DEFAULT 0,
    rows_created INTEGER NOT NULL DEFAULT 0,
    rows_updated INTEGER NOT NULL DEFAULT 0,
    rows_unchanged INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX integration_import_batch_sha ON integration_import_batch (file_sha256);

CREATE TABLE integration_person_record (
    source TEXT NOT NULL,
    record_id TEXT NOT NULL,
    nhs_number TEXT,
    upn TEXT,
    nino TEXT,
    pnc_id TEXT,
    given_name TEXT,
    middle_names TEXT,
    family_name TEXT,
    sex TEXT,
    date_of_birth TEXT,
    postcode TEXT,
    address TEXT,
    phone TEXT,
    email TEXT,
    recorded_on TEXT,
    row_hash TEXT NOT NULL,
    version INTEGER NOT NULL,
    batch_id INTEGER NOT NULL REFERENCES integration_import_batch (id),
    received_at TEXT NOT NULL,
    PRIMARY KEY (source, record_id)
);

CREATE TABLE integration_rejected_row (
    batch_id INTEGER NOT NULL REFERENCES integration_import_batch (id),
    line INTEGER NOT NULL,
    errors TEXT NOT NULL,
    raw TEXT NOT NULL,
    PRIMARY KEY (batch_id, line)
);

CREATE TABLE integration_change (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL,
    record_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('created', 'updated')),
    version INTEGER NOT NULL,
    batch_id INTEGER NOT NULL REFERENCES integration_import_batch (id)
);
