package dev.cinderemulator.volume;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.cinderemulator.fixture.FixtureDefaults;
import dev.cinderemulator.fixture.FixtureExport;
import dev.cinderemulator.fixture.FixtureFields;

/** A volume as the control API loads and exports it: every field Cinder shows, in any status. */
public record VolumeFixture(String id, String projectId, String userId, String name, String description,
        String status, String previousStatus, int size, String availabilityZone, String volumeType, boolean bootable,
        boolean multiattach, String snapshotId, String sourceVolumeId, Map<String, String> metadata,
        LocalDateTime createdAt, LocalDateTime updatedAt) {

    /** The fields of a volume in a fixture document, with Cinder's names. */
    public static final Set<String> FIELDS = Set.of("id", "project_id", "user_id", "name", "description",
            "status", "previous_status", "size", "availability_zone", "volume_type", "bootable", "multiattach",
            "snapshot_id", "source_volid", "metadata", "created_at", "updated_at");

    public VolumeFixture {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public static VolumeFixture read(FixtureFields fields, FixtureDefaults defaults) {
        String id = defaults.id(fields);
        LocalDateTime created = defaults.created(fields);
        Integer size = fields.integer("size", 1);
        if (size == null) {
            throw FixtureFields.invalid(fields.path("size"), "required");
        }
        return new VolumeFixture(id, fields.requiredText("project_id"), defaults.user(fields), fields.text("name"),
                fields.text("description"), fields.status(VolumeControl.VOLUME_STATUSES, "available"),
                fields.text("previous_status"), size, defaults.zone(fields),
                Optional.ofNullable(fields.text("volume_type")).orElse(Volume.DEFAULT_VOLUME_TYPE),
                fields.flag("bootable"), fields.flag("multiattach"), fields.uuid("snapshot_id"),
                fields.uuid("source_volid"), fields.metadata("metadata"), created,
                Optional.ofNullable(fields.time("updated_at")).orElse(created));
    }

    /** As the control API exports it: null fields left out. */
    public Map<String, Object> document() {
        Map<String, Object> view = FixtureExport.begin(id, projectId, userId);
        FixtureExport.putPresent(view, "name", name);
        FixtureExport.putPresent(view, "description", description);
        FixtureExport.putPresent(view, "status", status);
        FixtureExport.putPresent(view, "previous_status", previousStatus);
        FixtureExport.putPresent(view, "size", size);
        FixtureExport.putPresent(view, "availability_zone", availabilityZone);
        FixtureExport.putPresent(view, "volume_type", volumeType);
        FixtureExport.putPresent(view, "bootable", bootable);
        FixtureExport.putPresent(view, "multiattach", multiattach);
        FixtureExport.putPresent(view, "snapshot_id", snapshotId);
        FixtureExport.putPresent(view, "source_volid", sourceVolumeId);
        return FixtureExport.end(view, metadata, createdAt, updatedAt);
    }
}
