package dev.cinderemulator.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;


/** The backup status machine without Spring. */
class BackupTests {

    private final LocalDateTime now = LocalDateTime.of(2026, 11, 27, 10, 0);

    private Backup creating() {
        return Backup.creating("b", "p", "u", "v", 5, now, now);
    }

    @Test
    void onlyACreatingBackupFinishes() {
        Backup backup = creating();
        assertThat(backup.finishCreating(7, "volumebackups", now)).isTrue();
        assertThat(backup.status()).hasToString("available");
        assertThat(backup.size()).isEqualTo(7);
        assertThat(backup.finishCreating(9, "volumebackups", now)).isFalse();
        assertThat(backup.size()).isEqualTo(7);
    }

    @Test
    void deleteNeedsAvailableOrErrorUnlessForced() {
        Backup backup = creating();
        assertThatThrownBy(() -> backup.startDeleting(false, now)).isInstanceOf(InvalidBackup.class)
                .hasMessage("Invalid backup: Backup status must be available or error");
        backup.startDeleting(true, now);
        assertThat(backup.status()).hasToString("deleting");
    }

    @Test
    void restoreAndExportNeedAnAvailableBackup() {
        Backup backup = creating();
        assertThatThrownBy(() -> backup.startRestoring("t", now))
                .hasMessage("Invalid backup: Backup status must be available");
        backup.finishCreating(5, "c", now);
        backup.startRestoring("t", now);
        assertThatThrownBy(backup::checkExportable)
                .hasMessage("Invalid backup: Backup status must be available and not restoring.");
        backup.finishRestoring(now);
        assertThat(backup.status()).hasToString("available");
    }

    @Test
    void failureKeepsCindersReasonWithinTheColumn() {
        Backup backup = creating();
        backup.fail("x".repeat(300), now);
        assertThat(backup.status()).hasToString("error");
        assertThat(backup.failReason()).hasSize(255);
    }

    @Test
    void dependentCountNeverGoesNegative() {
        Backup backup = creating();
        backup.dependentRemoved();
        assertThat(backup.dependentBackups()).isZero();
        backup.dependentFinished();
        assertThat(backup.dependentBackups()).isEqualTo(1);
    }
}
