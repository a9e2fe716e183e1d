package dev.cinderemulator.volume;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cinderemulator.web.CinderException;
import dev.cinderemulator.store.MetadataConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A Cinder volume and its status machine ({@code cinder/volume/api.py}, the create flow and the
 * admin reset): {@code creating} → {@code available} → {@code deleting} → gone; only
 * {@code available} or (forced) {@code in-use} volumes are backed up, only {@code available} ones
 * are restored into, and {@code previous_status} remembers what to return to after a backup.
 */
@Entity
@Table(name = "volumes")
public class Volume {

    /** {@code volume/api.py delete}: the statuses a volume may be deleted from, in Cinder's order. */
    private static final List<String> DELETABLE_ORDER = List.of("available", "error", "error_restoring",
            "error_extending", "error_managing");

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

    /**
     * A volume row as the API's create flow writes it: {@code creating}, and never updated yet, so
     * {@code updated_at} stays null until the volume service picks it up.
     */
    Volume(String id, String projectId, String userId, VolumeDraft draft, String volumeType, LocalDateTime now) {
        this.id = id;
        this.projectId = projectId;
        this.userId = userId;
        this.size = draft.size();
        this.name = draft.name();
        this.description = draft.description();
        this.availabilityZone = draft.availabilityZone();
        this.volumeType = volumeType;
        this.metadata = new LinkedHashMap<>(draft.metadata());
        this.snapshotId = draft.snapshotId();
        this.sourceVolumeId = draft.sourceVolumeId();
        this.bootable = draft.bootable();
        this.status = "creating";
        this.createdAt = now;
    }

    /** A volume exactly as a fixture document describes it. */
    static Volume loaded(VolumeFixture fixture) {
        Volume volume = new Volume();
        volume.id = fixture.id();
        volume.projectId = fixture.projectId();
        volume.userId = fixture.userId();
        volume.size = fixture.size();
        volume.availabilityZone = fixture.availabilityZone();
        volume.volumeType = fixture.volumeType();
        volume.name = fixture.name();
        volume.description = fixture.description();
        volume.status = fixture.status();
        volume.previousStatus = fixture.previousStatus();
        volume.bootable = fixture.bootable();
        volume.multiattach = fixture.multiattach();
        volume.snapshotId = fixture.snapshotId();
        volume.sourceVolumeId = fixture.sourceVolumeId();
        volume.metadata = new LinkedHashMap<>(fixture.metadata());
        volume.createdAt = fixture.createdAt();
        volume.updatedAt = fixture.updatedAt();
        return volume;
    }

    VolumeFixture fixture() {
        return new VolumeFixture(id, projectId, userId, name, description, status, previousStatus, size,
                availabilityZone, volumeType, bootable, multiattach, snapshotId, sourceVolumeId, metadata, createdAt,
                updatedAt);
    }

    /** The volume service failed to create it. */
    void failCreating(LocalDateTime now) {
        if (status.equals("creating")) {
            moveTo("error", now);
        }
    }

    /** The volume service failed to delete it. */
    void failDeleting(LocalDateTime now) {
        if (status.equals("deleting")) {
            moveTo("error_deleting", now);
        }
    }

    /**
     * {@code volume/api.py update}: nothing changes on a volume in maintenance, and an update
     * without fields saves nothing, so {@code updated_at} stays as it was.
     */
    void update(String name, String description, Map<String, String> metadata, boolean anyField, LocalDateTime now) {
        if (status.equals("maintenance")) {
            throw CinderException.badRequest("Invalid volume: The volume cannot be updated during maintenance.");
        }
        if (!anyField) {
            return;
        }
        this.name = name;
        this.description = description;
        if (metadata != null) {
            this.metadata = new LinkedHashMap<>(metadata);
        }
        this.updatedAt = now;
    }

    void finishCreating(LocalDateTime now) {
        if (status.equals("creating")) {
            moveTo("available", now);
        }
    }

    /**
     * Whether the volume service has taken the volume: from then on it carries the service's uuid
     * and the backend's {@code shared_targets}. Until then only the API's row exists.
     */
    boolean onBackend() {
        return !status.equals("creating");
    }

    /**
     * {@code volume/api.py delete}: a conditional update on status (skipped when forced) and on
     * having no snapshots (or, with cascade, only deletable ones). One message for every refusal,
     * built with {@code build_or_str}, so a forced refusal reads "Volume  must not ...".
     */
    void startDeleting(boolean force, boolean blockedBySnapshots, LocalDateTime now) {
        if ((!force && !DELETABLE_ORDER.contains(status)) || blockedBySnapshots) {
            String statusClause = force ? "" : "status must be " + String.join(" or ", DELETABLE_ORDER) + " and";
            throw CinderException.badRequest("Invalid volume: Volume " + statusClause + " must not be migrating, "
                    + "attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from "
                    + "snapshots after volume transfer.");
        }
        moveTo("deleting", now);
    }

    /**
     * {@code admin_actions.py _reset_status}. Cinder means to refuse deleting, error_deleting and
     * detaching, but a missing comma glues the last two into one string, so only {@code deleting}
     * is refused; {@code in-use} needs attachments, which emulated volumes never have.
     */
    void resetStatus(String status, LocalDateTime now) {
        if (status.equals("deleting")) {
            throw CinderException.badRequest("Cannot reset-state to deleting");
        }
        if (status.equals("in-use")) {
            throw CinderException.badRequest(
                    "Cannot reset-state to in-use because volume does not have any attachments.");
        }
        moveTo(status, now);
    }

    /** {@code create_volume.py _extract_source_volume}: what a volume may be cloned from. */
    void checkCloneSource() {
        if (!status.equals("available") && !status.equals("in-use")) {
            throw CinderException.badRequest("Invalid volume: Originating source volume status must be one of "
                    + "'available, in-use' values");
        }
    }

    /** {@code volume/api.py create_snapshot_in_db}: the checks before the quota, in Cinder's order. */
    void checkSnapshotSource(boolean allowInUse) {
        if (status.equals("maintenance")) {
            throw CinderException.badRequest("Invalid volume: The snapshot cannot be created when the volume is in "
                    + "maintenance mode.");
        }
        if (status.equals("error")) {
            throw CinderException.badRequest("Invalid volume: The snapshot cannot be created when the volume is in "
                    + "error status.");
        }
        List<String> valid = allowInUse ? List.of("available", "in-use") : List.of("available");
        if (!valid.contains(status)) {
            throw CinderException.badRequest("Invalid volume: Volume " + id + " status must be "
                    + String.join(", ", valid) + ", but current status is: " + status + ".");
        }
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
