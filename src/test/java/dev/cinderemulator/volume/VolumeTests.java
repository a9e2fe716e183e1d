package dev.cinderemulator.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The volume and snapshot status machines without Spring. */
class VolumeTests {

    private final LocalDateTime now = LocalDateTime.of(2026, 11, 27, 10, 0);

    private Volume creating() {
        return new Volume("v", "p", "u", new VolumeDraft(2, "n", null, "nova", Map.of(), null, null, false),
                VolumeTypeRef.DEFAULT, now);
    }

    @Test
    void aNewVolumeHasNoUpdateTimeAndIsNotOnABackendYet() {
        Volume volume = creating();
        assertThat(volume.updatedAt()).isNull();
        assertThat(volume.onBackend()).isFalse();
        volume.finishCreating(now.plusSeconds(1));
        assertThat(volume.status()).hasToString("available");
        assertThat(volume.updatedAt()).isEqualTo(now.plusSeconds(1));
        assertThat(volume.onBackend()).isTrue();
    }

    @Test
    void forcedDeletesSkipTheStatusButNotTheSnapshots() {
        Volume volume = creating();
        assertThatThrownBy(() -> volume.startDeleting(false, false, now)).hasMessageStartingWith(
                "Invalid volume: Volume status must be available or error or error_restoring or error_extending or "
                        + "error_managing and must not be migrating,");
        assertThatThrownBy(() -> volume.startDeleting(true, true, now))
                .hasMessageStartingWith("Invalid volume: Volume  must not be migrating,");
        volume.startDeleting(true, false, now);
        assertThat(volume.status()).hasToString("deleting");
    }

    @Test
    void resetStatusRefusesOnlyDeletingAndInUse() {
        Volume volume = creating();
        assertThatThrownBy(() -> volume.resetStatus(VolumeStatus.DELETING, null, now))
                .hasMessage("Cannot reset-state to deleting");
        assertThatThrownBy(() -> volume.resetStatus(VolumeStatus.IN_USE, null, now))
                .hasMessage("Cannot reset-state to in-use because volume does not have any attachments.");
        volume.resetStatus(VolumeStatus.DETACHING, null, now);
        assertThat(volume.status()).hasToString("detaching");
    }

    @Test
    void snapshotChecksComeInCindersOrder() {
        Volume volume = creating();
        assertThatThrownBy(() -> volume.checkSnapshotSource(true))
                .hasMessage("Invalid volume: Volume v status must be available, in-use, but current status is: "
                        + "creating.");
        volume.resetStatus(VolumeStatus.ERROR, null, now);
        assertThatThrownBy(() -> volume.checkSnapshotSource(true))
                .hasMessage("Invalid volume: The snapshot cannot be created when the volume is in error status.");
        volume.resetStatus(VolumeStatus.AVAILABLE, null, now);
        volume.checkSnapshotSource(false);
        Snapshot snapshot = new Snapshot("s", volume, "u", null, null, Map.of(), now);
        assertThat(snapshot.size()).isEqualTo(2);
        assertThat(snapshot.updatedAt()).isNull();
        assertThatThrownBy(() -> snapshot.startDeleting(now)).hasMessage(
                "Invalid snapshot: Snapshot status must be available or error and must not be part of a group.");
        assertThatThrownBy(snapshot::checkCloneSource)
                .hasMessage("Invalid snapshot: Originating snapshot status must be one of 'available' values");
    }

    @Test
    void updatesAreRefusedInMaintenance() {
        Volume volume = creating();
        volume.update("ignored", null, null, false, now);
        assertThat(volume.name()).isEqualTo("n");
        assertThat(volume.updatedAt()).isNull();
        volume.update("renamed", "d", Map.of("a", "b"), true, now);
        assertThat(volume.name()).isEqualTo("renamed");
        assertThat(volume.metadata()).containsExactly(Map.entry("a", "b"));
        volume.resetStatus(VolumeStatus.MAINTENANCE, null, now);
        assertThatThrownBy(() -> volume.update("x", null, null, false, now))
                .hasMessage("Invalid volume: The volume cannot be updated during maintenance.");
    }

    private Volume available() {
        Volume volume = creating();
        volume.finishCreating(now);
        return volume;
    }

    @Test
    void attachingMakesTheVolumeInUseWithOneAttachmentAndDetachingFreesIt() {
        Volume volume = available();
        volume.reserve(now);
        assertThat(volume.status()).hasToString("attaching");
        volume.attach(new VolumeAttachmentRequest("i-1", null, "/dev/vdb", "rw"), "a-1", now);
        assertThat(volume.status()).hasToString("in-use");
        assertThat(volume.attachStatus()).isEqualTo("attached");
        assertThat(volume.adminMetadata()).containsEntry("attached_mode", "rw").containsEntry("readonly", "False");
        assertThatThrownBy(() -> volume.attach(new VolumeAttachmentRequest("i-2", null, "/dev/vdc", "rw"), "a-2", now))
                .hasMessage("Error attaching volume - InvalidVolume: Invalid volume: volume is already attached and "
                        + "multiple attachments are not enabled");
        assertThatThrownBy(() -> volume.startDeleting(true, false, now))
                .hasMessageStartingWith("Invalid volume: Volume  must not be migrating, attached,");
        volume.beginDetaching(now);
        volume.rollDetaching(now);
        assertThat(volume.status()).hasToString("in-use");
        volume.detach("another", now);
        assertThat(volume.status()).hasToString("in-use");
        volume.detach(null, now);
        assertThat(volume.status()).hasToString("available");
        assertThat(volume.attachStatus()).isEqualTo("detached");
        assertThat(volume.adminMetadata()).doesNotContainKey("attached_mode");
        assertThatThrownBy(() -> volume.beginDetaching(now)).hasMessage("Invalid volume: Unable to detach volume. "
                + "Volume status must be 'in-use' and attach_status must be 'attached' to detach.");
    }

    @Test
    void aReadonlyVolumeAttachesReadOnlyOnly() {
        Volume volume = available();
        volume.markReadonly(true, now);
        assertThatThrownBy(() -> volume.attach(new VolumeAttachmentRequest(null, "host", "/mnt", "rw"), "a", now))
                .hasMessage("Invalid attaching mode 'rw' for volume v.");
        volume.attach(new VolumeAttachmentRequest(null, "host", "/mnt", "ro"), "a", now);
        assertThatThrownBy(() -> volume.markReadonly(false, now)).hasMessage("Invalid volume: Volume v status must "
                + "be available to update readonly flag, but current status is: in-use.");
    }

    @Test
    void extendWantsALargerSizeAndTheRightStatus() {
        Volume volume = available();
        assertThatThrownBy(() -> volume.checkExtend(2, false)).hasMessage("Invalid input received: New size for "
                + "extend must be greater than current size. (current: 2, extended: 2).");
        assertThatThrownBy(() -> volume.checkExtend(3, true))
                .hasMessage("Invalid volume: Volume v status must be '{'status': 'in-use'}' to extend, currently "
                        + "available.");
        volume.checkExtend(3, false);
        volume.extend(3, now);
        assertThat(volume.size()).isEqualTo(3);
    }
}
