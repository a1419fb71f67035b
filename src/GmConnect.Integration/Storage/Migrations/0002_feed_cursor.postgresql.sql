-- Where each downstream consumer of the change feed has got to: the last integration_change.seq it has
-- handled. Consumers are at-least-once: the cursor moves after the work is done.
CREATE TABLE integration_feed_cursor (
    consumer TEXT PRIMARY KEY,
    seq BIGINT NOT NULL,
    updated_at TEXT NOT NULL
);
