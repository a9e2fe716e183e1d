package dev.cinderemulator.backup;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.cinderemulator.fixture.FixtureDefaults;
import dev.cinderemulator.fixture.FixtureExport;
import dev.cinderemulator.fixture.FixtureFields;
import dev.cinderemulator.volume.VolumeFixture;
import dev.cinderemulator.web.CinderTime;

/**
 * A backup as the control API loads and exports it: any status, its incremental parent, and the
 * timestamps Cinder shows. {@code num_dependent_backups} is not here: it follows from the children.
 */
public record BackupFixture(String id, String projectId, String userId, String volumeId, String snapshotId,
        String parentId, String name, String description, String status, String failReason, int size,
        int objectCount, String container, String availabilityZone, LocalDateTime dataTimestamp,
        String restoreVolumeId, Map<String, String> metadata, LocalDateTime createdAt, LocalDateTime updatedAt) {

    public static final Set<String> FIELDS = Set.of("id", "project_id", "user_id", "volume_id", "snapshot_id",
            "parent_id", "name", "description", "status", "fail_reason", "size", "object_count", "container",
            "availability_zone", "data_timestamp", "restore_volume_id", "metadata", "created_at", "updated_at");

    public BackupFixture {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * The source volume need not exist (Cinder lets a volume be deleted while its backups stay); when
     * it does, it supplies the project and the size.
     */
    public static BackupFixture read(FixtureFields fields, FixtureDefaults defaults,
            Function<String, Optional<VolumeFixture>> volumeOf) {
        String volumeId = fields.requiredUuid("volume_id");
        Optional<VolumeFixture> volume = volumeOf.apply(volumeId);
        String project = fields.text("project_id");
        if (project == null) {
            project = volume.map(VolumeFixture::projectId).orElseThrow(() -> FixtureFields.invalid(
                    fields.path("project_id"), "required when the volume is not in this document or the emulator"));
        }
        Integer size = fields.integer("size", 1);
        if (size == null) {
            size = volume.map(VolumeFixture::size).orElseThrow(() -> FixtureFields.invalid(fields.path("size"),
                    "required when the volume is not in this document or the emulator"));
        }
        String status = fields.status(BackupStatus.NAMES, "available");
        LocalDateTime created = defaults.created(fields);
        Integer objects = fields.integer("object_count", 0);
        String failReason = fields.text("fail_reason");
        return withServiceDefaults(defaults.id(fields), project, defaults.user(fields), volumeId,
                fields.uuid("snapshot_id"), fields.uuid("parent_id"), fields.text("name"), fields.text("description"),
                status, failReason, size, objects, fields.text("container"), defaults.zone(fields),
                Optional.ofNullable(fields.time("data_timestamp")).orElse(created),
                fields.uuid("restore_volume_id"), fields.metadata("metadata"), created,
                Optional.ofNullable(fields.time("updated_at")).orElse(created));
    }

    public Map<String, Object> document() {
        Map<String, Object> view = FixtureExport.begin(id, projectId, userId);
        FixtureExport.putPresent(view, "volume_id", volumeId);
        FixtureExport.putPresent(view, "snapshot_id", snapshotId);
        FixtureExport.putPresent(view, "parent_id", parentId);
        FixtureExport.putPresent(view, "name", name);
        FixtureExport.putPresent(view, "description", description);
        FixtureExport.putPresent(view, "status", status);
        FixtureExport.putPresent(view, "fail_reason", failReason);
        FixtureExport.putPresent(view, "size", size);
        FixtureExport.putPresent(view, "object_count", objectCount);
        FixtureExport.putPresent(view, "container", container);
        FixtureExport.putPresent(view, "availability_zone", availabilityZone);
        FixtureExport.putPresent(view, "data_timestamp", CinderTime.format(dataTimestamp));
        FixtureExport.putPresent(view, "restore_volume_id", restoreVolumeId);
        return FixtureExport.end(view, metadata, createdAt, updatedAt);
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
