package dev.cinderemulator.backup;

import org.springframework.stereotype.Component;

import dev.cinderemulator.web.CinderException;
import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.config.EmulatorProperties.Quotas;
import dev.cinderemulator.store.ProjectLocks;
import dev.cinderemulator.store.QuotaUsage;

/**
 * The {@code backups} and {@code backup_gigabytes} quotas, counted from the rows (not at all when a
 * limit is -1, unlimited, as in Cinder: so an unlimited project's creates cost no scan). The create API
 * does not catch these, so they reach the client as FaultWrapper renders them: class name first.
 * The check runs under the project's lock, so concurrent creates can't overshoot the limit.
 */
@Component
class BackupQuotas {

    private final Backups backups;
    private final ProjectLocks locks;
    private final EmulatorProperties.Quotas limits;

    BackupQuotas(Backups backups, ProjectLocks locks, EmulatorProperties properties) {
        this.backups = backups;
        this.locks = locks;
        this.limits = properties.quotas();
    }

    /** Holds the project's quota lock for the rest of the transaction (take it before changing anything). */
    void lock(String projectId) {
        locks.lock(projectId);
    }

    void reserve(String projectId, int size) {
        locks.lock(projectId);
        if (!Quotas.enforced(limits.backupGigabytes()) && !Quotas.enforced(limits.backups())) {
            return;
        }
        QuotaUsage usage = backups.usageOf(projectId);
        if (Quotas.enforced(limits.backupGigabytes()) && usage.gigabytes() + size > limits.backupGigabytes()) {
            throw CinderException.overLimit("VolumeBackupSizeExceedsAvailableQuota: Requested backup exceeds allowed "
                    + "Backup gigabytes quota. Requested " + size + "G, quota is " + limits.backupGigabytes()
                    + "G and " + usage.gigabytes() + "G has been consumed.");
        }
        if (Quotas.enforced(limits.backups()) && usage.resources() + 1 > limits.backups()) {
            throw CinderException.overLimit("BackupLimitExceeded: Maximum number of backups allowed ("
                    + limits.backups() + ") exceeded");
        }
    }
}
