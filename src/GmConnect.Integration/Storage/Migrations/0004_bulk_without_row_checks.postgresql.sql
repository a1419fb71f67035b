-- Integration, version 4 (PostgreSQL): the bulk-loaded tables lose their foreign key to integration_import_batch.
-- PostgreSQL checks a foreign key row by row (one SELECT … FOR KEY SHARE per row, even under COPY): about half of
-- the server's CPU in an import of 1,000,000 person records went to these checks. The batch row is written by the importer
-- before any of its rows and batches are never deleted, so the key never had anything to catch (docs/adr/0017).
-- integration_rejected_row keeps its key: it is written a row at a time and rarely.
ALTER TABLE integration_person_record DROP CONSTRAINT IF EXISTS integration_person_record_batch_id_fkey;
ALTER TABLE integration_change DROP CONSTRAINT IF EXISTS integration_change_batch_id_fkey;
ALTER TABLE integration_fhir_resource DROP CONSTRAINT IF EXISTS integration_fhir_resource_batch_id_fkey;
