package dev.cinderemulator.web;

/**
 * The microversion gates the emulator honours, as minor versions of 3.x, named as Cinder names
 * them in {@code cinder/api/microversions.py}: a gate is asked as
 * {@code request.atLeast(Microversions.BACKUP_METADATA)}, never with a bare number.
 */
public final class Microversions {

    public static final int VOLUME_LIST_BOOTABLE = 2;
    public static final int MESSAGES = 3;
    public static final int VOLUME_LIST_GLANCE_METADATA = 4;
    public static final int MESSAGES_PAGINATION = 5;
    public static final int CLUSTER_SUPPORT = 7;
    public static final int BACKUP_UPDATE = 9;
    public static final int VOLUME_LIST_GROUP = 10;
    public static final int GROUP_VOLUME = 13;
    public static final int VOLUME_SUMMARY = 12;
    public static final int GROUP_SNAPSHOTS = 14;
    public static final int ETAGS = 15;
    public static final int BACKUP_PROJECT = 18;
    public static final int VOLUME_DETAIL_PROVIDER_ID = 21;
    public static final int SNAPSHOT_LIST_METADATA_FILTER = 22;
    public static final int VOLUME_DELETE_FORCE = 23;
    public static final int REPLICATION_CLUSTER = 26;
    public static final int SNAPSHOT_SORT = 30;
    public static final int RESOURCE_FILTER = 31;
    public static final int LIKE_FILTER = 34;
    public static final int VOLUME_SUMMARY_METADATA = 36;
    public static final int BACKUP_SORT_NAME = 37;
    public static final int LIMITS_ADMIN_FILTER = 39;
    public static final int SNAPSHOT_LIST_USER_ID = 41;
    public static final int VOLUME_EXTEND_INUSE = 42;
    public static final int BACKUP_METADATA = 43;
    public static final int SUPPORT_COUNT_INFO = 45;
    public static final int VOLUME_CREATE_FROM_BACKUP = 47;
    public static final int VOLUME_SHARED_TARGETS_AND_SERVICE_FIELDS = 48;
    public static final int BACKEND_STATE_REPORT = 49;
    public static final int BACKUP_AZ = 51;
    public static final int SUPPORT_VOLUME_SCHEMA_CHANGES = 53;
    public static final int TRANSFER_WITH_SNAPSHOTS = 55;
    public static final int BACKUP_PROJECT_USER_ID = 56;
    public static final int TRANSFER_WITH_HISTORY = 57;
    public static final int VOLUME_TIME_COMPARISON_FILTER = 60;
    public static final int VOLUME_CLUSTER_NAME = 61;
    public static final int VOLUME_TYPE_ID_IN_VOLUME_DETAIL = 63;
    public static final int ENCRYPTION_KEY_ID_IN_DETAILS = 64;
    public static final int USE_QUOTA = 65;
    public static final int SNAPSHOT_IN_USE = 66;

    private Microversions() {
    }
}
