package dev.cinderemulator.volume;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.cinderemulator.fixture.FixtureDefaults;
import dev.cinderemulator.fixture.FixtureExport;
import dev.cinderemulator.fixture.FixtureFields;

/** A snapshot as the control API loads and exports it. */
public record SnapshotFixture(String id, String projectId, String userId, String volumeId, String name,
        String description, String status, int size, Map<String, String> metadata, LocalDateTime createdAt,
        LocalDateTime updatedAt) {

    public static final Set<String> FIELDS = Set.of("id", "project_id", "user_id", "volume_id", "name",
            "description", "status", "size", "metadata", "created_at", "updated_at");

    public SnapshotFixture {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** Its volume must be in the same document or in the emulator; it supplies the project and size. */
    public static SnapshotFixture read(FixtureFields fields, FixtureDefaults defaults,
            Function<String, Optional<VolumeFixture>> volumeOf) {
        String volumeId = fields.requiredUuid("volume_id");
        Optional<VolumeFixture> volume = volumeOf.apply(volumeId);
        if (volume.isEmpty()) {
            throw FixtureFields.invalid(fields.path("volume_id"),
                    "no volume " + volumeId + " in this document or in the emulator");
        }
        LocalDateTime created = defaults.created(fields);
        String project = Optional.ofNullable(fields.text("project_id")).orElse(volume.get().projectId());
        Integer size = Optional.ofNullable(fields.integer("size", 1)).orElse(volume.get().size());
        return new SnapshotFixture(defaults.id(fields), project, defaults.user(fields), volumeId, fields.text("name"),
                fields.text("description"), fields.status(SnapshotStatus.NAMES, "available"), size,
                fields.metadata("metadata"), created, Optional.ofNullable(fields.time("updated_at")).orElse(created));
    }

    public Map<String, Object> document() {
        Map<String, Object> view = FixtureExport.begin(id, projectId, userId);
        FixtureExport.putPresent(view, "volume_id", volumeId);
        FixtureExport.putPresent(view, "name", name);
        FixtureExport.putPresent(view, "description", description);
        FixtureExport.putPresent(view, "status", status);
        FixtureExport.putPresent(view, "size", size);
        return FixtureExport.end(view, metadata, createdAt, updatedAt);
    }
}
