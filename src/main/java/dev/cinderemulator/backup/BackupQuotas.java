package dev.cinderemulator.backup;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.cinderemulator.config.EmulatorProperties.Quotas;
import dev.cinderemulator.quota.QuotaLimits;
import dev.cinderemulator.quota.QuotaUsages;
import dev.cinderemulator.store.ProjectLocks;
import dev.cinderemulator.store.QuotaUsage;
import dev.cinderemulator.web.CinderException;

/**
 * The {@code backups} and {@code backup_gigabytes} quotas, counted from the rows (not at all when a
 * limit is -1, unlimited, as in Cinder: so an unlimited project's creates cost no scan). The create API
 * does not catch these, so they reach the client as FaultWrapper renders them: class name first.
 * The check runs under the project's lock, so concurrent creates can't overshoot the limit. The
 * limits are the project's as the quota API last set them; the usage is what the quota API reports.
 */
@Component
class BackupQuotas implements QuotaUsages {

    private final Backups backups;
    private final ProjectLocks locks;
    private final QuotaLimits quotaLimits;

    BackupQuotas(Backups backups, ProjectLocks locks, QuotaLimits quotaLimits) {
        this.backups = backups;
        this.locks = locks;
        this.quotaLimits = quotaLimits;
    }

    @Override
    public Map<String, Long> inUse(String projectId) {
        QuotaUsage usage = backups.usageOf(projectId);
        return Map.of(QuotaLimits.BACKUPS, usage.resources(), QuotaLimits.BACKUP_GIGABYTES, usage.gigabytes());
    }

    /** Holds the project's quota lock for the rest of the transaction (take it before changing anything). */
    void lock(String projectId) {
        locks.lock(projectId);
    }

    void reserve(String projectId, int size) {
        locks.lock(projectId);
        int gigabytesLimit = quotaLimits.limit(projectId, QuotaLimits.BACKUP_GIGABYTES);
        int backupsLimit = quotaLimits.limit(projectId, QuotaLimits.BACKUPS);
        if (!Quotas.enforced(gigabytesLimit) && !Quotas.enforced(backupsLimit)) {
            return;
        }
        QuotaUsage usage = backups.usageOf(projectId);
        if (Quotas.enforced(gigabytesLimit) && usage.gigabytes() + size > gigabytesLimit) {
            throw CinderException.overLimit("VolumeBackupSizeExceedsAvailableQuota: Requested backup exceeds allowed "
                    + "Backup gigabytes quota. Requested " + size + "G, quota is " + gigabytesLimit
                    + "G and " + usage.gigabytes() + "G has been consumed.");
        }
        if (Quotas.enforced(backupsLimit) && usage.resources() + 1 > backupsLimit) {
            throw CinderException.overLimit("BackupLimitExceeded: Maximum number of backups allowed ("
                    + backupsLimit + ") exceeded");
        }
    }
}
