package dev.cinderemulator.volume;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.cinderemulator.engine.Resettable;
import dev.cinderemulator.engine.TransitionAction;
import dev.cinderemulator.engine.TransitionScheduler;

/**
 * What the emulator's control API may do to volumes and snapshots beyond Cinder's own API: load
 * them in any status with chosen ids and timestamps, export them, and delete them wholesale.
 * Quotas are not checked for loaded resources. A volume or snapshot loaded in {@code creating} or
 * {@code deleting} gets its pending transition, so it finishes as if the API had started it.
 */
@Component
@Transactional
@Order(20)
public class VolumeControl implements Resettable {

    public static final Set<String> VOLUME_STATUSES = Set.copyOf(VolumeStatus.NAMES);
    public static final Set<String> SNAPSHOT_STATUSES = SnapshotStatus.NAMES;

    private final Volumes volumes;
    private final Snapshots snapshots;
    private final VolumeTypes types;
    private final QosSpecsTable qosSpecs;
    private final VolumeTransfers transfers;
    private final TransitionScheduler scheduler;

    VolumeControl(Volumes volumes, Snapshots snapshots, VolumeTypes types, QosSpecsTable qosSpecs,
            VolumeTransfers transfers, TransitionScheduler scheduler) {
        this.qosSpecs = qosSpecs;
        this.transfers = transfers;
        this.volumes = volumes;
        this.types = types;
        this.snapshots = snapshots;
        this.scheduler = scheduler;
    }

    @Transactional(readOnly = true)
    public Optional<VolumeFixture> findVolume(String id) {
        return volumes.findById(id).map(Volume::fixture);
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return volumes.count() == 0 && snapshots.count() == 0;
    }

    @Transactional(readOnly = true)
    public boolean snapshotExists(String id) {
        return snapshots.existsById(id);
    }

    /** Runs inside the caller's transaction, so a fixture document is loaded whole or not at all. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void load(VolumeFixture fixture) {
        Volume volume = Volume.loaded(fixture);
        // A fixture names its type; volumes of a type that does not exist keep the name, without an id.
        volume.assignType(types.findByName(fixture.volumeType()).map(VolumeType::ref)
                .orElse(new VolumeTypeRef(null, fixture.volumeType())));
        volumes.save(volume);
        switch (VolumeStatus.of(fixture.status())) {
            case CREATING -> scheduler.schedule(TransitionAction.VOLUME_CREATE, fixture.id());
            case DELETING -> scheduler.schedule(TransitionAction.VOLUME_DELETE, fixture.id());
            default -> {
            }
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void load(SnapshotFixture fixture) {
        snapshots.save(Snapshot.loaded(fixture));
        switch (SnapshotStatus.of(fixture.status())) {
            case CREATING -> scheduler.schedule(TransitionAction.SNAPSHOT_CREATE, fixture.id());
            case DELETING -> scheduler.schedule(TransitionAction.SNAPSHOT_DELETE, fixture.id());
            default -> {
            }
        }
    }

    /** Oldest first; {@code projectId} null means every project. */
    @Transactional(readOnly = true)
    public List<VolumeFixture> volumes(String projectId) {
        return volumes.findOldestFirst(projectId).stream().map(Volume::fixture).toList();
    }

    @Transactional(readOnly = true)
    public List<SnapshotFixture> snapshots(String projectId) {
        return snapshots.findOldestFirst(projectId).stream().map(Snapshot::fixture).toList();
    }

    /** Deletes every volume and snapshot; the caller drops the pending transitions. */
    @Transactional(propagation = Propagation.MANDATORY)
    @Override
    public Map<String, Integer> resetAll() {
        int deletedSnapshots = snapshots.deleteAll();
        types.deleteAllButDefault();
        qosSpecs.deleteAll();
        transfers.deleteAll();
        types.resetDefault();
        return counts(volumes.deleteAll(), deletedSnapshots);
    }

    /** Deletes one project's volumes and snapshots and their pending work. */
    @Transactional(propagation = Propagation.MANDATORY)
    @Override
    public Map<String, Integer> resetProject(String projectId) {
        snapshots.findOldestFirst(projectId).forEach(snapshot -> scheduler.cancelFor(snapshot.id()));
        volumes.findOldestFirst(projectId).forEach(volume -> scheduler.cancelFor(volume.id()));
        transfers.deleteByProjectId(projectId);
        int deletedSnapshots = snapshots.deleteByProjectId(projectId);
        return counts(volumes.deleteByProjectId(projectId), deletedSnapshots);
    }

    private static Map<String, Integer> counts(int volumeCount, int snapshotCount) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("volumes", volumeCount);
        counts.put("snapshots", snapshotCount);
        return counts;
    }
}
