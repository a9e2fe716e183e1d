package dev.cinderemulator.volume;

import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.cinderemulator.web.CinderException;
import dev.cinderemulator.web.CinderRequest;
import dev.cinderemulator.web.Microversions;
import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.engine.EmulatorClock;
import dev.cinderemulator.engine.IdGenerator;
import dev.cinderemulator.engine.TransitionAction;
import dev.cinderemulator.engine.TransitionScheduler;

/**
 * Cinder's volume API ({@code cinder/volume/api.py}) for volumes: the checks a request passes, in
 * Cinder's order, before the row is written and the volume service's work is scheduled. Lookups
 * are project-scoped for non-admins, so another project's volume is "not found", never "forbidden".
 */
@Service
@Transactional
class VolumeApi {

    private final Volumes volumes;
    private final Snapshots snapshots;
    private final VolumeQuotas quotas;
    private final TransitionScheduler scheduler;
    private final EmulatorClock clock;
    private final EmulatorProperties properties;
    private final IdGenerator ids;
    private final VolumeTypeApi types;

    VolumeApi(Volumes volumes, Snapshots snapshots, VolumeQuotas quotas, TransitionScheduler scheduler,
            EmulatorClock clock, EmulatorProperties properties, IdGenerator ids, VolumeTypeApi types) {
        this.types = types;
        this.volumes = volumes;
        this.snapshots = snapshots;
        this.quotas = quotas;
        this.scheduler = scheduler;
        this.clock = clock;
        this.properties = properties;
        this.ids = ids;
    }

    @Transactional(readOnly = true)
    Volume volume(CinderRequest request, String id) {
        Optional<Volume> volume = request.isAdmin() ? volumes.findById(id)
                : volumes.findByIdAndProjectId(id, request.projectId());
        return volume.orElseThrow(() -> CinderException.notFound("Volume " + id + " could not be found."));
    }

    /** {@code volume_types.get_by_name_or_id}, as the create request names the type. */
    VolumeTypeRef volumeType(CinderRequest request, String identity) {
        return types.byNameOrId(request, identity);
    }

    /**
     * {@code volume/api.py create} and the API create flow, check for check in Cinder's order:
     * the size, the sources, the size against the sources, the zone, then the quota.
     */
    Volume create(CinderRequest request, VolumeRequest ask) {
        Snapshot snapshot = ask.snapshot();
        Volume source = ask.source();
        String size = ask.size();
        if (size == null && snapshot != null) {
            size = Integer.toString(snapshot.size());
        } else if (size == null && source != null) {
            size = Integer.toString(source.size());
        }
        if (size != null && !isIntLike(size)) {
            throw CinderException.invalidInput("Invalid volume size provided for create request: " + size
                    + " (size argument must be an integer (or string representation of an integer) and greater "
                    + "than zero).");
        }
        if (size == null) {
            // provision_filter_on_size does int(None) for the default type: a TypeError, which
            // Cinder's resource handler turns into webob's bare 400.
            throw CinderException.badRequest("The server could not comply with the request since it is either "
                    + "malformed or otherwise incorrect.");
        }
        long sources = Stream.of(snapshot, source).filter(Objects::nonNull).count()
                + (ask.fromImage() ? 1 : 0);
        if (sources > 1) {
            throw CinderException.invalidInput("May specify only one of backup, imageRef, snapshot, source volume");
        }
        Volume snapshotVolume = snapshot == null ? null : volumes.findById(snapshot.volumeId()).orElse(null);
        if (snapshot != null) {
            snapshot.checkCloneSource();
        }
        if (source != null) {
            source.checkCloneSource();
        }
        int gigabytes = Integer.parseInt(size);
        if (source != null && gigabytes < source.size()) {
            throw CinderException.invalidInput("Volume size '" + gigabytes + "'GB cannot be smaller than original "
                    + "volume size  " + source.size() + "GB. They must be >= original volume size.");
        }
        if (source == null && snapshot != null && gigabytes < snapshot.size()) {
            throw CinderException.invalidInput("Volume size '" + gigabytes + "'GB cannot be smaller than the snapshot "
                    + "size " + snapshot.size() + "GB. They must be >= original snapshot size.");
        }
        String zone = ask.availabilityZone();
        if (zone == null && snapshotVolume != null) {
            zone = snapshotVolume.availabilityZone();
        }
        if (zone == null && source != null) {
            zone = source.availabilityZone();
        }
        if (zone == null) {
            zone = properties.cloud().availabilityZone();
        }
        if (!zone.equals(properties.cloud().availabilityZone())) {
            throw CinderException.badRequest("Availability zone '" + zone + "' is invalid.");
        }
        quotas.reserveVolume(request.projectId(), gigabytes, true);
        // EntryCreateTask copies bootable from the source volume or the snapshot's volume; the
        // volume service marks an image volume bootable, which the emulator does at once.
        boolean bootable = ask.fromImage() || (source != null && source.bootable())
                || (snapshotVolume != null && snapshotVolume.bootable());
        VolumeDraft draft = new VolumeDraft(gigabytes, ask.name(), ask.description(), zone, ask.metadata(),
                snapshot == null ? null : snapshot.id(), source == null ? null : source.id(), bootable);
        // The create flow's _extract_volume_type: the named type, else the source's, else the default.
        VolumeTypeRef type = ask.volumeType();
        if (type == null && source != null) {
            type = source.typeRef();
        }
        if (type == null && snapshotVolume != null) {
            type = snapshotVolume.typeRef();
        }
        Volume volume = new Volume(ids.newId(), request.projectId(), request.userId(), draft,
                type == null ? VolumeTypeRef.DEFAULT : type, clock.now());
        volumes.save(volume);
        scheduler.schedule(TransitionAction.VOLUME_CREATE, volume.id());
        return volume;
    }

