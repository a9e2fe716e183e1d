-- Cinder's quotas (per project) and quota_classes (the 'default' class holds the defaults) tables:
-- a row only for a limit someone set; the configured quotas answer for every other one.
CREATE TABLE quotas (
    project_id VARCHAR(255) NOT NULL,
    resource   VARCHAR(300) NOT NULL,
    hard_limit INTEGER      NOT NULL,
    PRIMARY KEY (project_id, resource)
);

CREATE TABLE quota_classes (
    class_name VARCHAR(255) NOT NULL,
    resource   VARCHAR(300) NOT NULL,
    hard_limit INTEGER      NOT NULL,
    PRIMARY KEY (class_name, resource)
);

-- Cinder's services table, for the three services the emulator plays: their enabled state
-- outlives a restart of a file-backed emulator, as in Cinder.
CREATE TABLE services (
    id              INTEGER      NOT NULL PRIMARY KEY,
    host            VARCHAR(255) NOT NULL,
    service_binary  VARCHAR(255) NOT NULL,
    disabled        BOOLEAN      NOT NULL,
    disabled_reason VARCHAR(255),
    frozen          BOOLEAN      NOT NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    modified_at     TIMESTAMP(6)
);

-- Cinder's messages table: what the user message API (3.3+) lists, until expires_at.
CREATE TABLE messages (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    project_id     VARCHAR(255) NOT NULL,
    request_id     VARCHAR(255) NOT NULL,
    resource_type  VARCHAR(255),
    resource_uuid  VARCHAR(36),
    event_id       VARCHAR(255) NOT NULL,
    detail_id      VARCHAR(10),
    action_id      VARCHAR(10),
    message_level  VARCHAR(255) NOT NULL,
    created_at     TIMESTAMP(6) NOT NULL,
    expires_at     TIMESTAMP(6) NOT NULL
);
CREATE INDEX messages_project_created ON messages (project_id, created_at, id);

-- Each service registered itself when the deployment first started.
INSERT INTO services (id, host, service_binary, disabled, frozen, created_at)
VALUES (1, 'emulator', 'cinder-scheduler', FALSE, FALSE, CURRENT_TIMESTAMP),
       (2, 'emulator@lvm', 'cinder-volume', FALSE, FALSE, CURRENT_TIMESTAMP),
       (3, 'emulator@backup', 'cinder-backup', FALSE, FALSE, CURRENT_TIMESTAMP);
