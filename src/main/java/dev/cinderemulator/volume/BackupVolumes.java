package dev.cinderemulator.volume;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

import dev.cinderemulator.web.CinderRequest;

/**
 * What the backup feature may ask of volumes and snapshots over a backup's life, as Cinder's backup
 * API and manager ask the volume API and database: look the source up, mark it {@code backing-up}
 * and back, and create, mark and finish a restore target. Values in, values out; the entities stay
 * in this package. Lookups are project-scoped for non-admins, so another project's volume is "not
 * found", and every refusal is Cinder's.
 */
public interface BackupVolumes {

    VolumeValue volume(CinderRequest request, String id);

    SnapshotValue snapshot(CinderRequest request, String id);

    Optional<VolumeValue> findVolume(String id);

    /** {@code backup/api.py create}: checks and marks the source; with a snapshot, only the snapshot. */
    void startBackup(String volumeId, String snapshotId, boolean force);

    /** {@code _finish_backup}: the source goes back to where it was. */
    void finishBackup(String volumeId, String snapshotId, boolean failed);

    /**
     * Restore without a target: Cinder creates {@code restore_backup_<id>} of the backup's size and
     * blocks until it is available.
     */
    VolumeValue createRestoreTarget(CinderRequest request, String backupId, int size, String name);

    void startRestore(String volumeId, int backupSize);

    void finishRestore(String volumeId, RestoredContent content);

    void failRestore(String volumeId);

    /** What a backup reads of a volume: its size, and what a restore carries over to the target. */
    record VolumeValue(String id, int size, String name, String description, Map<String, String> metadata,
            boolean bootable) {
    }

    record SnapshotValue(String id, String volumeId, LocalDateTime createdAt) {
    }
}
