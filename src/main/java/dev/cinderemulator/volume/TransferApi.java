package dev.cinderemulator.volume;

import java.security.SecureRandom;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.cinderemulator.engine.EmulatorClock;
import dev.cinderemulator.engine.IdGenerator;
import dev.cinderemulator.web.CinderException;
import dev.cinderemulator.web.CinderRequest;

/**
 * Cinder's {@code transfer/api.py}: a project offers an available volume (and its snapshots,
 * unless {@code no_snapshots}), another project takes it with the auth key, under its own quota;
 * until then the transfer belongs to the volume's project (admins see every one).
 */
@Service
@Transactional
class TransferApi {

    /** {@code _get_random_string}: the characters of the 16-character auth key. */
    private static final String KEY_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final VolumeTransfers transfers;
    private final VolumeApi volumeApi;
    private final Volumes volumes;
    private final Snapshots snapshots;
    private final VolumeQuotas quotas;
    private final EmulatorClock clock;
    private final IdGenerator ids;

    TransferApi(VolumeTransfers transfers, VolumeApi volumeApi, Volumes volumes, Snapshots snapshots,
            VolumeQuotas quotas, EmulatorClock clock, IdGenerator ids) {
        this.transfers = transfers;
        this.volumeApi = volumeApi;
        this.volumes = volumes;
        this.snapshots = snapshots;
        this.quotas = quotas;
        this.clock = clock;
        this.ids = ids;
    }

    @Transactional(readOnly = true)
    VolumeTransfer transfer(CinderRequest request, String id) {
        return transfers.findById(id)
                .filter(transfer -> request.isAdmin() || transfer.sourceProjectId().equals(request.projectId()))
                .orElseThrow(() -> CinderException.notFound("Transfer " + id + " could not be found."));
    }

    @Transactional(readOnly = true)
    List<VolumeTransfer> list(CinderRequest request, boolean allTenants) {
        return transfers.findAll(request.isAdmin() && allTenants ? null : request.projectId());
    }

    /** {@code create}: the volume must be available, and so must each snapshot that goes along. */
    VolumeTransfer create(CinderRequest request, String volumeId, String name, boolean noSnapshots) {
        Volume volume = volumeApi.volume(request, volumeId);
        volumes.lockForUpdate(volume);
        if (volume.status() != VolumeStatus.AVAILABLE) {
            throw CinderException.badRequest("Invalid volume: status must be available");
        }
        if (!noSnapshots) {
            snapshots.findByVolumeId(volumeId).stream().filter(snapshot -> snapshot.status() != SnapshotStatus.AVAILABLE)
                    .findFirst().ifPresent(snapshot -> {
                        throw CinderException.badRequest("Invalid snapshot: snapshot: " + snapshot.id()
                                + " status must be available");
                    });
        }
        volume.offerForTransfer(clock.now());
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            key.append(KEY_CHARACTERS.charAt(RANDOM.nextInt(KEY_CHARACTERS.length())));
        }
        return transfers.save(new VolumeTransfer(ids.newId(), volume, name, key.toString(), noSnapshots,
                clock.now()));
    }

    /** {@code delete}: the transfer goes, the volume is available again. */
    void delete(CinderRequest request, String id) {
        VolumeTransfer transfer = transfer(request, id);
        volumes.findById(transfer.volumeId()).ifPresent(volume -> volume.withdrawTransfer(clock.now()));
        transfers.delete(transfer);
    }

    /**
     * {@code accept}: any project with the key; the volume (and its snapshots unless left
     * behind) joins the accepting project, whose quota must hold it.
     */
    VolumeTransfer accept(CinderRequest request, String id, String authKey) {
        VolumeTransfer transfer = transfers.findById(id)
                .orElseThrow(() -> CinderException.notFound("Transfer " + id + " could not be found."));
        if (!transfer.opensWith(authKey)) {
            throw CinderException.badRequest("Invalid auth key: Attempt to transfer " + id + " with invalid auth key.");
        }
        Volume volume = volumes.findById(transfer.volumeId())
                .orElseThrow(() -> CinderException.notFound("Volume " + transfer.volumeId() + " could not be found."));
        quotas.reserveVolume(request.projectId(), volume.size(), true);
        volumes.lockForUpdate(volume);
        volume.acceptTransfer(request.projectId(), request.userId(), clock.now());
        if (!transfer.noSnapshots()) {
            snapshots.findByVolumeId(volume.id())
                    .forEach(snapshot -> snapshot.transferTo(request.projectId(), request.userId(), clock.now()));
        }
        transfers.delete(transfer);
        return transfer;
    }
}
