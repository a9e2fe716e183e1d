package dev.cinderemulator.backup;

import org.springframework.stereotype.Component;

import dev.cinderemulator.api.CinderException;
import dev.cinderemulator.config.EmulatorProperties;

/**
 * The {@code backups} and {@code backup_gigabytes} quotas, counted from the rows. The create API
 * does not catch these, so they reach the client as FaultWrapper renders them: class name first.
 */
@Component
class BackupQuotas {

    private final Backups backups;
    private final EmulatorProperties.Quotas limits;

    BackupQuotas(Backups backups, EmulatorProperties properties) {
        this.backups = backups;
        this.limits = properties.quotas();
    }

    void reserve(String projectId, int size) {
        long consumed = backups.sumSizeByProjectId(projectId);
        if (consumed + size > limits.backupGigabytes()) {
            throw CinderException.overLimit("VolumeBackupSizeExceedsAvailableQuota: Requested backup exceeds allowed "
                    + "Backup gigabytes quota. Requested " + size + "G, quota is " + limits.backupGigabytes()
                    + "G and " + consumed + "G has been consumed.");
        }
        if (backups.countByProjectId(projectId) + 1 > limits.backups()) {
            throw CinderException.overLimit("BackupLimitExceeded: Maximum number of backups allowed ("
                    + limits.backups() + ") exceeded");
        }
    }
}
