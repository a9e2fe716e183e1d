-- One row per project that has asked for quota. Creating a volume, snapshot or backup updates
-- the project's row first and so holds its lock until the transaction ends: two requests (in
-- one emulator, or in two sharing the database) can't both pass the same quota check. Cinder's
-- quota_usages rows, locked with SELECT ... FOR UPDATE, play this part there.
CREATE TABLE quota_locks (
    project_id VARCHAR(64) NOT NULL PRIMARY KEY,
    claims     BIGINT      NOT NULL
);
