package dev.cinderemulator.engine;

/** The asynchronous steps of Cinder's services that the emulator plays out. */
public enum TransitionAction {
    VOLUME_CREATE, VOLUME_DELETE, SNAPSHOT_CREATE, SNAPSHOT_DELETE,
    BACKUP_CREATE, BACKUP_RESTORE, BACKUP_DELETE, BACKUP_IMPORT
}
