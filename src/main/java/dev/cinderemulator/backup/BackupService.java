package dev.cinderemulator.backup;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.cinderemulator.web.CinderException;
import dev.cinderemulator.web.CinderRequest;
import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.engine.EmulatorClock;
import dev.cinderemulator.engine.FailureOutcomes;
import dev.cinderemulator.engine.IdGenerator;
import dev.cinderemulator.engine.Transition;
import dev.cinderemulator.engine.TransitionAction;
import dev.cinderemulator.engine.TransitionHandler;
import dev.cinderemulator.engine.TransitionScheduler;
import dev.cinderemulator.volume.RestoredContent;
import dev.cinderemulator.volume.Snapshot;
import dev.cinderemulator.volume.Volume;
import dev.cinderemulator.volume.VolumeService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Cinder's backup API ({@code cinder/backup/api.py}) and, through the transitions it schedules,
 * its backup manager. Checks run in Cinder's order, so the same bad request gets the same error.
 */
@Service
@Transactional
class BackupService implements TransitionHandler {

    static final String BACKUP_HOST = "emulator@backup";
    static final String DEFAULT_CONTAINER = "volumebackups";
    /** The manager's texts for work that fails on purpose (a fault rule) rather than for a reason of its own. */
    static final String CREATE_ABORTED = "Create backup aborted due to backup service is down.";
    static final String DELETE_ABORTED = "Delete backup is aborted due to backup service is down.";

    private final Backups backups;
    private final BackupQuotas quotas;
    private final VolumeService volumes;
    private final TransitionScheduler scheduler;
    private final EmulatorClock clock;
    private final EmulatorProperties properties;
    private final IdGenerator ids;
    private final ObjectProvider<FailureOutcomes> outcomes;
    private final EntityManager entities;

    BackupService(Backups backups, BackupQuotas quotas, VolumeService volumes, TransitionScheduler scheduler,
            EmulatorClock clock, EmulatorProperties properties, IdGenerator ids,
            ObjectProvider<FailureOutcomes> outcomes, EntityManager entities) {
        this.backups = backups;
        this.quotas = quotas;
        this.volumes = volumes;
        this.scheduler = scheduler;
        this.clock = clock;
        this.properties = properties;
        this.ids = ids;
        this.outcomes = outcomes;
        this.entities = entities;
    }

    /** A project-scoped get for non-admins: someone else's backup is simply not found. */
    @Transactional(readOnly = true)
    Backup backup(CinderRequest request, String id) {
        Optional<Backup> backup = request.isAdmin() ? backups.findById(id)
                : backups.findByIdAndProjectId(id, request.projectId());
        return backup.orElseThrow(() -> notFound(id));
    }

    static CinderException notFound(String id) {
        return CinderException.notFound("Backup " + id + " could not be found.");
    }