    /** oslo's {@code strutils.is_int_like}: {@code "007"} is not, since it does not read back the same. */
    private static boolean isIntLike(String size) {
        try {
            return new BigInteger(size).toString().equals(size);
        } catch (NumberFormatException notInteger) {
            return false;
        }
    }

    Volume update(CinderRequest request, String id, String name, String description, Map<String, String> metadata,
            boolean nameGiven, boolean descriptionGiven) {
        Volume volume = volume(request, id);
        volumes.lockForUpdate(volume);
        volume.update(nameGiven ? name : volume.name(), descriptionGiven ? description : volume.description(),
                metadata, nameGiven || descriptionGiven || metadata != null, clock.now());
        return volume;
    }

    /**
     * {@code volume/api.py delete}: without cascade any snapshot blocks the delete; with cascade
     * they must all be available or error (unless forced) and go down with the volume.
     */
    void delete(CinderRequest request, String id, boolean cascade, boolean force) {
        Volume volume = volume(request, id);
        if (force && !request.isAdmin()) {
            throw CinderException.policy("volume:force_delete");
        }
        List<Snapshot> dependents = snapshots.findByVolumeId(id);
        boolean blocked = cascade ? !force && dependents.stream().anyMatch(snapshot -> !snapshot.isDeletable())
                : !dependents.isEmpty();
        LocalDateTime now = clock.now();
        volume.startDeleting(force, blocked, now);
        if (cascade) {
            dependents.forEach(snapshot -> snapshot.deleteWithVolume(now));
        }
        scheduler.schedule(TransitionAction.VOLUME_DELETE, id);
    }

    /** {@code admin_actions.py _reset_status}: found first, then the policy, then Cinder's refusals. */
    void resetStatus(CinderRequest request, String id, String status, String attachStatus) {
        Volume volume = volume(request, id);
        if (!request.isAdmin()) {
            throw CinderException.policy("volume_extension:volume_admin_actions:reset_status");
        }
        volume.resetStatus(status == null ? null : VolumeStatus.of(status), attachStatus, clock.now());
    }

    /** {@code admin_actions.py _force_delete}: found, the policy, then {@code delete(force=True)}. */
    void forceDelete(CinderRequest request, String id) {
        volume(request, id);
        if (!request.isAdmin()) {
            throw CinderException.policy("volume_extension:volume_admin_actions:force_delete");
        }
        delete(request, id, false, true);
    }

