-- backup/api.py import_record writes the row before the backup service has read the record:
-- until the import completes the backup has no data timestamp (nor size or update time).
ALTER TABLE backups ALTER COLUMN data_timestamp DROP NOT NULL;
