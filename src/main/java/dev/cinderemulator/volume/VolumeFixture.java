package dev.cinderemulator.volume;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.cinderemulator.fixture.FixtureDefaults;
import dev.cinderemulator.fixture.FixtureFields;
import dev.cinderemulator.web.CinderTime;

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
        Map<String, Object> view = new LinkedHashMap<>();
        FixtureFields.putPresent(view, "id", id);
        FixtureFields.putPresent(view, "project_id", projectId);
        FixtureFields.putPresent(view, "user_id", userId);
        FixtureFields.putPresent(view, "name", name);
        FixtureFields.putPresent(view, "description", description);
        FixtureFields.putPresent(view, "status", status);
        FixtureFields.putPresent(view, "previous_status", previousStatus);
        FixtureFields.putPresent(view, "size", size);
        FixtureFields.putPresent(view, "availability_zone", availabilityZone);
        FixtureFields.putPresent(view, "volume_type", volumeType);
        FixtureFields.putPresent(view, "bootable", bootable);
        FixtureFields.putPresent(view, "multiattach", multiattach);
        FixtureFields.putPresent(view, "snapshot_id", snapshotId);
        FixtureFields.putPresent(view, "source_volid", sourceVolumeId);
        FixtureFields.putPresent(view, "metadata", metadata);
        FixtureFields.putPresent(view, "created_at", CinderTime.format(createdAt));
        FixtureFields.putPresent(view, "updated_at", CinderTime.format(updatedAt));
        return view;
    }
}
