package dev.cinderemulator.backup;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.cinderemulator.web.CinderException;
import dev.cinderemulator.web.CinderRequest;
import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.engine.EmulatorClock;
import dev.cinderemulator.engine.IdGenerator;
import dev.cinderemulator.engine.TransitionAction;
import dev.cinderemulator.engine.TransitionScheduler;
import dev.cinderemulator.service.CinderServices;
import dev.cinderemulator.volume.BackupVolumes;
import dev.cinderemulator.volume.BackupVolumes.SnapshotValue;
import dev.cinderemulator.volume.BackupVolumes.VolumeValue;

/**
 * Cinder's backup API ({@code cinder/backup/api.py}): checks run in Cinder's order, so the same bad
 * request gets the same error, then the row is written and the backup manager's work scheduled.
 */
@Service
@Transactional
class BackupApi {

    private final Backups backups;
    private final BackupQuotas quotas;
    private final BackupVolumes volumes;
    private final TransitionScheduler scheduler;
    private final EmulatorClock clock;
    private final EmulatorProperties properties;
    private final IdGenerator ids;
    private final CinderServices services;

    BackupApi(Backups backups, BackupQuotas quotas, BackupVolumes volumes, TransitionScheduler scheduler,
            EmulatorClock clock, EmulatorProperties properties, IdGenerator ids, CinderServices services) {
        this.services = services;
        this.backups = backups;
        this.quotas = quotas;
        this.volumes = volumes;
        this.scheduler = scheduler;
        this.clock = clock;
        this.properties = properties;
        this.ids = ids;
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
        VolumeValue volume = volumes.volume(request, draft.volumeId());
        SnapshotValue snapshot = null;
        if (draft.snapshotId() != null) {
            snapshot = volumes.snapshot(request, draft.snapshotId());
            if (!snapshot.volumeId().equals(volume.id())) {
                throw CinderException.badRequest("Invalid volume: Volume " + volume.id()
                        + " does not match with snapshot.volume_id " + snapshot.volumeId() + ".");
            }
        }
        LocalDateTime now = clock.now();
        volumes.startBackup(volume.id(), snapshot == null ? null : snapshot.id(), draft.force());
        quotas.reserve(request.projectId(), volume.size());
        String parentId = null;
        if (draft.incremental()) {
            Backup parent = latestParent(request, volume, snapshot);
            backups.forceVersionIncrement(parent);
            parentId = parent.id();
        }
        LocalDateTime dataTimestamp = snapshot != null ? snapshot.createdAt() : now;
        Backup backup = Backup.creating(ids.newId(), request.projectId(), request.userId(),
                volume.id(), volume.size(), dataTimestamp, now);
        backup.describe(draft.name(), draft.description(), now);
        // backup/api.py create() uses the requested zone only to choose a backup host; the row keeps
        // availability_zone empty (an import is what fills it in).
        backup.source(snapshot == null ? null : snapshot.id(), parentId, draft.container(), null);
        backup.replaceMetadata(draft.metadata(), now);
        if (draft.availabilityZone() == null || draft.availabilityZone().equals(zone())) {
            backup.assignService(properties.cloud().backupService(), BackupManager.BACKUP_HOST);
        }
        backups.save(backup);
        scheduler.schedule(TransitionAction.BACKUP_CREATE, backup.id());
        return backup;
    }

    /**
     * The parent of an incremental, as {@code backup/api.py create()} picks it: the volume's backup
     * with the latest data timestamp whatever its status (for a snapshot backup, only backups older
     * than the snapshot count; when none is, Python's {@code max} keeps the first one listed). A
     * parent that is not available refuses the incremental.
     */
    private Backup latestParent(CinderRequest request, VolumeValue volume, SnapshotValue snapshot) {
        List<Backup> candidates = backups.findByVolumeIdAndProjectId(volume.id(), request.projectId()).stream()
                .sorted(Comparator.comparing(Backup::createdAt)).toList();
        if (candidates.isEmpty()) {
            throw Backup.invalid("No backups available to do an incremental backup.");
        }
        Backup latest = candidates.get(0);
        for (Backup candidate : candidates) {
            if (parentKey(candidate, snapshot).isAfter(parentKey(latest, snapshot))) {
                latest = candidate;
            }
        }
        if (!latest.canBeParent()) {
            throw Backup.invalid("The parent backup must be available for incremental backup.");
        }
        return latest;
    }

    private static LocalDateTime parentKey(Backup candidate, SnapshotValue snapshot) {
        LocalDateTime timestamp = candidate.dataTimestamp();
        return timestamp != null && (snapshot == null || timestamp.isBefore(snapshot.createdAt())) ? timestamp
                : LocalDateTime.MIN;
    }

    Backup update(CinderRequest request, String id, BackupChanges changes) {
        Backup backup = backup(request, id);
        backups.lockForUpdate(backup);
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
        requireBackupService();
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
        VolumeValue target = volumeId == null ? volumes.createRestoreTarget(request, id, backup.size(), name)
                : volumes.volume(request, volumeId);
        requireBackupService();
        volumes.startRestore(target.id(), backup.size());
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
        requireBackupService();
        return BackupRecord.encode(backup);
    }

    Backup importRecord(CinderRequest request, String backupService, String backupUrl) {
        if (!request.isAdmin()) {
            throw CinderException.policy("backup:backup-import");
        }
        // import_record sends the record to the first enabled backup host; with none, not found.
        if (!services.backupServiceAvailable()) {
            throw CinderException.notFound("Service " + backupService + " could not be found.");
        }
        BackupRecord record = BackupRecord.decode(backupUrl);
        // backup/api.py import_record reserves backups and backup_gigabytes before it looks the id up.
        quotas.lock(request.projectId());
        quotas.reserve(request.projectId(), record.size());
        if (backups.existsById(record.id())) {
            throw Backup.invalid("Backup already exists in database.");
        }
        LocalDateTime now = clock.now();
        Backup backup = Backup.importing(record.id(), request.projectId(), request.userId(), now);
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
        requireBackupService();
        if (backup.service() != null) {
            backup.resetStatus(BackupStatus.of(status), clock.now());
        }
    }

    /**
     * {@code _get_available_backup_service_host}: delete, restore, reset-status and export need an
     * enabled cinder-backup; without one the API answers 404 (the request's changes are rolled back).
     */
    private void requireBackupService() {
        if (!services.backupServiceAvailable()) {
            throw CinderException.notFound("Service cinder-backup could not be found.");
        }
    }

    private String zone() {
        return properties.cloud().availabilityZone();
    }

    record RestoreResult(String backupId, String volumeId, String volumeName) {
    }
}
