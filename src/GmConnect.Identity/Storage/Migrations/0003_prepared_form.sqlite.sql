-- The prepared form of each record version (blocking key hashes and normalised comparison values, see
-- Index/PreparedForm.cs), written with the version so that the start-up rebuild reads it instead of preparing every
-- record again. Null for versions stored before this migration: those are prepared at start-up as before.
ALTER TABLE idm_record_version ADD COLUMN prepared BLOB;
