-- Cinder keeps metadata in rows of its own (volume_metadata, snapshot_metadata, backup_metadata),
-- so a volume may have thousands of keys; here it is one JSON column. 100 000 characters could be
-- outgrown by a body under max_request_body_size (3 000 keys), which then failed; the column now
-- holds more than any body the size limit lets in.
ALTER TABLE volumes ALTER COLUMN metadata SET DATA TYPE VARCHAR(1000000);
ALTER TABLE snapshots ALTER COLUMN metadata SET DATA TYPE VARCHAR(1000000);
ALTER TABLE backups ALTER COLUMN metadata SET DATA TYPE VARCHAR(1000000);
