-- Repository, version 1 (PostgreSQL): content items and their immutable versions. Times are Unix
-- microseconds, days ISO dates as text. Same shape as the SQLite file.

CREATE TABLE repo_content (
    id TEXT PRIMARY KEY,
    custodian_id TEXT NOT NULL,
    record_type TEXT NOT NULL,
    category TEXT NOT NULL,
    sensitivity INTEGER NOT NULL,
    person_key TEXT NOT NULL,
    retention_class TEXT NOT NULL,
    retain_until TEXT,
    last_activity TEXT NOT NULL,
    latest_version INTEGER NOT NULL,
    created_us BIGINT NOT NULL,
    hold_reason TEXT,
    hold_by TEXT,
    hold_us BIGINT
);
CREATE INDEX repo_content_person ON repo_content (person_key);
CREATE INDEX repo_content_retain ON repo_content (retain_until);

CREATE TABLE repo_version (
    content_id TEXT NOT NULL REFERENCES repo_content (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    size BIGINT NOT NULL,
    content_type TEXT NOT NULL,
    created_us BIGINT NOT NULL,
    created_by TEXT NOT NULL,
    bytes BYTEA NOT NULL,
    PRIMARY KEY (content_id, version)
);

-- A version, once written, never changes: the store refuses updates (deletion by retention is allowed).
CREATE FUNCTION repo_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'repo_version rows are immutable';
END;
$$;
CREATE TRIGGER repo_version_immutable BEFORE UPDATE ON repo_version
    FOR EACH ROW EXECUTE FUNCTION repo_version_immutable();
