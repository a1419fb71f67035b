-- A fingerprint of the linkage settings each model was trained under (Manager/SettingsFingerprint.cs), so that
-- start-up can tell a model made under other settings (the shipped settings changed) and retrain instead of failing
-- every submit. Null for models stored before this migration: those are checked against the settings' comparisons,
-- levels and labels only.
ALTER TABLE idm_model ADD COLUMN settings_fingerprint TEXT;
