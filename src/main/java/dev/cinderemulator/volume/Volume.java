package dev.cinderemulator.volume;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.cinderemulator.api.CinderException;
import dev.cinderemulator.store.MetadataConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A Cinder volume and its status machine ({@code cinder/volume/api.py}): only {@code available}
 * or (forced) {@code in-use} volumes are backed up, only {@code available} ones are restored into,
 * and {@code previous_status} remembers what to return to after a backup.
 */
@Entity
@Table(name = "volumes")
public class Volume {

    /** {@code volume/api.py delete}: the statuses a volume may be deleted from. */
    private static final Set<String> DELETABLE = Set.of("available", "error", "error_restoring", "error_extending",
            "error_managing");

    @Id
    private String id;
    @Column(name = "project_id", nullable = false)
    private String projectId;
    @Column(name = "user_id", nullable = false)
    private String userId;
    @Column(name = "display_name")
    private String name;
    @Column(name = "display_description")
    private String description;
    @Column(nullable = false)
    private String status;
    @Column(name = "previous_status")
    private String previousStatus;
    @Column(nullable = false)
    private int size;
    @Column(name = "availability_zone", nullable = false)
    private String availabilityZone;
    @Column(name = "volume_type", nullable = false)
    private String volumeType;
    @Column(nullable = false)
    private boolean bootable;
    @Column(nullable = false)
    private boolean multiattach;
    @Column(name = "snapshot_id")
    private String snapshotId;
    @Column(name = "source_volid")
    private String sourceVolumeId;
    @Column(name = "backup_id")
    private String backupId;
    @Convert(converter = MetadataConverter.class)
    @Column(nullable = false)
    private Map<String, String> metadata = new LinkedHashMap<>();
    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;
    @Column(name = "updated_at")
    private LocalDateTime updatedAt;
    @Version
    private long version;

    protected Volume() {
    }