    /**
     * {@code volume_actions.py _extend}: from 3.42 an in-use volume goes through
     * {@code extend_attached_volume}; the size checks, the status, the per-volume limit (none
     * here) and then the {@code gigabytes} quota for the increase.
     */
    void extend(CinderRequest request, String id, int newSize) {
        Volume volume = volume(request, id);
        boolean attached = request.atLeast(Microversions.VOLUME_EXTEND_INUSE) && volume.status() == VolumeStatus.IN_USE;
        volume.checkExtend(newSize, attached);
        quotas.reserveExtension(volume.projectId(), newSize - volume.size());
        volumes.lockForUpdate(volume);
        volume.extend(newSize, clock.now());
    }

    void setBootable(CinderRequest request, String id, boolean bootable) {
        Volume volume = volume(request, id);
        volumes.lockForUpdate(volume);
        volume.markBootable(bootable, clock.now());
    }

    void updateReadonlyFlag(CinderRequest request, String id, boolean readonly) {
        Volume volume = volume(request, id);
        volumes.lockForUpdate(volume);
        volume.markReadonly(readonly, clock.now());
    }

    void reserve(CinderRequest request, String id) {
        Volume volume = volume(request, id);
        volumes.lockForUpdate(volume);
        volume.reserve(clock.now());
    }

    void unreserve(CinderRequest request, String id) {
        Volume volume = volume(request, id);
        volumes.lockForUpdate(volume);
        volume.unreserve(clock.now());
    }

    void beginDetaching(CinderRequest request, String id) {
        Volume volume = volume(request, id);
        volumes.lockForUpdate(volume);
        volume.beginDetaching(clock.now());
    }

    void rollDetaching(CinderRequest request, String id) {
        Volume volume = volume(request, id);
        volumes.lockForUpdate(volume);
        volume.rollDetaching(clock.now());
    }

    void attach(CinderRequest request, String id, VolumeAttachmentRequest attachment) {
        Volume volume = volume(request, id);
        volumes.lockForUpdate(volume);
        volume.attach(attachment, ids.newId(), clock.now());
    }

    /**
     * {@code volume/api.py detach}: {@code attachment_deletion_allowed} first, whose only refusal
     * here is an attachment of another volume (emulated attachments have no connection info).
     */
    void detach(CinderRequest request, String id, String attachmentId) {
        Volume volume = volume(request, id);
        if (attachmentId != null && !attachmentId.equals(volume.attachmentId())
                && volumes.findByAttachmentId(attachmentId).isPresent()) {
            throw CinderException.invalidInput("Mismatched volume and attachment");
        }
        volumes.lockForUpdate(volume);
        volume.detach(attachmentId, clock.now());
    }

    /** {@code volume/api.py retype}, status and type only: there is one backend to migrate within. */
    void retype(CinderRequest request, String id, String newType, String migrationPolicy) {
        Volume volume = volume(request, id);
        // Looked up with an elevated context: a private type needs no access here.
        VolumeTypeRef type = types.byNameOrId(request.projectId(), true, newType);
        volume.checkRetype(type);
        volumes.lockForUpdate(volume);
        volume.retype(type, clock.now());
    }

    @Transactional(readOnly = true)
    Map<String, String> metadata(CinderRequest request, String id) {
        return volume(request, id).metadata();
    }

    Map<String, String> updateMetadata(CinderRequest request, String id, Map<String, String> changes,
            boolean replace) {
        Volume volume = volume(request, id);
        volumes.lockForUpdate(volume);
        volume.changeMetadata(changes, replace, clock.now());
        return volume.metadata();
    }

    void deleteMetadata(CinderRequest request, String id, String key) {
        Volume volume = volume(request, id);
        if (!volume.metadata().containsKey(key)) {
            throw CinderException.notFound("Volume " + id + " has no metadata with key " + key + ".");
        }
        volumes.lockForUpdate(volume);
        volume.deleteMetadata(key, clock.now());
    }
}
