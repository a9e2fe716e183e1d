package dev.cinderemulator.volume;

import java.time.LocalDateTime;
import java.util.Map;

/** A snapshot as the control API loads and exports it. */
public record SnapshotFixture(String id, String projectId, String userId, String volumeId, String name,
        String description, String status, int size, Map<String, String> metadata, LocalDateTime createdAt,
        LocalDateTime updatedAt) {

    public SnapshotFixture {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
