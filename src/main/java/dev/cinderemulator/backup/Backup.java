package dev.cinderemulator.backup;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.cinderemulator.store.CinderBase;

/**
 * A volume backup and its status machine ({@code cinder/backup/api.py} and {@code manager.py}):
 * {@code creating → available | error}, {@code available → restoring → available},
 * {@code available | error → deleting → gone} (any status when forced). Every refusal is Cinder's
 * {@code InvalidBackup} text, produced here.
 */
public class Backup extends CinderBase {

    public static final String IMPORT_VOLUME_ID = "00000000-0000-0000-0000-000000000000";
    /** {@code constants.FIXED_KEY_ID}: never shown as an encryption key. */
    static final String FIXED_KEY_ID = "00000000-0000-0000-0000-000000000000";
    private String volumeId;
    private String snapshotId;
    private String parentId;
    private BackupStatus status;
    private String failReason;
    private int objectCount;
    private String container;
    private String availabilityZone;
    private String service;
    private String host;
    private LocalDateTime dataTimestamp;
    private String restoreVolumeId;
    private int dependentBackups;
    private LocalDateTime finishedAt;
    /** The record being imported, kept until the manager has applied it. */
    private String pendingImport;
    private String encryptionKeyId;

    protected Backup() {
    }

    /** A new backup as the API creates it: {@code creating}, sized like its volume, stamped now. */
    static Backup creating(String id, String projectId, String userId, String volumeId, int size,
            LocalDateTime dataTimestamp, LocalDateTime now) {
        Backup backup = new Backup();
        backup.id = id;
        backup.projectId = projectId;
        backup.userId = userId;
        backup.volumeId = volumeId;
        backup.size = size;
        backup.status = BackupStatus.CREATING;
        backup.dataTimestamp = dataTimestamp;
        backup.createdAt = now;
        backup.updatedAt = now;
        return backup;
    }

    /**
     * {@code backup/api.py import_record}'s row before the backup service has imported the record:
     * only owner, the placeholder volume id and {@code creating}; no size, data timestamp or update
     * time until {@link #importRecord} fills them in.
     */
    static Backup importing(String id, String projectId, String userId, LocalDateTime now) {
        Backup backup = creating(id, projectId, userId, IMPORT_VOLUME_ID, 0, null, now);
        backup.updatedAt = null;
        return backup;
    }

    /**
     * A backup exactly as a fixture document describes it, on the emulator's backup host. One that
     * got past {@code creating} successfully counts as finished for its parent's dependents.
     */
    static Backup loaded(BackupFixture fixture, String service, String host) {
        Backup backup = creating(fixture.id(), fixture.projectId(), fixture.userId(), fixture.volumeId(),
                fixture.size(), fixture.dataTimestamp(), fixture.createdAt());
        backup.source(fixture.snapshotId(), fixture.parentId(), fixture.container(), fixture.availabilityZone());
        backup.name = fixture.name();
        backup.description = fixture.description();
        backup.status = BackupStatus.of(fixture.status());
        backup.failReason = fixture.failReason();
        backup.objectCount = fixture.objectCount();
        backup.restoreVolumeId = fixture.restoreVolumeId();
        backup.metadata = new LinkedHashMap<>(fixture.metadata());
        backup.updatedAt = fixture.updatedAt();
        backup.assignService(service, host);
        if (backup.status.isSettled()) {
            backup.finishedAt = fixture.updatedAt();
        }
        return backup;
    }

    BackupFixture fixture() {
        return new BackupFixture(id, projectId, userId, volumeId, snapshotId, parentId, name, description,
                status.toString(), failReason, size, objectCount, container, availabilityZone, dataTimestamp, restoreVolumeId, metadata,
                createdAt, updatedAt);
    }

    void describe(String name, String description, LocalDateTime now) {
        this.name = name;
        this.description = description;
        this.updatedAt = now;
    }

    void source(String snapshotId, String parentId, String container, String availabilityZone) {
        this.snapshotId = snapshotId;
        this.parentId = parentId;
        this.container = container;
        this.availabilityZone = availabilityZone;
    }

    /** The manager picked the backup up: it now belongs to a backup host and driver. */
    void assignService(String service, String host) {
        this.service = service;
        this.host = host;
    }

    void replaceMetadata(Map<String, String> metadata, LocalDateTime now) {
        this.metadata = new LinkedHashMap<>(metadata);
        this.updatedAt = now;
    }

    /** {@code _finish_backup}: only a backup still {@code creating} becomes available. */
    boolean finishCreating(int volumeSize, String defaultContainer, LocalDateTime now) {
        if (status != BackupStatus.CREATING) {
            return false;
        }
        size = volumeSize;
        objectCount = objectCountFor(volumeSize);
        container = container == null ? defaultContainer : container;
        finishedAt = now;
        moveTo(BackupStatus.AVAILABLE, now);
        return true;
    }

