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
}
