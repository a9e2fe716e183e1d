package dev.cinderemulator.backup;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.engine.EmulatorClock;
import dev.cinderemulator.engine.FailureOutcomes;
import dev.cinderemulator.engine.Transition;
import dev.cinderemulator.engine.TransitionAction;
import dev.cinderemulator.engine.TransitionHandler;
import dev.cinderemulator.volume.BackupVolumes;
import dev.cinderemulator.volume.BackupVolumes.VolumeValue;
import dev.cinderemulator.volume.RestoredContent;

/**
 * Cinder's backup manager ({@code cinder/backup/manager.py}) on the emulator's one backup host:
 * finishes the create, restore, delete and import work the API scheduled, or, when a fault rule
 * says so, ends it as the manager's failures do.
 */
@Service
@Transactional
class BackupManager implements TransitionHandler {

    static final String BACKUP_HOST = "emulator@backup";
    /** The Swift container the backup driver writes to when the request names none. */
    static final String DEFAULT_CONTAINER = "volumebackups";
    /** The manager's texts for work that fails on purpose (a fault rule) rather than for a reason of its own. */
    static final String CREATE_ABORTED = "Create backup aborted due to backup service is down.";
    static final String DELETE_ABORTED = "Delete backup is aborted due to backup service is down.";

    private final Backups backups;
    private final BackupVolumes volumes;
    private final EmulatorClock clock;
    private final EmulatorProperties properties;
    private final ObjectProvider<FailureOutcomes> outcomes;

    BackupManager(Backups backups, BackupVolumes volumes, EmulatorClock clock, EmulatorProperties properties,
            ObjectProvider<FailureOutcomes> outcomes) {
        this.backups = backups;
        this.volumes = volumes;
        this.clock = clock;
        this.properties = properties;
        this.outcomes = outcomes;
    }

    @Override
    public Set<TransitionAction> handles() {
        return Set.of(TransitionAction.BACKUP_CREATE, TransitionAction.BACKUP_RESTORE, TransitionAction.BACKUP_DELETE,
                TransitionAction.BACKUP_IMPORT);
    }

    @Override
    public void complete(Transition transition) {
        Optional<Backup> found = backups.findById(transition.resourceId());
        if (found.isEmpty()) {
            return;
        }
        Backup backup = found.get();
        LocalDateTime now = clock.now();
        switch (transition.action()) {
            case BACKUP_CREATE -> finishCreate(backup, now);
            case BACKUP_RESTORE -> finishRestore(backup, now);
            case BACKUP_DELETE -> finishDelete(backup, now);
            case BACKUP_IMPORT -> backup.importRecord(BackupRecord.decode(backup.pendingImport()),
                    properties.cloud().backupService(), BACKUP_HOST, zone(), now);
            default -> throw new IllegalStateException("Not a backup transition: " + transition.action());
        }
    }

    private void finishCreate(Backup backup, LocalDateTime now) {
        if (backup.service() == null) {
            // The scheduler found no backup service in the requested availability zone.
            backup.fail("Service not found for creating backup.", now);
            volumes.finishBackup(backup.volumeId(), backup.snapshotId(), true);
            return;
        }
        Optional<FailureOutcomes.Failure> failure = backup.isCreating()
                ? failureOf(TransitionAction.BACKUP_CREATE, backup)
                : Optional.empty();
        if (failure.isPresent()) {
            backup.fail(failure.get().reasonOr(CREATE_ABORTED), now);
            volumes.finishBackup(backup.volumeId(), backup.snapshotId(), true);
            return;
        }
        int size = volumes.findVolume(backup.volumeId()).map(VolumeValue::size).orElse(backup.size());
        if (backup.finishCreating(size, DEFAULT_CONTAINER, now) && backup.parentId() != null) {
            backups.findById(backup.parentId()).ifPresent(Backup::dependentFinished);
        }
        volumes.finishBackup(backup.volumeId(), backup.snapshotId(), false);
    }

    /** A failed restore leaves the backup available and the target volume {@code error_restoring}. */
    private void finishRestore(Backup backup, LocalDateTime now) {
        if (backup.isRestoring() && failureOf(TransitionAction.BACKUP_RESTORE, backup).isPresent()) {
            if (backup.restoreVolumeId() != null) {
                volumes.failRestore(backup.restoreVolumeId());
            }
            backup.finishRestoring(now);
            return;
        }
        if (backup.restoreVolumeId() != null) {
            Optional<VolumeValue> source = volumes.findVolume(backup.volumeId());
            volumes.finishRestore(backup.restoreVolumeId(), new RestoredContent(backup.id(), backup.volumeId(),
                    source.map(VolumeValue::name).orElse(null), source.map(VolumeValue::description).orElse(null),
                    source.map(VolumeValue::metadata).orElse(Map.of()),
                    source.map(VolumeValue::bootable).orElse(false)));
        }
        backup.finishRestoring(now);
    }

    private void finishDelete(Backup backup, LocalDateTime now) {
        if (!backup.isDeleting()) {
            return;
        }
        Optional<FailureOutcomes.Failure> failure = failureOf(TransitionAction.BACKUP_DELETE, backup);
        if (failure.isPresent()) {
            backup.failDeleting(failure.get().reasonOr(DELETE_ABORTED), now);
            return;
        }
        if (backup.parentId() != null && backup.hasFinished()) {
            backups.findById(backup.parentId()).ifPresent(Backup::dependentRemoved);
        }
        backups.delete(backup);
    }

    private Optional<FailureOutcomes.Failure> failureOf(TransitionAction action, Backup backup) {
        return outcomes.getIfAvailable(() -> FailureOutcomes.NONE).failureOf(new FailureOutcomes.Work(action,
                backup.id(), backup.projectId(), backup.volumeId(), backup.name()));
    }

    private String zone() {
        return properties.cloud().availabilityZone();
    }
}
