package dev.cinderemulator.volume;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cinderemulator.exception.Invalid;
import dev.cinderemulator.store.CinderBase;

/**
 * A Cinder volume snapshot: {@code creating} → {@code available}, {@code backing-up} while a backup
 * reads it, {@code deleting} → gone. Like every Cinder row, {@code updated_at} is null until the
 * first change after creation.
 */
public class Snapshot extends CinderBase {
    private String volumeId;
    private SnapshotStatus status;
    private String progress;

    protected Snapshot() {
    }

    Snapshot(String id, Volume volume, String userId, String name, String description, Map<String, String> metadata,
            LocalDateTime now) {
        this.id = id;
        this.projectId = volume.projectId();
        this.userId = userId;
        this.volumeId = volume.id();
        this.size = volume.size();
        this.name = name;
        this.description = description;
        this.metadata = new LinkedHashMap<>(metadata);
        this.status = SnapshotStatus.CREATING;
        this.createdAt = now;
    }

    void describe(String name, String description, LocalDateTime now) {
        this.name = name;
        this.description = description;
        this.updatedAt = now;
    }

    void finishCreating(LocalDateTime now) {
        if (status == SnapshotStatus.CREATING) {
            moveTo(SnapshotStatus.AVAILABLE, now);
        }
    }

    /** {@code volume/api.py delete_snapshot}: a conditional update on the status. */
    void startDeleting(LocalDateTime now) {
        if (!isDeletable()) {
            throw new InvalidSnapshot("Snapshot status must be available or error and must not be part of a group.");
        }
        moveTo(SnapshotStatus.DELETING, now);
    }

    /** {@code volume/api.py delete_snapshot(force=True)}: any status. */
    void forceDeleting(LocalDateTime now) {
        moveTo(SnapshotStatus.DELETING, now);
    }

    /** {@code admin_actions.py} snapshot reset: any status Cinder knows, at once. */
    void resetStatus(SnapshotStatus next, LocalDateTime now) {
        moveTo(next, now);
    }

    /**
     * {@code snapshot_actions.py _update_snapshot_status}: what a driver reports while it creates
     * or deletes the snapshot; only creating and deleting snapshots take it.
     */
    void reportStatus(String reported, String reportedProgress, LocalDateTime now) {
        List<String> allowed = switch (status) {
            case CREATING -> List.of("creating", "available", "error");
            case DELETING -> List.of("deleting", "error_deleting");
            default -> throw new Invalid("Snapshot status " + status + " not allowed for update_snapshot_status");
        };
        if (!allowed.contains(reported)) {
            throw new Invalid("Provided snapshot status " + reported + " not allowed for snapshot with status "
                    + status + ".");
        }
        if (reportedProgress != null && !reportedProgress.isEmpty()) {
            progress = reportedProgress;
        }
        moveTo(SnapshotStatus.of(reported), now);
    }

    /** {@code progress}: what the driver reported, else 0% while creating and 100% once created. */
    String progress() {
        return progress != null ? progress : isCreating() ? "0%" : "100%";
    }

    void changeMetadata(Map<String, String> changes, boolean replace, LocalDateTime now) {
        if (replace) {
            metadata = new LinkedHashMap<>(changes);
        } else {
            metadata.putAll(changes);
        }
        updatedAt = now;
    }

    void deleteMetadata(String key, LocalDateTime now) {
        metadata.remove(key);
        updatedAt = now;
    }

    /** A transfer that takes the snapshots along gives them to the volume's new owner. */
    void transferTo(String newProjectId, String newUserId, LocalDateTime now) {
        projectId = newProjectId;
        userId = newUserId;
        updatedAt = now;
    }

    /** A cascading volume delete: the snapshot goes with its volume, whatever the checks let through. */
    void deleteWithVolume(LocalDateTime now) {
        moveTo(SnapshotStatus.DELETING, now);
    }

    /** What a cascading volume delete accepts ({@code volume_has_undeletable_snapshots_filter}). */
    boolean isDeletable() {
        return status == SnapshotStatus.AVAILABLE || status == SnapshotStatus.ERROR;
    }

    /** {@code create_volume.py _extract_snapshot}: what a volume may be created from. */
    void checkCloneSource() {
        if (status != SnapshotStatus.AVAILABLE) {
            throw new InvalidSnapshot("Originating snapshot status must be one of 'available' values");
        }
    }

    void checkBackupSource() {
        if (status != SnapshotStatus.AVAILABLE) {
            throw new InvalidSnapshot("Snapshot to be backed up must be available, but the current status is \""
                    + status + "\".");
        }
    }

    void startBackingUp(LocalDateTime now) {
        moveTo(SnapshotStatus.BACKING_UP, now);
    }

    void finishBackingUp(LocalDateTime now) {
        if (status == SnapshotStatus.BACKING_UP) {
            moveTo(SnapshotStatus.AVAILABLE, now);
        }
    }

    /** A snapshot exactly as a fixture document describes it. */
    static Snapshot loaded(SnapshotFixture fixture) {
        Snapshot snapshot = new Snapshot();
        snapshot.id = fixture.id();
        snapshot.projectId = fixture.projectId();
        snapshot.userId = fixture.userId();
        snapshot.volumeId = fixture.volumeId();
        snapshot.name = fixture.name();
        snapshot.description = fixture.description();
        snapshot.status = SnapshotStatus.of(fixture.status());
        snapshot.size = fixture.size();
        snapshot.metadata = new LinkedHashMap<>(fixture.metadata());
        snapshot.createdAt = fixture.createdAt();
        snapshot.updatedAt = fixture.updatedAt();
        return snapshot;
    }

    SnapshotFixture fixture() {
        return new SnapshotFixture(id, projectId, userId, volumeId, name, description, status.toString(), size, metadata,
                createdAt, updatedAt);
    }

    /** The volume service failed to create it. */
    void failCreating(LocalDateTime now) {
        moveTo(SnapshotStatus.ERROR, now);
    }

    /** The volume service failed to delete it. */
    void failDeleting(LocalDateTime now) {
        moveTo(SnapshotStatus.ERROR_DELETING, now);
    }

    /** The volume service finishes only work the snapshot still awaits. */
    boolean isCreating() {
        return status == SnapshotStatus.CREATING;
    }

    boolean isDeleting() {
        return status == SnapshotStatus.DELETING;
    }

    private void moveTo(SnapshotStatus next, LocalDateTime now) {
        status = next;
        updatedAt = now;
    }

    public String volumeId() {
        return volumeId;
    }

    public SnapshotStatus status() {
        return status;
    }

}
