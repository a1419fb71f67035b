-- What the FHIR importer handed to a target (DocumentReference → Locator, Binary → Repository), by the resource's
-- key within the importing organisation: the same resource with the same content is not handed over again.
CREATE TABLE integration_fhir_resource (
    organisation TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_key TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    target_id TEXT NOT NULL,
    batch_id BIGINT NOT NULL REFERENCES integration_import_batch (id),
    imported_at TEXT NOT NULL,
    PRIMARY KEY (organisation, resource_type, resource_key)
);
