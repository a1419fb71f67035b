-- Workbench discussion (sqlite): comment threads on a report or one block of it, their comments (with the earlier
-- text of an edited comment kept), the resolve/reopen history, and in-app notifications. Times are Unix microseconds.

CREATE TABLE discussion_thread (
    id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL,
    subject TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_us INTEGER NOT NULL,
    resolved INTEGER NOT NULL,
    status_by TEXT,
    status_us INTEGER
);
CREATE INDEX discussion_thread_report ON discussion_thread (report_id, created_us);

CREATE TABLE discussion_comment (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL REFERENCES discussion_thread (id),
    author_id TEXT NOT NULL,
    created_us INTEGER NOT NULL,
    body TEXT NOT NULL,
    edited_us INTEGER
);
CREATE INDEX discussion_comment_thread ON discussion_comment (thread_id, created_us);

CREATE TABLE discussion_comment_edit (
    comment_id TEXT NOT NULL REFERENCES discussion_comment (id),
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    replaced_us INTEGER NOT NULL,
    PRIMARY KEY (comment_id, version)
);

CREATE TABLE discussion_thread_event (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL REFERENCES discussion_thread (id),
    kind TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    at_us INTEGER NOT NULL
);
CREATE INDEX discussion_thread_event_thread ON discussion_thread_event (thread_id, at_us);

CREATE TABLE discussion_notification (
    id TEXT PRIMARY KEY,
    recipient_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    report_id TEXT NOT NULL,
    subject TEXT NOT NULL,
    thread_id TEXT NOT NULL REFERENCES discussion_thread (id),
    comment_id TEXT,
    actor_id TEXT NOT NULL,
    created_us INTEGER NOT NULL,
    read_us INTEGER
);
CREATE INDEX discussion_notification_recipient ON discussion_notification (recipient_id, created_us);
