-- Start-up reads every current record in link order (the in-memory index is rebuilt from it): an index on the
-- order lets the database walk records in order instead of sorting them all first.
CREATE INDEX idm_record_order ON idm_record (link_order);
