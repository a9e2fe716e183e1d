package dev.cinderemulator.volume;

import java.time.LocalDateTime;
import java.util.Map;

/** A volume as the control API loads and exports it: every field Cinder shows, in any status. */
public record VolumeFixture(String id, String projectId, String userId, String name, String description,
        String status, String previousStatus, int size, String availabilityZone, String volumeType, boolean bootable,
        boolean multiattach, String snapshotId, String sourceVolumeId, Map<String, String> metadata,
        LocalDateTime createdAt, LocalDateTime updatedAt) {

    public VolumeFixture {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