    /** The emulated Swift driver's chunks: about 21 objects per GiB, at least one. */
    static int objectCountFor(int size) {
        return Math.max(1, size * 21);
    }

    void fail(String reason, LocalDateTime now) {
        failReason = reason == null || reason.length() <= 255 ? reason : reason.substring(0, 255);
        moveTo(BackupStatus.ERROR, now);
    }

    /** The manager could not delete it: {@code error_deleting}, from which only a forced delete goes on. */
    void failDeleting(String reason, LocalDateTime now) {
        failReason = reason == null || reason.length() <= 255 ? reason : reason.substring(0, 255);
        moveTo(BackupStatus.ERROR_DELETING, now);
    }

    void startDeleting(boolean force, LocalDateTime now) {
        if (!force && status != BackupStatus.AVAILABLE && status != BackupStatus.ERROR) {
            throw invalid("Backup status must be available or error");
        }
        moveTo(BackupStatus.DELETING, now);
    }

    void startRestoring(String volumeId, LocalDateTime now) {
        checkRestorable();
        restoreVolumeId = volumeId;
        moveTo(BackupStatus.RESTORING, now);
    }

    void checkRestorable() {
        if (status != BackupStatus.AVAILABLE) {
            throw invalid("Backup status must be available");
        }
    }

    void finishRestoring(LocalDateTime now) {
        if (status == BackupStatus.RESTORING) {
            moveTo(BackupStatus.AVAILABLE, now);
        }
    }

    void checkExportable() {
        if (status != BackupStatus.AVAILABLE) {
            throw invalid("Backup status must be available and not " + status + ".");
        }
    }

    void resetStatus(BackupStatus next, LocalDateTime now) {
        moveTo(next, now);
    }

    /** The manager's {@code import_record}: the record's content, this backup's owner and id. */
    void importRecord(BackupRecord record, String service, String host, String zone, LocalDateTime now) {
        volumeId = record.volumeId() == null ? volumeId : record.volumeId();
        snapshotId = record.snapshotId();
        parentId = record.parentId();
        name = record.name();
        description = record.description();
        container = record.container();
        size = record.size();
        objectCount = record.objectCount();
        dependentBackups = record.dependentBackups();
        encryptionKeyId = record.encryptionKeyId();
        metadata = new LinkedHashMap<>(record.metadata());
        if (record.dataTimestamp() != null) {
            dataTimestamp = record.dataTimestamp();
        }
        this.service = service;
        this.host = host;
        availabilityZone = zone;
        finishedAt = now;
        pendingImport = null;
        moveTo(BackupStatus.AVAILABLE, now);
    }

    void awaitImport(String backupUrl) {
        pendingImport = backupUrl;
    }

    String pendingImport() {
        return pendingImport;
    }

    void dependentFinished() {
        dependentBackups++;
    }

    void dependentRemoved() {
        dependentBackups = Math.max(0, dependentBackups - 1);
    }

    static InvalidBackup invalid(String reason) {
        return new InvalidBackup(reason);
    }

    private void moveTo(BackupStatus next, LocalDateTime now) {
        status = next;
        updatedAt = now;
    }

    public String volumeId() {
        return volumeId;
    }

    public String snapshotId() {
        return snapshotId;
    }

    public String parentId() {
        return parentId;
    }

    public BackupStatus status() {
        return status;
    }

    public String failReason() {
        return failReason;
    }

    public int objectCount() {
        return objectCount;
    }

    public String container() {
        return container;
    }

    public String availabilityZone() {
        return availabilityZone;
    }

    public String service() {
        return service;
    }

    public String host() {
        return host;
    }

    public LocalDateTime dataTimestamp() {
        return dataTimestamp;
    }

    public String restoreVolumeId() {
        return restoreVolumeId;
    }

    public int dependentBackups() {
        return dependentBackups;
    }

    public boolean hasFinished() {
        return finishedAt != null;
    }

    public String encryptionKeyId() {
        return encryptionKeyId;
    }

    /** {@code _get_latest_backup}'s candidates for an incremental's parent: available backups only. */
    boolean canBeParent() {
        return status == BackupStatus.AVAILABLE;
    }

    /** The manager finishes only work the backup still awaits; a backup moved on meanwhile is left be. */
    boolean isCreating() {
        return status == BackupStatus.CREATING;
    }

    boolean isRestoring() {
        return status == BackupStatus.RESTORING;
    }

    boolean isDeleting() {
        return status == BackupStatus.DELETING;
    }

    public boolean isIncremental() {
        return parentId != null;
    }
}
