-- Record Locator, version 2: how far the Locator has followed the Identity Manager's change feed (merges,
-- unmerges, links, unlinks), so that involvements move to the person their identifier now belongs to.
CREATE TABLE loc_identity_cursor (
    name TEXT PRIMARY KEY,
    seq BIGINT NOT NULL
);
CREATE INDEX loc_involvement_person ON loc_involvement (person_id);
