package dev.cinderemulator.volume;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.cinderemulator.exception.Invalid;
import dev.cinderemulator.store.CinderBase;

/**
 * A Cinder volume and its status machine ({@code cinder/volume/api.py}, the create flow and the
 * admin reset): {@code creating} → {@code available} → {@code deleting} → gone; only
 * {@code available} or (forced) {@code in-use} volumes are backed up, only {@code available} ones
 * are restored into, and {@code previous_status} remembers what to return to after a backup.
 */
public class Volume extends CinderBase {

    public static final String DEFAULT_VOLUME_TYPE = "__DEFAULT__";

    /** {@code volume/api.py delete}: the statuses a volume may be deleted from, in Cinder's order. */
    private static final List<VolumeStatus> DELETABLE_ORDER = List.of(VolumeStatus.AVAILABLE, VolumeStatus.ERROR,
            VolumeStatus.ERROR_RESTORING, VolumeStatus.ERROR_EXTENDING, VolumeStatus.ERROR_MANAGING);
    private VolumeStatus status;
    private String previousStatus;
    private String availabilityZone;
    private String volumeType;
    private boolean bootable;
    private boolean multiattach;
    private String snapshotId;
    private String sourceVolumeId;
    private String backupId;

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
        this.status = VolumeStatus.CREATING;
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
        volume.status = VolumeStatus.of(fixture.status());
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
        return new VolumeFixture(id, projectId, userId, name, description, status.toString(), previousStatus, size,
                availabilityZone, volumeType, bootable, multiattach, snapshotId, sourceVolumeId, metadata, createdAt,
                updatedAt);
    }

    /** The volume service failed to create it. */
    void failCreating(LocalDateTime now) {
        if (status == VolumeStatus.CREATING) {
            moveTo(VolumeStatus.ERROR, now);
        }
    }

    /** The volume service failed to delete it. */
    void failDeleting(LocalDateTime now) {
        if (status == VolumeStatus.DELETING) {
            moveTo(VolumeStatus.ERROR_DELETING, now);
        }
    }

    /**
     * {@code volume/api.py update}: nothing changes on a volume in maintenance, and an update
     * without fields saves nothing, so {@code updated_at} stays as it was.
     */
    void update(String name, String description, Map<String, String> metadata, boolean anyField, LocalDateTime now) {
        if (status == VolumeStatus.MAINTENANCE) {
            throw new InvalidVolume("The volume cannot be updated during maintenance.");
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
        if (status == VolumeStatus.CREATING) {
            moveTo(VolumeStatus.AVAILABLE, now);
        }
    }

    /**
     * Whether the volume service has taken the volume: from then on it carries the service's uuid
     * and the backend's {@code shared_targets}. Until then only the API's row exists.
     */
    boolean onBackend() {
        return status != VolumeStatus.CREATING;
    }

    /**
     * {@code volume/api.py delete}: a conditional update on status (skipped when forced) and on
     * having no snapshots (or, with cascade, only deletable ones). One message for every refusal,
     * built with {@code build_or_str}, so a forced refusal reads "Volume  must not ...".
     */
    void startDeleting(boolean force, boolean blockedBySnapshots, LocalDateTime now) {
        if ((!force && !DELETABLE_ORDER.contains(status)) || blockedBySnapshots) {
            String statusClause = force ? ""
                    : "status must be " + DELETABLE_ORDER.stream().map(VolumeStatus::toString)
                            .collect(Collectors.joining(" or ")) + " and";
            throw new InvalidVolume("Volume " + statusClause + " must not be migrating, "
                    + "attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from "
                    + "snapshots after volume transfer.");
        }
        moveTo(VolumeStatus.DELETING, now);
    }

    /**
     * {@code admin_actions.py _reset_status}. Cinder means to refuse deleting, error_deleting and
     * detaching, but a missing comma glues the last two into one string, so only {@code deleting}
     * is refused; {@code in-use} needs attachments, which emulated volumes never have.
     */
    void resetStatus(VolumeStatus status, LocalDateTime now) {
        if (status == VolumeStatus.DELETING) {
            throw new Invalid("Cannot reset-state to deleting");
        }
        if (status == VolumeStatus.IN_USE) {
            throw new Invalid("Cannot reset-state to in-use because volume does not have any attachments.");
        }
        moveTo(status, now);
    }

    /** {@code create_volume.py _extract_source_volume}: what a volume may be cloned from. */
    void checkCloneSource() {
        if (status != VolumeStatus.AVAILABLE && status != VolumeStatus.IN_USE) {
            throw new InvalidVolume("Originating source volume status must be one of "
                    + "'available, in-use' values");
        }
    }

    /** {@code volume/api.py create_snapshot_in_db}: the checks before the quota, in Cinder's order. */
    void checkSnapshotSource(boolean allowInUse) {
        if (status == VolumeStatus.MAINTENANCE) {
            throw new InvalidVolume("The snapshot cannot be created when the volume is in maintenance mode.");
        }
        if (status == VolumeStatus.ERROR) {
            throw new InvalidVolume("The snapshot cannot be created when the volume is in error status.");
        }
        boolean valid = status == VolumeStatus.AVAILABLE || allowInUse && status == VolumeStatus.IN_USE;
        if (!valid) {
            throw new InvalidVolume("Volume " + id + " status must be " + (allowInUse ? "available, in-use"
                    : "available") + ", but current status is: " + status + ".");
        }
    }

    /** {@code backup/api.py create}: the volume is checked only when the backup is not of a snapshot. */
    void checkBackupSource(boolean force) {
        if (status != VolumeStatus.AVAILABLE && status != VolumeStatus.IN_USE) {
            throw new InvalidVolume("Volume to be backed up must be available or in-use, but the current status is "
                    + "\"" + status + "\".");
        }
        if (status == VolumeStatus.IN_USE && !force) {
            throw new InvalidVolume("Backing up an in-use volume must use the force flag.");
        }
    }

    void startBackingUp(LocalDateTime now) {
        previousStatus = status.toString();
        moveTo(VolumeStatus.BACKING_UP, now);
    }

    /** {@code _finish_backup}: back to where it was; {@code previous_status} records the backup. */
    void finishBackingUp(boolean failed, LocalDateTime now) {
        if (status != VolumeStatus.BACKING_UP) {
            return;
        }
        // A fixture may have loaded a previous_status no volume can be in; Cinder's default then.
        VolumeStatus back = previousStatus == null || !VolumeStatus.NAMES.contains(previousStatus)
                ? VolumeStatus.AVAILABLE
                : VolumeStatus.of(previousStatus);
        previousStatus = (failed ? VolumeStatus.ERROR_BACKING_UP : VolumeStatus.BACKING_UP).toString();
        moveTo(back, now);
    }

    void checkRestoreTarget(int backupSize) {
        if (status != VolumeStatus.AVAILABLE) {
            throw new InvalidVolume("Volume to be restored to must be available");
        }
        if (size < backupSize) {
            throw new InvalidVolume("volume size " + size
                    + " is too small to restore backup of size " + backupSize + ".");
        }
    }

    void startRestoring(LocalDateTime now) {
        moveTo(VolumeStatus.RESTORING_BACKUP, now);
    }

    /**
     * The backup driver's restore: the source's metadata comes along (plus {@code src_backup_id}
     * when restoring elsewhere), and an auto-named volume takes the source volume's name.
     */
    void finishRestoring(RestoredContent content, LocalDateTime now) {
        if (status != VolumeStatus.RESTORING_BACKUP) {
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
        moveTo(VolumeStatus.AVAILABLE, now);
    }

    void failRestoring(LocalDateTime now) {
        if (status == VolumeStatus.RESTORING_BACKUP) {
            moveTo(VolumeStatus.ERROR_RESTORING, now);
        }
    }

    /** The volume service finishes only work the volume still awaits. */
    boolean isCreating() {
        return status == VolumeStatus.CREATING;
    }

    boolean isDeleting() {
        return status == VolumeStatus.DELETING;
    }

    private void moveTo(VolumeStatus next, LocalDateTime now) {
        status = next;
        updatedAt = now;
    }

    public VolumeStatus status() {
        return status;
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

}
