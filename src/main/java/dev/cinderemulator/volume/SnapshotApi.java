package dev.cinderemulator.volume;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.cinderemulator.engine.EmulatorClock;
import dev.cinderemulator.engine.IdGenerator;
import dev.cinderemulator.engine.TransitionAction;
import dev.cinderemulator.engine.TransitionScheduler;
import dev.cinderemulator.web.CinderException;
import dev.cinderemulator.web.CinderRequest;

/**
 * Cinder's volume API ({@code cinder/volume/api.py}) for snapshots: create, update and delete,
 * each checked as Cinder checks it before the volume service's work is scheduled.
 */
@Service
@Transactional
class SnapshotApi {

    private final Snapshots snapshots;
    private final VolumeApi volumes;
    private final VolumeQuotas quotas;
    private final TransitionScheduler scheduler;
    private final EmulatorClock clock;
    private final IdGenerator ids;

    SnapshotApi(Snapshots snapshots, VolumeApi volumes, VolumeQuotas quotas, TransitionScheduler scheduler,
            EmulatorClock clock, IdGenerator ids) {
        this.snapshots = snapshots;
        this.volumes = volumes;
        this.quotas = quotas;
        this.scheduler = scheduler;
        this.clock = clock;
        this.ids = ids;
    }

    @Transactional(readOnly = true)
    Snapshot snapshot(CinderRequest request, String id) {
        Optional<Snapshot> snapshot = request.isAdmin() ? snapshots.findById(id)
                : snapshots.findByIdAndProjectId(id, request.projectId());
        return snapshot.orElseThrow(() -> CinderException.notFound("Snapshot " + id + " could not be found."));
    }

    /**
     * {@code volume/api.py create_snapshot_in_db}: the volume's checks, then the quota. In-use
     * volumes need {@code force} before 3.66 and are simply allowed from it.
     */
    Snapshot createSnapshot(CinderRequest request, String volumeId, boolean allowInUse, String name,
            String description, Map<String, String> metadata) {
        Volume volume = volumes.volume(request, volumeId);
        volume.checkSnapshotSource(allowInUse);
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
        snapshots.lockForUpdate(snapshot);
        snapshot.describe(nameGiven ? name : snapshot.name(), descriptionGiven ? description : snapshot.description(),
                clock.now());
        return snapshot;
    }

    Map<String, String> updateMetadata(CinderRequest request, String id, Map<String, String> changes,
            boolean replace) {
        Snapshot snapshot = snapshot(request, id);
        snapshots.lockForUpdate(snapshot);
        snapshot.changeMetadata(changes, replace, clock.now());
        return snapshot.metadata();
    }

    void deleteMetadata(CinderRequest request, String id, String key) {
        Snapshot snapshot = snapshot(request, id);
        if (!snapshot.metadata().containsKey(key)) {
            throw CinderException.notFound("Snapshot " + id + " has no metadata with key " + key + ".");
        }
        snapshots.lockForUpdate(snapshot);
        snapshot.deleteMetadata(key, clock.now());
    }

    /** {@code admin_actions.py} for snapshots: found, the policy, then the new status. */
    void resetStatus(CinderRequest request, String id, String status) {
        Snapshot snapshot = snapshot(request, id);
        if (!request.isAdmin()) {
            throw CinderException.policy("volume_extension:snapshot_admin_actions:reset_status");
        }
        snapshots.lockForUpdate(snapshot);
        snapshot.resetStatus(SnapshotStatus.of(status), clock.now());
    }

    void forceDelete(CinderRequest request, String id) {
        Snapshot snapshot = snapshot(request, id);
        if (!request.isAdmin()) {
            throw CinderException.policy("volume_extension:snapshot_admin_actions:force_delete");
        }
        snapshots.lockForUpdate(snapshot);
        snapshot.forceDeleting(clock.now());
        scheduler.schedule(TransitionAction.SNAPSHOT_DELETE, id);
    }

    /** {@code os-update_snapshot_status}: any member of the project (a driver's call in Cinder). */
    void reportStatus(CinderRequest request, String id, String status, String progress) {
        Snapshot snapshot = snapshot(request, id);
        snapshots.lockForUpdate(snapshot);
        snapshot.reportStatus(status, progress, clock.now());
    }

    void deleteSnapshot(CinderRequest request, String id) {
        Snapshot snapshot = snapshot(request, id);
        snapshot.startDeleting(clock.now());
        scheduler.schedule(TransitionAction.SNAPSHOT_DELETE, id);
    }
}
