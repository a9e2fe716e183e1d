package dev.cinderemulator.volume;

import java.util.function.LongSupplier;

import org.springframework.stereotype.Component;

import dev.cinderemulator.web.CinderException;
import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.config.EmulatorProperties.Quotas;
import dev.cinderemulator.store.ProjectLocks;
import dev.cinderemulator.store.QuotaUsage;

/**
 * The {@code volumes}, {@code snapshots} and {@code gigabytes} quotas, counted from the rows
 * themselves (one query per kind, count and gigabytes together) so usage can never drift from
 * what exists, under the project's lock so that concurrent creates can't both pass the same
 * check. A limit of -1 is unlimited, as in Cinder, and counts nothing. Uncaught quota errors carry
 * the exception class name, as Cinder's FaultWrapper renders them; restore catches them and drops it.
 */
@Component
class VolumeQuotas {

    private final Volumes volumes;
    private final Snapshots snapshots;
    private final ProjectLocks locks;
    private final EmulatorProperties.Quotas limits;

    VolumeQuotas(Volumes volumes, Snapshots snapshots, ProjectLocks locks, EmulatorProperties properties) {
        this.volumes = volumes;
        this.snapshots = snapshots;
        this.locks = locks;
        this.limits = properties.quotas();
    }

    void reserveVolume(String projectId, int size, boolean withClassName) {
        locks.lock(projectId);
        if (!Quotas.enforced(limits.volumes()) && !Quotas.enforced(limits.gigabytes())) {
            return;
        }
        QuotaUsage held = volumes.usageOf(projectId);
        if (Quotas.enforced(limits.volumes()) && held.resources() + 1 > limits.volumes()) {
            throw CinderException.overLimit((withClassName ? "VolumeLimitExceeded: " : "")
                    + "Maximum number of volumes allowed (" + limits.volumes() + ") exceeded for quota 'volumes'.");
        }
        reserveGigabytes(() -> held.gigabytes() + snapshots.usageOf(projectId).gigabytes(), size, withClassName);
    }

    void reserveSnapshot(String projectId, int size) {
        locks.lock(projectId);
        if (!Quotas.enforced(limits.snapshots()) && !Quotas.enforced(limits.gigabytes())) {
            return;
        }
        QuotaUsage held = snapshots.usageOf(projectId);
        if (Quotas.enforced(limits.snapshots()) && held.resources() + 1 > limits.snapshots()) {
            throw CinderException.overLimit("SnapshotLimitExceeded: Maximum number of snapshots allowed ("
                    + limits.snapshots() + ") exceeded");
        }
        reserveGigabytes(() -> held.gigabytes() + volumes.usageOf(projectId).gigabytes(), size, true);
    }

    /** {@code volume/api.py _extend}: the size increase against {@code gigabytes}, with the class name. */
    void reserveExtension(String projectId, int increase) {
        locks.lock(projectId);
        reserveGigabytes(() -> volumes.usageOf(projectId).gigabytes() + snapshots.usageOf(projectId).gigabytes(),
                increase, true);
    }

    /** Volumes and snapshots share the {@code gigabytes} quota. */
    private void reserveGigabytes(LongSupplier consumedGigabytes, int size, boolean withClassName) {
        if (!Quotas.enforced(limits.gigabytes())) {
            return;
        }
        long consumed = consumedGigabytes.getAsLong();
        if (consumed + size > limits.gigabytes()) {
            throw CinderException.overLimit((withClassName ? "VolumeSizeExceedsAvailableQuota: " : "")
                    + "Requested volume or snapshot exceeds allowed gigabytes quota. Requested " + size
                    + "G, quota is " + limits.gigabytes() + "G and " + consumed + "G has been consumed.");
        }
    }
}
