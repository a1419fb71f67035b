-- Record Locator, version 3 (PostgreSQL): loc_pointer_subject loses its foreign key to loc_pointer. PostgreSQL checks
-- it row by row (one SELECT … FOR KEY SHARE per subject, even under COPY), a large share of a bulk import's server
-- time. A pointer's subjects are written and removed only by PointerStore, in the pointer's own transaction (the
-- delete removes them before the pointer), so the key and its ON DELETE CASCADE had nothing left to do (docs/adr/0017).
ALTER TABLE loc_pointer_subject DROP CONSTRAINT IF EXISTS loc_pointer_subject_pointer_id_fkey;
