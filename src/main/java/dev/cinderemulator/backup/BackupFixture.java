package dev.cinderemulator.backup;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * A backup as the control API loads and exports it: any status, its incremental parent, and the
 * timestamps Cinder shows. {@code num_dependent_backups} is not here: it follows from the children.
 */
public record BackupFixture(String id, String projectId, String userId, String volumeId, String snapshotId,
        String parentId, String name, String description, String status, String failReason, int size,
        int objectCount, String container, String availabilityZone, LocalDateTime dataTimestamp,
        String restoreVolumeId, Map<String, String> metadata, LocalDateTime createdAt, LocalDateTime updatedAt) {

    public BackupFixture {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * A fixture whose object count and container, when not given, are what the backup service
     * would have written: only a settled backup has objects in a container.
     */
    public static BackupFixture withServiceDefaults(String id, String projectId, String userId, String volumeId,
            String snapshotId, String parentId, String name, String description, String status, String failReason,
            int size, Integer objectCount, String container, String availabilityZone, LocalDateTime dataTimestamp,
            String restoreVolumeId, Map<String, String> metadata, LocalDateTime createdAt, LocalDateTime updatedAt) {
        boolean settled = BackupStatus.of(status).isSettled();
        return new BackupFixture(id, projectId, userId, volumeId, snapshotId, parentId, name, description, status,
                failReason, size, objectCount != null ? objectCount : settled ? Backup.objectCountFor(size) : 0,
                container != null ? container : settled ? BackupManager.DEFAULT_CONTAINER : null, availabilityZone,
                dataTimestamp, restoreVolumeId, metadata, createdAt, updatedAt);
    }
}
