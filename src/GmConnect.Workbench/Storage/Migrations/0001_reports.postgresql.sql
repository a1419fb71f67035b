-- Workbench reports, version 1 (postgresql): a report, its immutable versions (every save is a new one), the owner's
-- working draft, and whom it is shared with. Blocks are JSON (chart: measure, view, filters, title; text: Markdown),
-- each with an id that stays the same across versions. Times are Unix microseconds.

CREATE TABLE wb_report (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL,
    created_us BIGINT NOT NULL,
    latest_version INTEGER NOT NULL
);
CREATE INDEX wb_report_owner ON wb_report (owner_id);

CREATE TABLE wb_report_version (
    report_id TEXT NOT NULL REFERENCES wb_report (id),
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    blocks TEXT NOT NULL,
    data_version TEXT NOT NULL,
    saved_by TEXT NOT NULL,
    saved_us BIGINT NOT NULL,
    note TEXT,
    restored_from INTEGER,
    PRIMARY KEY (report_id, number)
);

CREATE TABLE wb_report_draft (
    report_id TEXT PRIMARY KEY REFERENCES wb_report (id),
    title TEXT NOT NULL,
    blocks TEXT NOT NULL,
    updated_us BIGINT NOT NULL
);

CREATE TABLE wb_report_share (
    report_id TEXT NOT NULL REFERENCES wb_report (id),
    share_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    practitioner_id TEXT,
    organisation_id TEXT,
    role TEXT,
    granted_by TEXT NOT NULL,
    granted_us BIGINT NOT NULL,
    PRIMARY KEY (report_id, share_key)
);
CREATE INDEX wb_report_share_practitioner ON wb_report_share (practitioner_id);
CREATE INDEX wb_report_share_organisation ON wb_report_share (organisation_id);
