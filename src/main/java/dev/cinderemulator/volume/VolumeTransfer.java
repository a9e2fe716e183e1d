package dev.cinderemulator.volume;

import java.time.LocalDateTime;

/**
 * A volume transfer ({@code transfer/api.py}): the volume is {@code awaiting-transfer} until a
 * project accepts it with the auth key, or the transfer is deleted. Cinder keeps a salted hash of
 * the key; the emulator keeps the key itself, which no view shows after create.
 */
class VolumeTransfer {

    private String id;
    private String volumeId;
    private String name;
    private String authKey;
    private boolean noSnapshots;
    private String sourceProjectId;
    private LocalDateTime createdAt;
    private long version;

    protected VolumeTransfer() {
    }

    VolumeTransfer(String id, Volume volume, String name, String authKey, boolean noSnapshots, LocalDateTime now) {
        this.id = id;
        this.volumeId = volume.id();
        this.name = name;
        this.authKey = authKey;
        this.noSnapshots = noSnapshots;
        this.sourceProjectId = volume.projectId();
        this.createdAt = now;
    }

    boolean opensWith(String key) {
        return authKey.equals(key);
    }

    String id() {
        return id;
    }

    String volumeId() {
        return volumeId;
    }

    String name() {
        return name;
    }

    String authKey() {
        return authKey;
    }

    boolean noSnapshots() {
        return noSnapshots;
    }

    String sourceProjectId() {
        return sourceProjectId;
    }

    LocalDateTime createdAt() {
        return createdAt;
    }
}
