package dev.cinderemulator.volume;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.cinderemulator.api.CinderException;
import dev.cinderemulator.api.CinderRequest;
import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.lifecycle.EmulatorClock;
import dev.cinderemulator.lifecycle.FailureOutcomes;
import dev.cinderemulator.lifecycle.IdGenerator;
import dev.cinderemulator.lifecycle.Transition;
import dev.cinderemulator.lifecycle.TransitionAction;
import dev.cinderemulator.lifecycle.TransitionHandler;
import dev.cinderemulator.lifecycle.TransitionScheduler;

/**
 * Cinder's volume API and volume service for what backups need. Lookups are project-scoped for
 * non-admins, so another project's volume is "not found", never "forbidden". Other features reach
 * volumes and snapshots only through this class.
 */
@Service
@Transactional
public class VolumeService implements TransitionHandler {

    public static final String DEFAULT_VOLUME_TYPE = "__DEFAULT__";

    private final Volumes volumes;
    private final Snapshots snapshots;
    private final VolumeQuotas quotas;
    private final TransitionScheduler scheduler;
    private final EmulatorClock clock;
    private final EmulatorProperties properties;
    private final IdGenerator ids;
    private final ObjectProvider<FailureOutcomes> outcomes;

    VolumeService(Volumes volumes, Snapshots snapshots, VolumeQuotas quotas, TransitionScheduler scheduler,
            EmulatorClock clock, EmulatorProperties properties, IdGenerator ids,
            ObjectProvider<FailureOutcomes> outcomes) {
        this.volumes = volumes;
        this.snapshots = snapshots;
        this.quotas = quotas;
        this.scheduler = scheduler;
        this.clock = clock;
        this.properties = properties;
        this.ids = ids;
        this.outcomes = outcomes;
    }

    @Transactional(readOnly = true)
    public Volume volume(CinderRequest request, String id) {
        Optional<Volume> volume = request.isAdmin() ? volumes.findById(id)
                : volumes.findByIdAndProjectId(id, request.projectId());
        return volume.orElseThrow(() -> CinderException.notFound("Volume " + id + " could not be found."));
    }

    @Transactional(readOnly = true)
    public Snapshot snapshot(CinderRequest request, String id) {
        Optional<Snapshot> snapshot = request.isAdmin() ? snapshots.findById(id)
                : snapshots.findByIdAndProjectId(id, request.projectId());
        return snapshot.orElseThrow(() -> CinderException.notFound("Snapshot " + id + " could not be found."));
    }

    @Transactional(readOnly = true)
    public Optional<Volume> findVolume(String id) {
        return volumes.findById(id);
    }

    Volume create(CinderRequest request, VolumeDraft draft) {
        quotas.reserveVolume(request.projectId(), draft.size(), true);
        LocalDateTime now = clock.now();
        Volume volume = new Volume(ids.newId(), request.projectId(), request.userId(), draft.size(),
                draft.availabilityZone(), DEFAULT_VOLUME_TYPE, now);
        volume.describe(draft.name(), draft.description(), now);
        volume.origin(draft.snapshotId(), draft.sourceVolumeId(), null, draft.bootable(), draft.multiattach());
        volume.replaceMetadata(draft.metadata(), now);
        volumes.save(volume);
        scheduler.schedule(TransitionAction.VOLUME_CREATE, volume.id());
        return volume;
    }

    Volume update(CinderRequest request, String id, String name, String description, Map<String, String> metadata,
            boolean nameGiven, boolean descriptionGiven) {
        Volume volume = volume(request, id);
        LocalDateTime now = clock.now();
        volume.describe(nameGiven ? name : volume.name(), descriptionGiven ? description : volume.description(), now);
        if (metadata != null) {
            volume.replaceMetadata(metadata, now);
        }
        return volume;
    }

    void delete(CinderRequest request, String id) {
        Volume volume = volume(request, id);
        volume.startDeleting(snapshots.existsByVolumeId(id), clock.now());
        scheduler.schedule(TransitionAction.VOLUME_DELETE, id);
    }

    void resetStatus(CinderRequest request, String id, String status) {
        Volume volume = volume(request, id);
        if (!request.isAdmin()) {
            throw CinderException.policy("volume_extension:volume_admin_actions:reset_status");
        }
        volume.resetStatus(status, clock.now());
    }

    Snapshot createSnapshot(CinderRequest request, String volumeId, boolean force, String name, String description,
            Map<String, String> metadata) {
        Volume volume = volume(request, volumeId);
        boolean ready = volume.status().equals("available") || (force && volume.status().equals("in-use"));
        if (!ready) {
            throw CinderException.badRequest("Invalid volume: Volume " + volumeId
                    + " status must be available, but current status is: " + volume.status() + ".");
        }
        quotas.reserveSnapshot(request.projectId(), volume.size());
        Snapshot snapshot = new Snapshot(ids.newId(), volume, request.userId(), name, description,
                metadata, clock.now());
        snapshots.save(snapshot);
        scheduler.schedule(TransitionAction.SNAPSHOT_CREATE, snapshot.id());
        return snapshot;
    }