    Volume(String id, String projectId, String userId, int size, String availabilityZone, String volumeType,
            LocalDateTime now) {
        this.id = id;
        this.projectId = projectId;
        this.userId = userId;
        this.size = size;
        this.availabilityZone = availabilityZone;
        this.volumeType = volumeType;
        this.status = "creating";
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A volume exactly as a fixture document describes it. */
    static Volume loaded(VolumeFixture fixture) {
        Volume volume = new Volume(fixture.id(), fixture.projectId(), fixture.userId(), fixture.size(),
                fixture.availabilityZone(), fixture.volumeType(), fixture.createdAt());
        volume.name = fixture.name();
        volume.description = fixture.description();
        volume.status = fixture.status();
        volume.previousStatus = fixture.previousStatus();
        volume.bootable = fixture.bootable();
        volume.multiattach = fixture.multiattach();
        volume.snapshotId = fixture.snapshotId();
        volume.sourceVolumeId = fixture.sourceVolumeId();
        volume.metadata = new LinkedHashMap<>(fixture.metadata());
        volume.updatedAt = fixture.updatedAt();
        return volume;
    }

    VolumeFixture fixture() {
        return new VolumeFixture(id, projectId, userId, name, description, status, previousStatus, size,
                availabilityZone, volumeType, bootable, multiattach, snapshotId, sourceVolumeId, metadata, createdAt,
                updatedAt);
    }

    void describe(String name, String description, LocalDateTime now) {
        this.name = name;
        this.description = description;
        this.updatedAt = now;
    }

    void origin(String snapshotId, String sourceVolumeId, String backupId, boolean bootable, boolean multiattach) {
        this.snapshotId = snapshotId;
        this.sourceVolumeId = sourceVolumeId;
        this.backupId = backupId;
        this.bootable = bootable;
        this.multiattach = multiattach;
    }

    void replaceMetadata(Map<String, String> metadata, LocalDateTime now) {
        this.metadata = new LinkedHashMap<>(metadata);
        this.updatedAt = now;
    }

    void finishCreating(LocalDateTime now) {
        if (status.equals("creating")) {
            moveTo("available", now);
        }
    }

    /** The volume service failed to create it (or, below, to delete it). */
    void failCreating(LocalDateTime now) {
        if (status.equals("creating")) {
            moveTo("error", now);
        }
    }

    void failDeleting(LocalDateTime now) {
        if (status.equals("deleting")) {
            moveTo("error_deleting", now);
        }
    }

    void startDeleting(boolean hasSnapshots, LocalDateTime now) {
        if (!DELETABLE.contains(status) || hasSnapshots) {
            throw CinderException.badRequest("Invalid volume: Volume status must be available or error or "
                    + "error_restoring or error_extending or error_managing and must not be migrating, attached, "
                    + "belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots "
                    + "after volume transfer.");
        }
        moveTo("deleting", now);
    }

    void resetStatus(String status, LocalDateTime now) {
        moveTo(status, now);
    }

    /** {@code backup/api.py create}: the volume is checked only when the backup is not of a snapshot. */
    void checkBackupSource(boolean force) {
        if (!status.equals("available") && !status.equals("in-use")) {
            throw CinderException.badRequest("Invalid volume: Volume to be backed up must be available or in-use, "
                    + "but the current status is \"" + status + "\".");
        }
        if (status.equals("in-use") && !force) {
            throw CinderException.badRequest("Invalid volume: Backing up an in-use volume must use the force flag.");
        }
    }

    void startBackingUp(LocalDateTime now) {
        previousStatus = status;
        moveTo("backing-up", now);
    }

    /** {@code _finish_backup}: back to where it was; {@code previous_status} records the backup. */
    void finishBackingUp(boolean failed, LocalDateTime now) {
        if (!status.equals("backing-up")) {
            return;
        }
        String back = previousStatus == null ? "available" : previousStatus;
        previousStatus = failed ? "error_backing-up" : "backing-up";
        moveTo(back, now);
    }

    void checkRestoreTarget(int backupSize) {
        if (!status.equals("available")) {
            throw CinderException.badRequest("Invalid volume: Volume to be restored to must be available");
        }
        if (size < backupSize) {
            throw CinderException.badRequest("Invalid volume: volume size " + size
                    + " is too small to restore backup of size " + backupSize + ".");
        }
    }

    void startRestoring(LocalDateTime now) {
        moveTo("restoring-backup", now);
    }

    /**
     * The backup driver's restore: the source's metadata comes along (plus {@code src_backup_id}
     * when restoring elsewhere), and an auto-named volume takes the source volume's name.
     */
    void finishRestoring(RestoredContent content, LocalDateTime now) {
        if (!status.equals("restoring-backup")) {
            return;
        }
        metadata.putAll(content.metadata());
        if (!id.equals(content.sourceVolumeId())) {
            metadata.put("src_backup_id", content.backupId());
        }
        bootable = bootable || content.bootable();
        boolean autoNamed = name == null || name.isEmpty() || name.startsWith("restore_backup_");
        if (autoNamed && content.sourceName() != null && !content.sourceName().isEmpty()) {
            name = content.sourceName();
            description = content.sourceDescription();
        }
        moveTo("available", now);
    }

    void failRestoring(LocalDateTime now) {
        if (status.equals("restoring-backup")) {
            moveTo("error_restoring", now);
        }
    }

    private void moveTo(String next, LocalDateTime now) {
        status = next;
        updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String projectId() {
        return projectId;
    }

    public String userId() {
        return userId;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String status() {
        return status;
    }

    public int size() {
        return size;
    }

    public String availabilityZone() {
        return availabilityZone;
    }

    public String volumeType() {
        return volumeType;
    }

    public boolean bootable() {
        return bootable;
    }

    public boolean multiattach() {
        return multiattach;
    }

    public String snapshotId() {
        return snapshotId;
    }

    public String sourceVolumeId() {
        return sourceVolumeId;
    }

    public String backupId() {
        return backupId;
    }

    public Map<String, String> metadata() {
        return Map.copyOf(metadata);
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }

    public LocalDateTime updatedAt() {
        return updatedAt;
    }
}
