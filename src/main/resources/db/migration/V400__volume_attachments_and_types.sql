-- Issue 13b: what volume actions and volume types need.
-- The volume's attach status, its one attachment (Cinder keeps volume_attachment rows; a volume
-- that cannot be multiattached has at most one), its admin metadata (readonly, attached_mode)
-- and the id of its volume type.
ALTER TABLE volumes ADD COLUMN attach_status VARCHAR(32);
ALTER TABLE volumes ADD COLUMN attachment_id VARCHAR(36);
ALTER TABLE volumes ADD COLUMN attached_instance VARCHAR(36);
ALTER TABLE volumes ADD COLUMN attached_host VARCHAR(255);
ALTER TABLE volumes ADD COLUMN mountpoint VARCHAR(255);
ALTER TABLE volumes ADD COLUMN attach_mode VARCHAR(36);
ALTER TABLE volumes ADD COLUMN attached_at TIMESTAMP(6);
ALTER TABLE volumes ADD COLUMN admin_metadata VARCHAR(100000);
ALTER TABLE volumes ADD COLUMN volume_type_id VARCHAR(36);

-- Cinder's volume_types with their extra specs (one JSON column, as metadata is kept) and the
-- projects a private type is shared with (volume_type_projects).
CREATE TABLE volume_types (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    name              VARCHAR(255) NOT NULL,
    description       VARCHAR(255),
    is_public         BOOLEAN      NOT NULL,
    extra_specs       VARCHAR(100000) NOT NULL,
    projects          VARCHAR(100000) NOT NULL,
    qos_specs_id      VARCHAR(36),
    created_at        TIMESTAMP(6) NOT NULL,
    updated_at        TIMESTAMP(6),
    version           BIGINT       NOT NULL
);
CREATE INDEX volume_types_name ON volume_types (name);

-- What a driver last reported with os-update_snapshot_status (null: the emulator's own progress).
ALTER TABLE snapshots ADD COLUMN progress VARCHAR(255);

-- Cinder's own migration creates the default type; its id here is the one volumes already carry.
INSERT INTO volume_types (id, name, description, is_public, extra_specs, projects, created_at, updated_at, version)
VALUES ('7c9cf2ef-2b5c-4f1b-9c8f-3f4d1b9e0a55', '__DEFAULT__', 'Default Volume Type', TRUE, '{}', '{}',
        TIMESTAMP '2026-01-01 00:00:00', NULL, 0);
UPDATE volumes SET volume_type_id = '7c9cf2ef-2b5c-4f1b-9c8f-3f4d1b9e0a55' WHERE volume_type = '__DEFAULT__';

-- Cinder's quality_of_service_specs: a name, a consumer and key/value specs, associated with
-- volume types through volume_types.qos_specs_id.
CREATE TABLE qos_specs (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    name              VARCHAR(255) NOT NULL,
    consumer          VARCHAR(255) NOT NULL,
    specs             VARCHAR(100000) NOT NULL,
    created_at        TIMESTAMP(6) NOT NULL,
    updated_at        TIMESTAMP(6),
    version           BIGINT       NOT NULL
);

-- Cinder's transfers: a volume offered to another project, taken with the auth key.
CREATE TABLE transfers (
    id                     VARCHAR(36)  NOT NULL PRIMARY KEY,
    volume_id              VARCHAR(36)  NOT NULL,
    name                   VARCHAR(255),
    auth_key               VARCHAR(64)  NOT NULL,
    no_snapshots           BOOLEAN      NOT NULL,
    source_project_id      VARCHAR(64)  NOT NULL,
    created_at             TIMESTAMP(6) NOT NULL,
    version                BIGINT       NOT NULL
);
CREATE INDEX transfers_volume ON transfers (volume_id);
