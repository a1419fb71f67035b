-- Notifications, version 1 (sqlite): subscriptions, the outbox of events (written in the same transaction as
-- the change that caused them) and one delivery row per event and matching subscription. Times are Unix microseconds.

CREATE TABLE notif_subscription (
    id TEXT PRIMARY KEY,
    owner_organisation_id TEXT NOT NULL,
    practitioner_id TEXT NOT NULL,
    role TEXT NOT NULL,
    purpose TEXT NOT NULL,
    criteria TEXT NOT NULL,
    person_key TEXT,
    record_types TEXT,
    endpoint TEXT NOT NULL,
    status TEXT NOT NULL,
    created_us INTEGER NOT NULL
);
CREATE INDEX notif_subscription_person ON notif_subscription (person_key);

CREATE TABLE notif_event (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    person_key TEXT NOT NULL,
    pointer_id TEXT NOT NULL,
    record_type TEXT NOT NULL,
    category TEXT NOT NULL,
    custodian_id TEXT NOT NULL,
    sensitivity INTEGER NOT NULL,
    occurred_us INTEGER NOT NULL,
    expanded INTEGER NOT NULL
);
CREATE INDEX notif_event_pending ON notif_event (expanded, occurred_us);

CREATE TABLE notif_delivery (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES notif_event (id),
    subscription_id TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_us INTEGER NOT NULL,
    last_error TEXT,
    updated_us INTEGER NOT NULL,
    UNIQUE (event_id, subscription_id)
);
CREATE INDEX notif_delivery_due ON notif_delivery (status, next_attempt_us);