    Snapshot updateSnapshot(CinderRequest request, String id, String name, String description, boolean nameGiven,
            boolean descriptionGiven) {
        Snapshot snapshot = snapshot(request, id);
        snapshot.describe(nameGiven ? name : snapshot.name(), descriptionGiven ? description : snapshot.description(),
                clock.now());
        return snapshot;
    }

    void deleteSnapshot(CinderRequest request, String id) {
        Snapshot snapshot = snapshot(request, id);
        snapshot.startDeleting(clock.now());
        scheduler.schedule(TransitionAction.SNAPSHOT_DELETE, id);
    }

    /** Checks and marks the source of a new backup; with a snapshot, only the snapshot is touched. */
    public void startBackup(Volume volume, Snapshot snapshot, boolean force) {
        LocalDateTime now = clock.now();
        if (snapshot != null) {
            snapshot.checkBackupSource();
            snapshot.startBackingUp(now);
        } else {
            volume.checkBackupSource(force);
            volume.startBackingUp(now);
        }
    }

    public void finishBackup(String volumeId, String snapshotId, boolean failed) {
        LocalDateTime now = clock.now();
        if (snapshotId != null) {
            snapshots.findById(snapshotId).ifPresent(snapshot -> snapshot.finishBackingUp(now));
        } else {
            volumes.findById(volumeId).ifPresent(volume -> volume.finishBackingUp(failed, now));
        }
    }

    /**
     * Restore without a target: Cinder creates {@code restore_backup_<id>} of the backup's size and
     * blocks until it is available, so it is created available here; quota errors lose their class
     * name because restore catches them.
     */
    public Volume createRestoreTarget(CinderRequest request, String backupId, int size, String name) {
        quotas.reserveVolume(request.projectId(), size, false);
        LocalDateTime now = clock.now();
        Volume volume = new Volume(ids.newId(), request.projectId(), request.userId(), size,
                properties.cloud().availabilityZone(), DEFAULT_VOLUME_TYPE, now);
        volume.describe(name != null ? name : "restore_backup_" + backupId, "auto-created_from_restore_from_backup",
                now);
        volume.finishCreating(now);
        return volumes.save(volume);
    }

    public void startRestore(Volume target, int backupSize) {
        target.checkRestoreTarget(backupSize);
        target.startRestoring(clock.now());
    }

    public void finishRestore(String volumeId, RestoredContent content) {
        volumes.findById(volumeId).ifPresent(volume -> volume.finishRestoring(content, clock.now()));
    }

    public void failRestore(String volumeId) {
        volumes.findById(volumeId).ifPresent(volume -> volume.failRestoring(clock.now()));
    }

    @Override
    public Set<TransitionAction> handles() {
        return Set.of(TransitionAction.VOLUME_CREATE, TransitionAction.VOLUME_DELETE, TransitionAction.SNAPSHOT_CREATE,
                TransitionAction.SNAPSHOT_DELETE);
    }

    /** The volume service's side; a fault rule may make the work end as Cinder's failures do. */
    @Override
    public void complete(Transition transition) {
        LocalDateTime now = clock.now();
        String id = transition.resourceId();
        TransitionAction action = transition.action();
        switch (action) {
            case VOLUME_CREATE -> volumes.findById(id).filter(volume -> volume.status().equals("creating"))
                    .ifPresent(volume -> {
                        if (fails(action, volume.id(), volume.projectId(), volume.id())) {
                            volume.failCreating(now);
                        } else {
                            volume.finishCreating(now);
                        }
                    });
            case VOLUME_DELETE -> volumes.findById(id).filter(volume -> volume.status().equals("deleting"))
                    .ifPresent(volume -> {
                        if (fails(action, volume.id(), volume.projectId(), volume.id())) {
                            volume.failDeleting(now);
                        } else {
                            volumes.delete(volume);
                        }
                    });
            case SNAPSHOT_CREATE -> snapshots.findById(id).filter(snapshot -> snapshot.status().equals("creating"))
                    .ifPresent(snapshot -> {
                        if (fails(action, snapshot.id(), snapshot.projectId(), snapshot.volumeId())) {
                            snapshot.fail("error", now);
                        } else {
                            snapshot.finishCreating(now);
                        }
                    });
            case SNAPSHOT_DELETE -> snapshots.findById(id).filter(snapshot -> snapshot.status().equals("deleting"))
                    .ifPresent(snapshot -> {
                        if (fails(action, snapshot.id(), snapshot.projectId(), snapshot.volumeId())) {
                            snapshot.fail("error_deleting", now);
                        } else {
                            snapshots.delete(snapshot);
                        }
                    });
            default -> throw new IllegalStateException("Not a volume transition: " + action);
        }
    }

    private boolean fails(TransitionAction action, String resourceId, String projectId, String volumeId) {
        return outcomes.getIfAvailable(() -> FailureOutcomes.NONE)
                .failureOf(new FailureOutcomes.Work(action, resourceId, projectId, volumeId, null)).isPresent();
    }
}
