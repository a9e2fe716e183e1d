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
import dev.cinderemulator.message.MessageField;
import dev.cinderemulator.message.UserMessages;
import dev.cinderemulator.service.CinderServices;
import dev.cinderemulator.volume.BackupVolumes;
import dev.cinderemulator.volume.BackupVolumes.VolumeValue;
import dev.cinderemulator.volume.RestoredContent;

/**
 * Cinder's backup manager ({@code cinder/backup/manager.py}) on the emulator's one backup host:
 * finishes the create, restore, delete and import work the API scheduled, or, when a fault rule
 * says so, ends it as the manager's failures do, with the user message the manager writes. The
 * scheduler's part of a create ({@code scheduler/manager.py create_backup}) is played here too: with
 * no enabled backup service the backup ends in {@code error}.
 */
@Service
@Transactional
class BackupManager implements TransitionHandler {

    static final String BACKUP_HOST = CinderServices.BACKUP_HOST;
    static final String NO_SERVICE = "Service not found for creating backup.";
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
    private final CinderServices services;
    private final UserMessages messages;

    BackupManager(Backups backups, BackupVolumes volumes, EmulatorClock clock, EmulatorProperties properties,
            ObjectProvider<FailureOutcomes> outcomes, CinderServices services, UserMessages messages) {
        this.services = services;
        this.messages = messages;
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
        if (backup.service() == null || (backup.isCreating() && !services.backupServiceAvailable())) {
            // The scheduler found no enabled backup service (in the requested availability zone).
            backup.fail(NO_SERVICE, now);
            volumes.finishBackup(backup.volumeId(), backup.snapshotId(), true);
            message(backup, MessageField.Action.BACKUP_CREATE, MessageField.Detail.BACKUP_SCHEDULE_ERROR);
            return;
        }
        Optional<FailureOutcomes.Failure> failure = backup.isCreating()
                ? failureOf(TransitionAction.BACKUP_CREATE, backup)
                : Optional.empty();
        if (failure.isPresent()) {
            String reason = failure.get().reasonOr(CREATE_ABORTED);
            backup.fail(reason, now);
            volumes.finishBackup(backup.volumeId(), backup.snapshotId(), true);
            message(backup, MessageField.Action.BACKUP_CREATE, reason.equals(CREATE_ABORTED)
                    ? MessageField.Detail.BACKUP_SERVICE_DOWN
                    : MessageField.Detail.BACKUP_CREATE_DRIVER_ERROR);
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
            message(backup, MessageField.Action.BACKUP_RESTORE, MessageField.Detail.BACKUP_RESTORE_ERROR);
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
            String reason = failure.get().reasonOr(DELETE_ABORTED);
            backup.failDeleting(reason, now);
            message(backup, MessageField.Action.BACKUP_DELETE, reason.equals(DELETE_ABORTED)
                    ? MessageField.Detail.BACKUP_SERVICE_DOWN
                    : MessageField.Detail.BACKUP_DELETE_DRIVER_ERROR);
            return;
        }
        if (backup.parentId() != null && backup.hasFinished()) {
            backups.findById(backup.parentId()).ifPresent(Backup::dependentRemoved);
        }
        backups.delete(backup);
    }

    /** {@code message_api.create_from_request_context}: the resource is the backup, for every action. */
    private void message(Backup backup, MessageField.Action action, MessageField.Detail detail) {
        messages.create(backup.projectId(), action, MessageField.VOLUME_BACKUP, backup.id(), detail);
    }

    private Optional<FailureOutcomes.Failure> failureOf(TransitionAction action, Backup backup) {
        return outcomes.getIfAvailable(() -> FailureOutcomes.NONE).failureOf(new FailureOutcomes.Work(action,
                backup.id(), backup.projectId(), backup.volumeId(), backup.name()));
    }

    private String zone() {
        return properties.cloud().availabilityZone();
    }
}
