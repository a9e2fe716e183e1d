package dev.cinderemulator.volume;

import org.springframework.stereotype.Component;

import dev.cinderemulator.api.CinderException;
import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.config.EmulatorProperties.Quotas;
import dev.cinderemulator.store.ProjectLocks;

/**
 * The {@code volumes}, {@code snapshots} and {@code gigabytes} quotas, counted from the rows
 * themselves so usage can never drift from what exists (a limit of -1 is unlimited, as in Cinder,
 * and counts nothing), under the project's lock so that
 * concurrent creates can't both pass the same check. Uncaught quota errors carry the exception
 * class name, as Cinder's FaultWrapper renders them; restore catches them and drops it.
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
        if (Quotas.enforced(limits.volumes()) && volumes.countByProjectId(projectId) + 1 > limits.volumes()) {
            throw CinderException.overLimit((withClassName ? "VolumeLimitExceeded: " : "")
                    + "Maximum number of volumes allowed (" + limits.volumes() + ") exceeded for quota 'volumes'.");
        }
        reserveGigabytes(projectId, size, withClassName);
    }

    void reserveSnapshot(String projectId, int size) {
        locks.lock(projectId);
        if (Quotas.enforced(limits.snapshots()) && snapshots.countByProjectId(projectId) + 1 > limits.snapshots()) {
            throw CinderException.overLimit("SnapshotLimitExceeded: Maximum number of snapshots allowed ("
                    + limits.snapshots() + ") exceeded");
        }
        reserveGigabytes(projectId, size, true);
    }

    private void reserveGigabytes(String projectId, int size, boolean withClassName) {
        if (!Quotas.enforced(limits.gigabytes())) {
            return;
        }
        long consumed = volumes.sumSizeByProjectId(projectId) + snapshots.sumSizeByProjectId(projectId);
        if (consumed + size > limits.gigabytes()) {
            throw CinderException.overLimit((withClassName ? "VolumeSizeExceedsAvailableQuota: " : "")
                    + "Requested volume or snapshot exceeds allowed gigabytes quota. Requested " + size
                    + "G, quota is " + limits.gigabytes() + "G and " + consumed + "G has been consumed.");
        }
    }
}
