package dev.cinderemulator.volume;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.engine.EmulatorClock;
import dev.cinderemulator.engine.IdGenerator;
import dev.cinderemulator.web.CinderRequest;

/** The volume side of a backup's life: {@link BackupVolumes} over this package's entities. */
@Service
@Transactional
class BackupHooks implements BackupVolumes {

    private final VolumeApi volumeApi;
    private final SnapshotApi snapshotApi;
    private final Volumes volumes;
    private final Snapshots snapshots;
    private final VolumeQuotas quotas;
    private final EmulatorClock clock;
    private final EmulatorProperties properties;
    private final IdGenerator ids;

    BackupHooks(VolumeApi volumeApi, SnapshotApi snapshotApi, Volumes volumes, Snapshots snapshots,
            VolumeQuotas quotas, EmulatorClock clock, EmulatorProperties properties, IdGenerator ids) {
        this.volumeApi = volumeApi;
        this.snapshotApi = snapshotApi;
        this.volumes = volumes;
        this.snapshots = snapshots;
        this.quotas = quotas;
        this.clock = clock;
        this.properties = properties;
        this.ids = ids;
    }

    @Override
    @Transactional(readOnly = true)
    public VolumeValue volume(CinderRequest request, String id) {
        return value(volumeApi.volume(request, id));
    }

    @Override
    @Transactional(readOnly = true)
    public SnapshotValue snapshot(CinderRequest request, String id) {
        Snapshot snapshot = snapshotApi.snapshot(request, id);
        return new SnapshotValue(snapshot.id(), snapshot.volumeId(), snapshot.createdAt());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<VolumeValue> findVolume(String id) {
        return volumes.findById(id).map(BackupHooks::value);
    }

    @Override
    public void startBackup(String volumeId, String snapshotId, boolean force) {
        LocalDateTime now = clock.now();
        if (snapshotId != null) {
            Snapshot snapshot = snapshots.findById(snapshotId).orElseThrow();
            snapshot.checkBackupSource();
            snapshot.startBackingUp(now);
        } else {
            Volume volume = volumes.findById(volumeId).orElseThrow();
            volume.checkBackupSource(force);
            volume.startBackingUp(now);
        }
    }

    @Override
    public void finishBackup(String volumeId, String snapshotId, boolean failed) {
        LocalDateTime now = clock.now();
        if (snapshotId != null) {
            snapshots.findById(snapshotId).ifPresent(snapshot -> snapshot.finishBackingUp(now));
        } else {
            volumes.findById(volumeId).ifPresent(volume -> volume.finishBackingUp(failed, now));
        }
    }

    /**
     * Created available, as Cinder waits until it is; quota errors lose their class name because
     * restore catches them.
     */
    @Override
    public VolumeValue createRestoreTarget(CinderRequest request, String backupId, int size, String name) {
        quotas.reserveVolume(request.projectId(), size, false);
        LocalDateTime now = clock.now();
        VolumeDraft draft = new VolumeDraft(size, name != null ? name : "restore_backup_" + backupId,
                "auto-created_from_restore_from_backup", properties.cloud().availabilityZone(), Map.of(), null, null,
                false);
        Volume volume = new Volume(ids.newId(), request.projectId(), request.userId(), draft,
                VolumeTypeRef.DEFAULT, now);
        volume.finishCreating(now);
        return value(volumes.save(volume));
    }

    @Override
    public void startRestore(String volumeId, int backupSize) {
        Volume target = volumes.findById(volumeId).orElseThrow();
        target.checkRestoreTarget(backupSize);
        target.startRestoring(clock.now());
    }

    @Override
    public void finishRestore(String volumeId, RestoredContent content) {
        volumes.findById(volumeId).ifPresent(volume -> volume.finishRestoring(content, clock.now()));
    }

    @Override
    public void failRestore(String volumeId) {
        volumes.findById(volumeId).ifPresent(volume -> volume.failRestoring(clock.now()));
    }

    private static VolumeValue value(Volume volume) {
        return new VolumeValue(volume.id(), volume.size(), volume.name(), volume.description(), volume.metadata(),
                volume.bootable());
    }
}
