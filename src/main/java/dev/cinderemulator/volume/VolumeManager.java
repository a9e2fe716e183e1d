package dev.cinderemulator.volume;

import java.time.LocalDateTime;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.cinderemulator.engine.EmulatorClock;
import dev.cinderemulator.engine.FailureOutcomes;
import dev.cinderemulator.engine.Transition;
import dev.cinderemulator.engine.TransitionAction;
import dev.cinderemulator.engine.TransitionHandler;
import dev.cinderemulator.message.MessageField;
import dev.cinderemulator.message.UserMessages;

/**
 * Cinder's volume service ({@code cinder/volume/manager.py}): finishes the volume and snapshot work
 * the API scheduled, or, when a fault rule says so, ends it in Cinder's failure statuses.
 */
@Service
@Transactional
class VolumeManager implements TransitionHandler {

    private final Volumes volumes;
    private final Snapshots snapshots;
    private final EmulatorClock clock;
    private final ObjectProvider<FailureOutcomes> outcomes;
    private final VolumeTypes types;
    private final UserMessages messages;

    VolumeManager(Volumes volumes, Snapshots snapshots, EmulatorClock clock, ObjectProvider<FailureOutcomes> outcomes,
            VolumeTypes types, UserMessages messages) {
        this.volumes = volumes;
        this.snapshots = snapshots;
        this.clock = clock;
        this.outcomes = outcomes;
        this.types = types;
        this.messages = messages;
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
            case VOLUME_CREATE -> volumes.findById(id).filter(Volume::isCreating)
                    .ifPresent(volume -> {
                        if (!schedulable(volume, now)) {
                            failScheduling(volume, now);
                        } else if (fails(action, volume.id(), volume.projectId(), volume.id())) {
                            volume.failCreating(now);
                        } else {
                            volume.finishCreating(now);
                        }
                    });
            case VOLUME_DELETE -> volumes.findById(id).filter(Volume::isDeleting)
                    .ifPresent(volume -> {
                        if (fails(action, volume.id(), volume.projectId(), volume.id())) {
                            volume.failDeleting(now);
                            return;
                        }
                        // A cascading delete takes the volume's deleting snapshots with it.
                        snapshots.findByVolumeId(id).stream()
                                .filter(Snapshot::isDeleting)
                                .forEach(snapshots::delete);
                        volumes.delete(volume);
                    });
            case SNAPSHOT_CREATE -> snapshots.findById(id).filter(Snapshot::isCreating)
                    .ifPresent(snapshot -> {
                        if (fails(action, snapshot.id(), snapshot.projectId(), snapshot.volumeId())) {
                            snapshot.failCreating(now);
                        } else {
                            snapshot.finishCreating(now);
                        }
                    });
            case SNAPSHOT_DELETE -> snapshots.findById(id).filter(Snapshot::isDeleting)
                    .ifPresent(snapshot -> {
                        if (fails(action, snapshot.id(), snapshot.projectId(), snapshot.volumeId())) {
                            snapshot.failDeleting(now);
                        } else {
                            snapshots.delete(snapshot);
                        }
                    });
            default -> throw new IllegalStateException("Not a volume transition: " + action);
        }
    }

    /**
     * The scheduler's filters before the volume service sees the volume: the one backend must
     * satisfy the type's extra specs ({@code CapabilitiesFilter}), else {@code NoValidBackend}.
     */
    private boolean schedulable(Volume volume, LocalDateTime now) {
        return volume.volumeTypeId() == null || types.findById(volume.volumeTypeId())
                .map(type -> EmulatedBackend.satisfies(
                        EmulatedBackend.poolCapabilities(volumes.findOldestFirst(null), now), type.extraSpecs()))
                .orElse(true);
    }

    /**
     * {@code scheduler/manager.py _set_volume_state_and_notify}: the volume goes to {@code error}
     * (its quota stays reserved, committed by the API) and the project gets the message
     * "schedule allocate volume:Could not find any available weighted backend."
     */
    private void failScheduling(Volume volume, LocalDateTime now) {
        volume.failCreating(now);
        messages.create(volume.projectId(), MessageField.Action.SCHEDULE_ALLOCATE_VOLUME, MessageField.VOLUME,
                volume.id(), MessageField.Detail.NO_BACKEND_AVAILABLE);
    }

    private boolean fails(TransitionAction action, String resourceId, String projectId, String volumeId) {
        return outcomes.getIfAvailable(() -> FailureOutcomes.NONE)
                .failureOf(new FailureOutcomes.Work(action, resourceId, projectId, volumeId, null)).isPresent();
    }
}
