package dev.cinderemulator.volume;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.springframework.stereotype.Component;

import dev.cinderemulator.config.EmulatorProperties.Quotas;
import dev.cinderemulator.quota.QuotaLimits;
import dev.cinderemulator.quota.QuotaUsages;
import dev.cinderemulator.store.ProjectLocks;
import dev.cinderemulator.store.QuotaUsage;
import dev.cinderemulator.web.CinderException;

/**
 * The {@code volumes}, {@code snapshots} and {@code gigabytes} quotas, counted from the rows
 * themselves (one query per kind, count and gigabytes together) so usage can never drift from
 * what exists, under the project's lock so that concurrent creates can't both pass the same
 * check. A limit of -1 is unlimited, as in Cinder, and counts nothing. Uncaught quota errors carry
 * the exception class name, as Cinder's FaultWrapper renders them; restore catches them and drops it.
 * The limits are the project's as the quota API last set them; the usage is what that API reports
 * (every volume here is of the {@code __DEFAULT__} type unless a fixture says otherwise).
 */
@Component
class VolumeQuotas implements QuotaUsages {

    private final Volumes volumes;
    private final Snapshots snapshots;
    private final ProjectLocks locks;
    private final QuotaLimits limits;

    VolumeQuotas(Volumes volumes, Snapshots snapshots, ProjectLocks locks, QuotaLimits limits) {
        this.volumes = volumes;
        this.snapshots = snapshots;
        this.locks = locks;
        this.limits = limits;
    }

    @Override
    public Map<String, Long> inUse(String projectId) {
        QuotaUsage volumeUsage = volumes.usageOf(projectId);
        QuotaUsage snapshotUsage = snapshots.usageOf(projectId);
        Map<String, Long> inUse = new LinkedHashMap<>();
        inUse.put(QuotaLimits.VOLUMES, volumeUsage.resources());
        inUse.put(QuotaLimits.SNAPSHOTS, snapshotUsage.resources());
        inUse.put(QuotaLimits.GIGABYTES, volumeUsage.gigabytes() + snapshotUsage.gigabytes());
        volumes.usageByType(projectId).forEach((type, usage) -> {
            inUse.put(QuotaLimits.perType(QuotaLimits.VOLUMES, type), usage.resources());
            inUse.merge(QuotaLimits.perType(QuotaLimits.GIGABYTES, type), usage.gigabytes(), Long::sum);
        });
        snapshots.usageByType(projectId).forEach((type, usage) -> {
            inUse.put(QuotaLimits.perType(QuotaLimits.SNAPSHOTS, type), usage.resources());
            inUse.merge(QuotaLimits.perType(QuotaLimits.GIGABYTES, type), usage.gigabytes(), Long::sum);
        });
        return inUse;
    }

    void reserveVolume(String projectId, int size, boolean withClassName) {
        locks.lock(projectId);
        // create_volume.py QuotaReserveTask: limit_check(per_volume_gigabytes=size) comes first.
        int perVolume = limits.limit(projectId, QuotaLimits.PER_VOLUME_GIGABYTES);
        if (Quotas.enforced(perVolume) && size > perVolume) {
            throw CinderException.overLimit((withClassName ? "VolumeSizeExceedsLimit: " : "")
                    + "Requested volume size " + size + "G is larger than maximum allowed limit " + perVolume + "G.");
        }
        int volumesLimit = limits.limit(projectId, QuotaLimits.VOLUMES);
        int gigabytesLimit = limits.limit(projectId, QuotaLimits.GIGABYTES);
        if (!Quotas.enforced(volumesLimit) && !Quotas.enforced(gigabytesLimit)) {
            return;
        }
        QuotaUsage held = volumes.usageOf(projectId);
        if (Quotas.enforced(volumesLimit) && held.resources() + 1 > volumesLimit) {
            throw CinderException.overLimit((withClassName ? "VolumeLimitExceeded: " : "")
                    + "Maximum number of volumes allowed (" + volumesLimit + ") exceeded for quota 'volumes'.");
        }
        reserveGigabytes(gigabytesLimit, () -> held.gigabytes() + snapshots.usageOf(projectId).gigabytes(), size,
                withClassName);
    }

    void reserveSnapshot(String projectId, int size) {
        locks.lock(projectId);
        int snapshotsLimit = limits.limit(projectId, QuotaLimits.SNAPSHOTS);
        int gigabytesLimit = limits.limit(projectId, QuotaLimits.GIGABYTES);
        if (!Quotas.enforced(snapshotsLimit) && !Quotas.enforced(gigabytesLimit)) {
            return;
        }
        QuotaUsage held = snapshots.usageOf(projectId);
        if (Quotas.enforced(snapshotsLimit) && held.resources() + 1 > snapshotsLimit) {
            throw CinderException.overLimit("SnapshotLimitExceeded: Maximum number of snapshots allowed ("
                    + snapshotsLimit + ") exceeded");
        }
        reserveGigabytes(gigabytesLimit, () -> held.gigabytes() + volumes.usageOf(projectId).gigabytes(), size, true);
    }

    /** {@code volume/api.py _extend}: the size increase against {@code gigabytes}, with the class name. */
    void reserveExtension(String projectId, int increase) {
        locks.lock(projectId);
        reserveGigabytes(limits.limit(projectId, QuotaLimits.GIGABYTES),
                () -> volumes.usageOf(projectId).gigabytes() + snapshots.usageOf(projectId).gigabytes(), increase,
                true);
    }

    /** Volumes and snapshots share the {@code gigabytes} quota. */
    private static void reserveGigabytes(int limit, LongSupplier consumedGigabytes, int size, boolean withClassName) {
        if (!Quotas.enforced(limit)) {
            return;
        }
        long consumed = consumedGigabytes.getAsLong();
        if (consumed + size > limit) {
            throw CinderException.overLimit((withClassName ? "VolumeSizeExceedsAvailableQuota: " : "")
                    + "Requested volume or snapshot exceeds allowed gigabytes quota. Requested " + size
                    + "G, quota is " + limit + "G and " + consumed + "G has been consumed.");
        }
    }
}