    Backup create(CinderRequest request, BackupDraft draft) {
        // Taken before anything changes, so the quota check below sees every committed backup.
        quotas.lock(request.projectId());
        Volume volume = volumes.volume(request, draft.volumeId());
        Snapshot snapshot = null;
        if (draft.snapshotId() != null) {
            snapshot = volumes.snapshot(request, draft.snapshotId());
            if (!snapshot.volumeId().equals(volume.id())) {
                throw CinderException.badRequest("Invalid volume: Volume " + volume.id()
                        + " does not match with snapshot.volume_id " + snapshot.volumeId() + ".");
            }
        }
        LocalDateTime now = clock.now();
        volumes.startBackup(volume, snapshot, draft.force());
        quotas.reserve(request.projectId(), volume.size());
        String parentId = null;
        if (draft.incremental()) {
            Backup parent = latestParent(request, volume, snapshot);
            // A new child must conflict with a concurrent delete of its parent, which checks for children.
            entities.lock(parent, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            parentId = parent.id();
        }
        LocalDateTime dataTimestamp = snapshot != null ? snapshot.createdAt() : now;
        Backup backup = Backup.creating(ids.newId(), request.projectId(), request.userId(),
                volume.id(), volume.size(), dataTimestamp, now);
        backup.describe(draft.name(), draft.description(), now);
        backup.source(snapshot == null ? null : snapshot.id(), parentId, draft.container(), draft.availabilityZone());
        backup.replaceMetadata(draft.metadata(), now);
        if (draft.availabilityZone() == null || draft.availabilityZone().equals(zone())) {
            backup.assignService(properties.cloud().backupService(), BACKUP_HOST);
        }
        backups.save(backup);
        scheduler.schedule(TransitionAction.BACKUP_CREATE, backup.id());
        return backup;
    }

    /**
     * The parent of an incremental: the available backup of the volume with the latest data
     * timestamp (older than the snapshot, for snapshot backups).
     */
    private Backup latestParent(CinderRequest request, Volume volume, Snapshot snapshot) {
        return backups.findByVolumeIdAndProjectId(volume.id(), request.projectId()).stream()
                .filter(Backup::canBeParent)
                .filter(candidate -> snapshot == null || candidate.dataTimestamp().isBefore(snapshot.createdAt()))
                .max(Comparator.comparing(Backup::dataTimestamp))
                .orElseThrow(() -> Backup.invalid("No backups available to do an incremental backup."));
    }

    Backup update(CinderRequest request, String id, BackupChanges changes) {
        Backup backup = backup(request, id);
        // Concurrent updates of one backup queue on its row instead of failing each other's version check.
        entities.refresh(backup, LockModeType.PESSIMISTIC_WRITE);
        LocalDateTime now = clock.now();
        backup.describe(changes.nameGiven() ? changes.name() : backup.name(),
                changes.descriptionGiven() ? changes.description() : backup.description(), now);
        if (changes.metadata() != null) {
            backup.replaceMetadata(changes.metadata(), now);
        }
        return backup;
    }

    void delete(CinderRequest request, String id) {
        Backup backup = backup(request, id);
        startDeleting(backup, false);
    }

    void forceDelete(CinderRequest request, String id) {
        Backup backup = backup(request, id);
        if (!request.isAdmin()) {
            throw CinderException.policy("volume_extension:backup_admin_actions:force_delete");
        }
        startDeleting(backup, true);
    }

    private void startDeleting(Backup backup, boolean force) {
        BackupStatus before = backup.status();
        backup.startDeleting(force, clock.now());
        if (backups.existsByParentId(backup.id())) {
            throw Backup.invalid("Incremental backups exist for this backup.");
        }
        // Work still in flight for this backup is aborted, and what it held is let go.
        scheduler.cancelFor(backup.id());
        if (before == BackupStatus.CREATING) {
            volumes.finishBackup(backup.volumeId(), backup.snapshotId(), true);
        } else if (before == BackupStatus.RESTORING && backup.restoreVolumeId() != null) {
            volumes.failRestore(backup.restoreVolumeId());
        }
        scheduler.schedule(TransitionAction.BACKUP_DELETE, backup.id());
    }

    RestoreResult restore(CinderRequest request, String id, String volumeId, String name) {
        Backup backup = backup(request, id);
        backup.checkRestorable();
        Volume target = volumeId == null ? volumes.createRestoreTarget(request, id, backup.size(), name)
                : volumes.volume(request, volumeId);
        volumes.startRestore(target, backup.size());
        backup.startRestoring(target.id(), clock.now());
        scheduler.schedule(TransitionAction.BACKUP_RESTORE, backup.id());
        return new RestoreResult(id, target.id(), target.name());
    }

    String export(CinderRequest request, String id) {
        Backup backup = backup(request, id);
        if (!request.isAdmin()) {
            throw CinderException.policy("backup:export-import");
        }
        backup.checkExportable();
        return BackupRecord.encode(backup);
    }

    Backup importRecord(CinderRequest request, String backupUrl) {
        if (!request.isAdmin()) {
            throw CinderException.policy("backup:backup-import");
        }
        BackupRecord record = BackupRecord.decode(backupUrl);
        // backup/api.py import_record reserves backups and backup_gigabytes before it looks the id up.
        quotas.lock(request.projectId());
        quotas.reserve(request.projectId(), record.size());
        if (backups.existsById(record.id())) {
            throw Backup.invalid("Backup already exists in database.");
        }
        LocalDateTime now = clock.now();
        Backup backup = Backup.creating(record.id(), request.projectId(), request.userId(), Backup.IMPORT_VOLUME_ID,
                record.size(), now, now);
        backup.awaitImport(backupUrl);
        backups.save(backup);
        scheduler.schedule(TransitionAction.BACKUP_IMPORT, backup.id());
        return backup;
    }

    /** {@code os-reset_status}: applied by the manager, which ignores backups that never reached a host. */
    void resetStatus(CinderRequest request, String id, String status) {
        Backup backup = backup(request, id);
        if (!request.isAdmin()) {
            throw CinderException.policy("volume_extension:backup_admin_actions:reset_status");
        }
        if (backup.service() != null) {
            backup.resetStatus(BackupStatus.of(status), clock.now());
        }
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
        int size = volumes.findVolume(backup.volumeId()).map(Volume::size).orElse(backup.size());
        if (backup.finishCreating(size, zone(), DEFAULT_CONTAINER, now) && backup.parentId() != null) {
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
            Optional<Volume> source = volumes.findVolume(backup.volumeId());
            volumes.finishRestore(backup.restoreVolumeId(), new RestoredContent(backup.id(), backup.volumeId(),
                    source.map(Volume::name).orElse(null), source.map(Volume::description).orElse(null),
                    source.map(Volume::metadata).orElse(Map.of()), source.map(Volume::bootable).orElse(false)));
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

    record RestoreResult(String backupId, String volumeId, String volumeName) {
    }
}
