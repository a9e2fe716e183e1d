-- Tokens issued by the emulated Keystone. The token itself is never stored, only its SHA-256.
-- Users, projects and roles come from configuration, not from the database.

CREATE TABLE identity_tokens (
    id_hash     VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_id     VARCHAR(64)  NOT NULL,
    project_id  VARCHAR(64),
    methods     VARCHAR(255) NOT NULL,
    audit_ids   VARCHAR(255) NOT NULL,
    issued_at   TIMESTAMP(6) NOT NULL,
    expires_at  TIMESTAMP(6) NOT NULL,
    revoked     BOOLEAN      NOT NULL
);
CREATE INDEX identity_tokens_expires ON identity_tokens (expires_at);
