package dev.cinderemulator.volume;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.cinderemulator.exception.Invalid;
import dev.cinderemulator.store.CinderBase;

/**
 * A Cinder volume and its status machine ({@code cinder/volume/api.py}, the create flow and the
 * admin reset): {@code creating} → {@code available} → {@code deleting} → gone; only
 * {@code available} or (forced) {@code in-use} volumes are backed up, only {@code available} ones
 * are restored into, and {@code previous_status} remembers what to return to after a backup.
 */
public class Volume extends CinderBase {

    public static final String DEFAULT_VOLUME_TYPE = "__DEFAULT__";
    static final String DETACHED = "detached";
    static final String ATTACHED = "attached";

    /** {@code volume/api.py delete}: the statuses a volume may be deleted from, in Cinder's order. */
    private static final List<VolumeStatus> DELETABLE_ORDER = List.of(VolumeStatus.AVAILABLE, VolumeStatus.ERROR,
            VolumeStatus.ERROR_RESTORING, VolumeStatus.ERROR_EXTENDING, VolumeStatus.ERROR_MANAGING);
    private VolumeStatus status;
    private String previousStatus;
    private String availabilityZone;
    private String volumeType;
    private boolean bootable;
    private boolean multiattach;
    private String snapshotId;
    private String sourceVolumeId;
    private String backupId;
    /** Cinder's {@code attach_status}; null (a volume loaded from a fixture) reads as detached. */
    private String attachStatus;
    /**
     * The volume's attachment ({@code volume_attachment}): a volume that cannot be multiattached
     * has at most one, and multiattach volumes cannot be created any more.
     */
    private String attachmentId;
    private String attachedInstance;
    private String attachedHost;
    private String mountpoint;
    private String attachMode;
    private LocalDateTime attachedAt;
    /** {@code volume_admin_metadata}: {@code readonly} and {@code attached_mode}, shown in metadata. */
    private Map<String, String> adminMetadata = new LinkedHashMap<>();
    private String volumeTypeId;

    protected Volume() {
    }

    /**
     * A volume row as the API's create flow writes it: {@code creating}, and never updated yet, so
     * {@code updated_at} stays null until the volume service picks it up.
     */
    Volume(String id, String projectId, String userId, VolumeDraft draft, VolumeTypeRef volumeType,
            LocalDateTime now) {
        this.id = id;
        this.projectId = projectId;
        this.userId = userId;
        this.size = draft.size();
        this.name = draft.name();
        this.description = draft.description();
        this.availabilityZone = draft.availabilityZone();
        this.volumeType = volumeType.name();
        this.volumeTypeId = volumeType.id();
        this.attachStatus = DETACHED;
        this.metadata = new LinkedHashMap<>(draft.metadata());
        this.snapshotId = draft.snapshotId();
        this.sourceVolumeId = draft.sourceVolumeId();
        this.bootable = draft.bootable();
        this.status = VolumeStatus.CREATING;
        this.createdAt = now;
    }

    /** A volume exactly as a fixture document describes it. */
    static Volume loaded(VolumeFixture fixture) {
        Volume volume = new Volume();
        volume.id = fixture.id();
        volume.projectId = fixture.projectId();
        volume.userId = fixture.userId();
        volume.size = fixture.size();
        volume.availabilityZone = fixture.availabilityZone();
        volume.volumeType = fixture.volumeType();
        volume.name = fixture.name();
        volume.description = fixture.description();
        volume.status = VolumeStatus.of(fixture.status());
        volume.previousStatus = fixture.previousStatus();
        volume.bootable = fixture.bootable();
        volume.multiattach = fixture.multiattach();
        volume.snapshotId = fixture.snapshotId();
        volume.sourceVolumeId = fixture.sourceVolumeId();
        volume.metadata = new LinkedHashMap<>(fixture.metadata());
        volume.createdAt = fixture.createdAt();
        volume.updatedAt = fixture.updatedAt();
        return volume;
    }

    VolumeFixture fixture() {
        return new VolumeFixture(id, projectId, userId, name, description, status.toString(), previousStatus, size,
                availabilityZone, volumeType, bootable, multiattach, snapshotId, sourceVolumeId, metadata, createdAt,
                updatedAt);
    }

    /** The volume service failed to create it. */
    void failCreating(LocalDateTime now) {
        if (status == VolumeStatus.CREATING) {
            moveTo(VolumeStatus.ERROR, now);
        }
    }

    /** The volume service failed to delete it. */
    void failDeleting(LocalDateTime now) {
        if (status == VolumeStatus.DELETING) {
            moveTo(VolumeStatus.ERROR_DELETING, now);
        }
    }

    /**
     * {@code volume/api.py update}: nothing changes on a volume in maintenance, and an update
     * without fields saves nothing, so {@code updated_at} stays as it was.
     */
    void update(String name, String description, Map<String, String> metadata, boolean anyField, LocalDateTime now) {
        if (status == VolumeStatus.MAINTENANCE) {
            throw new InvalidVolume("The volume cannot be updated during maintenance.");
        }
        if (!anyField) {
            return;
        }
        this.name = name;
        this.description = description;
        if (metadata != null) {
            this.metadata = new LinkedHashMap<>(metadata);
        }
        this.updatedAt = now;
    }

    void finishCreating(LocalDateTime now) {
        if (status == VolumeStatus.CREATING) {
            moveTo(VolumeStatus.AVAILABLE, now);
        }
    }

    /**
     * Whether the volume service has taken the volume: from then on it carries the service's uuid
     * and the backend's {@code shared_targets}. Until then only the API's row exists.
     */
    boolean onBackend() {
        return status != VolumeStatus.CREATING;
    }

    /**
     * {@code volume/api.py delete}: a conditional update on status (skipped when forced) and on
     * having no snapshots (or, with cascade, only deletable ones). One message for every refusal,
     * built with {@code build_or_str}, so a forced refusal reads "Volume  must not ...".
     */
    void startDeleting(boolean force, boolean blockedBySnapshots, LocalDateTime now) {
        if ((!force && !DELETABLE_ORDER.contains(status)) || blockedBySnapshots || ATTACHED.equals(attachStatus)) {
            String statusClause = force ? ""
                    : "status must be " + DELETABLE_ORDER.stream().map(VolumeStatus::toString)
                            .collect(Collectors.joining(" or ")) + " and";
            throw new InvalidVolume("Volume " + statusClause + " must not be migrating, "
                    + "attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from "
                    + "snapshots after volume transfer.");
        }
        moveTo(VolumeStatus.DELETING, now);
    }

    /**
     * {@code admin_actions.py _reset_status}. Cinder means to refuse deleting, error_deleting and
     * detaching, but a missing comma glues the last two into one string, so only {@code deleting}
     * is refused; {@code in-use} needs an attachment. An {@code attach_status} of {@code detached}
     * then detaches every attachment, which leaves the volume available.
     */
    void resetStatus(VolumeStatus status, String attachStatus, LocalDateTime now) {
        if (status == VolumeStatus.DELETING) {
            throw new Invalid("Cannot reset-state to deleting");
        }
        if (status == VolumeStatus.IN_USE && !hasAttachment()) {
            throw new Invalid("Cannot reset-state to in-use because volume does not have any attachments.");
        }
        if (status != null) {
            moveTo(status, now);
        }
        if (attachStatus != null) {
            this.attachStatus = attachStatus;
            updatedAt = now;
        }
        if (DETACHED.equals(attachStatus)) {
            if (hasAttachment()) {
                clearAttachment();
                moveTo(VolumeStatus.AVAILABLE, now);
            }
            adminMetadata.remove("attached_mode");
        }
    }

    /**
     * {@code volume/api.py _extend}: a larger size, then a conditional update on the status (in-use
     * only through {@code extend_attached_volume}, 3.42), whose refusal prints the expected dict.
     * The volume service's resize happens at once here: the volume never shows {@code extending}.
     */
    void checkExtend(int newSize, boolean attached) {
        if (newSize - size <= 0) {
            throw new Invalid("Invalid input received: New size for extend must be greater than current size. "
                    + "(current: " + size + ", extended: " + newSize + ").");
        }
        VolumeStatus expected = attached ? VolumeStatus.IN_USE : VolumeStatus.AVAILABLE;
        if (status != expected) {
            throw new InvalidVolume("Volume " + id + " status must be '{'status': '" + expected + "'}' to extend, "
                    + "currently " + status + ".");
        }
    }

    /** {@code manager.py extend_volume}: the new size, back to the status it had. */
    void extend(int newSize, LocalDateTime now) {
        previousStatus = status.toString();
        size = newSize;
        updatedAt = now;
    }

    /** {@code volume/api.py update} with {@code bootable} ({@code os-set_bootable}). */
    void markBootable(boolean bootable, LocalDateTime now) {
        if (status == VolumeStatus.MAINTENANCE) {
            throw new InvalidVolume("The volume cannot be updated during maintenance.");
        }
        this.bootable = bootable;
        this.updatedAt = now;
    }

    /** {@code volume/api.py update_readonly_flag}: admin metadata {@code readonly}, as Python's {@code str(bool)}. */
    void markReadonly(boolean readonly, LocalDateTime now) {
        if (status != VolumeStatus.AVAILABLE) {
            throw new InvalidVolume("Volume " + id + " status must be available to update readonly flag, but "
                    + "current status is: " + status + ".");
        }
        adminMetadata.put("readonly", readonly ? "True" : "False");
        updatedAt = now;
    }

    /** {@code volume/api.py reserve_volume}: available (or in-use when multiattach) becomes attaching. */
    void reserve(LocalDateTime now) {
        boolean allowed = status == VolumeStatus.AVAILABLE || multiattach && status == VolumeStatus.IN_USE;
        if (!allowed) {
            throw new InvalidVolume("Volume status must be " + (multiattach ? "available or in-use" : "available")
                    + " to reserve, but the status is " + status + ".");
        }
        moveTo(VolumeStatus.ATTACHING, now);
    }

    /** {@code volume/api.py unreserve_volume}: back from attaching, quietly nothing otherwise. */
    void unreserve(LocalDateTime now) {
        if (status == VolumeStatus.ATTACHING) {
            moveTo(hasAttachment() ? VolumeStatus.IN_USE : VolumeStatus.AVAILABLE, now);
        }
    }

    /** {@code volume/api.py begin_detaching}: in-use and attached (and not migrating) becomes detaching. */
    void beginDetaching(LocalDateTime now) {
        if (status != VolumeStatus.IN_USE || !ATTACHED.equals(attachStatus)) {
            throw new InvalidVolume("Unable to detach volume. Volume status must be 'in-use' and attach_status "
                    + "must be 'attached' to detach.");
        }
        moveTo(VolumeStatus.DETACHING, now);
    }

    /** {@code volume/api.py roll_detaching}: detaching goes back to in-use; nothing otherwise. */
    void rollDetaching(LocalDateTime now) {
        if (status == VolumeStatus.DETACHING) {
            moveTo(VolumeStatus.IN_USE, now);
        }
    }

    /**
     * {@code volume/api.py attach} then the volume service's {@code attach_volume} (an RPC call,
     * so done when the API answers): the manager's refusals come back as {@code RemoteError}s,
     * which the API words as "Error attaching volume - InvalidVolume: ...". Returns false when the
     * instance or host already holds the attachment (Cinder then only sets in-use).
     */
    void attach(VolumeAttachmentRequest attachment, String attachmentId, LocalDateTime now) {
        if (status == VolumeStatus.MAINTENANCE) {
            throw new InvalidVolume("The volume cannot be attached in maintenance mode.");
        }
        adminMetadata.putIfAbsent("readonly", "False");
        if ("True".equals(adminMetadata.get("readonly")) && !"ro".equals(attachment.mode())) {
            throw new Invalid("Invalid attaching mode '" + attachment.mode() + "' for volume " + id + ".");
        }
        if (status == VolumeStatus.ATTACHING && adminMetadata.containsKey("attached_mode")
                && !adminMetadata.get("attached_mode").equals(attachment.mode())) {
            throw new Invalid("Error attaching volume - InvalidVolume: Invalid volume: being attached by different "
                    + "mode");
        }
        boolean sameHolder = hasAttachment() && (attachment.instanceUuid() != null
                ? attachment.instanceUuid().equals(attachedInstance)
                : attachedInstance == null && attachment.hostName() != null
                        && attachment.hostName().equals(attachedHost));
        if (sameHolder) {
            moveTo(VolumeStatus.IN_USE, now);
            return;
        }
        if (status == VolumeStatus.IN_USE && !multiattach) {
            throw new Invalid("Error attaching volume - InvalidVolume: Invalid volume: volume is already attached "
                    + "and multiple attachments are not enabled");
        }
        this.attachmentId = attachmentId;
        this.attachedInstance = attachment.instanceUuid();
        this.attachedHost = attachment.hostName();
        this.mountpoint = attachment.mountpoint();
        this.attachMode = attachment.mode();
        this.attachedAt = now;
        this.attachStatus = ATTACHED;
        adminMetadata.put("attached_mode", attachment.mode());
        moveTo(VolumeStatus.IN_USE, now);
    }

    /**
     * {@code volume/api.py detach} and the manager's {@code detach_volume}: without an attachment
     * id the volume's only attachment goes; with one, that attachment goes if it is this volume's,
     * and the volume's statuses follow from what is left ({@code volume_detached}): in-use while an
     * attachment remains, available and detached otherwise.
     */
    void detach(String requestedAttachmentId, LocalDateTime now) {
        if (status == VolumeStatus.MAINTENANCE) {
            throw new InvalidVolume("The volume cannot be detached in maintenance mode.");
        }
        if (requestedAttachmentId == null || requestedAttachmentId.equals(attachmentId)) {
            clearAttachment();
        }
        moveTo(hasAttachment() ? VolumeStatus.IN_USE : VolumeStatus.AVAILABLE, now);
    }

    private void clearAttachment() {
        attachmentId = null;
        attachedInstance = null;
        attachedHost = null;
        mountpoint = null;
        attachMode = null;
        attachedAt = null;
        attachStatus = DETACHED;
        adminMetadata.remove("attached_mode");
    }

    boolean hasAttachment() {
        return attachmentId != null;
    }

    /** {@code volume/api.py _update_volume_metadata} and {@code delete_volume_metadata}. */
    void changeMetadata(Map<String, String> changes, boolean replace, LocalDateTime now) {
        if (status == VolumeStatus.MAINTENANCE) {
            throw new InvalidVolume("Updating volume metadata is not allowed for volumes in maintenance status.");
        }
        if (replace) {
            metadata = new LinkedHashMap<>(changes);
        } else {
            metadata.putAll(changes);
        }
        updatedAt = now;
    }

    void deleteMetadata(String key, LocalDateTime now) {
        if (status == VolumeStatus.MAINTENANCE) {
            throw new InvalidVolume("Deleting volume metadata is not allowed for volumes in maintenance status.");
        }
        metadata.remove(key);
        updatedAt = now;
    }

    /** {@code transfer/api.py create}: only an available volume is offered. */
    void offerForTransfer(LocalDateTime now) {
        if (status != VolumeStatus.AVAILABLE) {
            throw new InvalidVolume("status must be available");
        }
        moveTo(VolumeStatus.AWAITING_TRANSFER, now);
    }

    /** {@code db transfer_destroy}: the volume is available again. */
    void withdrawTransfer(LocalDateTime now) {
        if (status == VolumeStatus.AWAITING_TRANSFER) {
            moveTo(VolumeStatus.AVAILABLE, now);
        }
    }

    /** {@code volume/manager.py accept_transfer}: the new owner, available again. */
    void acceptTransfer(String newProjectId, String newUserId, LocalDateTime now) {
        if (status == VolumeStatus.MAINTENANCE) {
            throw new InvalidVolume("The volume cannot accept transfer in maintenance mode.");
        }
        projectId = newProjectId;
        userId = newUserId;
        moveTo(VolumeStatus.AVAILABLE, now);
    }

    /** {@code volume/api.py retype}: the conditional update's one refusal for every failed condition. */
    void checkRetype(VolumeTypeRef type) {
        boolean allowed = (status == VolumeStatus.AVAILABLE || status == VolumeStatus.IN_USE)
                && !type.id().equals(volumeTypeId);
        if (!allowed) {
            throw new InvalidVolume("Retype needs volume to be in available or in-use state, not be part of an "
                    + "active migration or a consistency group, requested type has to be different that the one "
                    + "from the volume, and for in-use volumes front-end qos specs cannot change.");
        }
    }

    VolumeTypeRef typeRef() {
        return volumeTypeId == null ? VolumeTypeRef.DEFAULT : new VolumeTypeRef(volumeTypeId, volumeType);
    }

    /** {@code volume/api.py retype} once the scheduler has found the backend able to take it. */
    void retype(VolumeTypeRef type, LocalDateTime now) {
        volumeType = type.name();
        volumeTypeId = type.id();
        updatedAt = now;
    }

    void assignType(VolumeTypeRef type) {
        volumeType = type.name();
        volumeTypeId = type.id();
    }

    /** {@code create_volume.py _extract_source_volume}: what a volume may be cloned from. */
    void checkCloneSource() {
        if (status != VolumeStatus.AVAILABLE && status != VolumeStatus.IN_USE) {
            throw new InvalidVolume("Originating source volume status must be one of "
                    + "'available, in-use' values");
        }
    }

    /** {@code volume/api.py create_snapshot_in_db}: the checks before the quota, in Cinder's order. */
    void checkSnapshotSource(boolean allowInUse) {
        if (status == VolumeStatus.MAINTENANCE) {
            throw new InvalidVolume("The snapshot cannot be created when the volume is in maintenance mode.");
        }
        if (status == VolumeStatus.ERROR) {
            throw new InvalidVolume("The snapshot cannot be created when the volume is in error status.");
        }
        boolean valid = status == VolumeStatus.AVAILABLE || allowInUse && status == VolumeStatus.IN_USE;
        if (!valid) {
            throw new InvalidVolume("Volume " + id + " status must be " + (allowInUse ? "available, in-use"
                    : "available") + ", but current status is: " + status + ".");
        }
    }

    /** {@code backup/api.py create}: the volume is checked only when the backup is not of a snapshot. */
    void checkBackupSource(boolean force) {
        if (status != VolumeStatus.AVAILABLE && status != VolumeStatus.IN_USE) {
            throw new InvalidVolume("Volume to be backed up must be available or in-use, but the current status is "
                    + "\"" + status + "\".");
        }
        if (status == VolumeStatus.IN_USE && !force) {
            throw new InvalidVolume("Backing up an in-use volume must use the force flag.");
        }
    }

    void startBackingUp(LocalDateTime now) {
        previousStatus = status.toString();
        moveTo(VolumeStatus.BACKING_UP, now);
    }

    /** {@code _finish_backup}: back to where it was; {@code previous_status} records the backup. */
    void finishBackingUp(boolean failed, LocalDateTime now) {
        if (status != VolumeStatus.BACKING_UP) {
            return;
        }
        // A fixture may have loaded a previous_status no volume can be in; Cinder's default then.
        VolumeStatus back = previousStatus == null || !VolumeStatus.NAMES.contains(previousStatus)
                ? VolumeStatus.AVAILABLE
                : VolumeStatus.of(previousStatus);
        previousStatus = (failed ? VolumeStatus.ERROR_BACKING_UP : VolumeStatus.BACKING_UP).toString();
        moveTo(back, now);
    }

    void checkRestoreTarget(int backupSize) {
        if (status != VolumeStatus.AVAILABLE) {
            throw new InvalidVolume("Volume to be restored to must be available");
        }
        if (size < backupSize) {
            throw new InvalidVolume("volume size " + size
                    + " is too small to restore backup of size " + backupSize + ".");
        }
    }

    void startRestoring(LocalDateTime now) {
        moveTo(VolumeStatus.RESTORING_BACKUP, now);
    }

    /**
     * The backup driver's restore: the source's metadata comes along (plus {@code src_backup_id}
     * when restoring elsewhere), and an auto-named volume takes the source volume's name.
     */
    void finishRestoring(RestoredContent content, LocalDateTime now) {
        if (status != VolumeStatus.RESTORING_BACKUP) {
            return;
        }
        metadata.putAll(content.metadata());
        if (!id.equals(content.sourceVolumeId())) {
            metadata.put("src_backup_id", content.backupId());
        }
        bootable = bootable || content.bootable();
        boolean autoNamed = name == null || name.isEmpty() || name.startsWith("restore_backup_");
        if (autoNamed && content.sourceName() != null && !content.sourceName().isEmpty()) {
            name = content.sourceName();
            description = content.sourceDescription();
        }
        moveTo(VolumeStatus.AVAILABLE, now);
    }

    void failRestoring(LocalDateTime now) {
        if (status == VolumeStatus.RESTORING_BACKUP) {
            moveTo(VolumeStatus.ERROR_RESTORING, now);
        }
    }

    /** The volume service finishes only work the volume still awaits. */
    boolean isCreating() {
        return status == VolumeStatus.CREATING;
    }

    boolean isDeleting() {
        return status == VolumeStatus.DELETING;
    }

    private void moveTo(VolumeStatus next, LocalDateTime now) {
        status = next;
        updatedAt = now;
    }

    public VolumeStatus status() {
        return status;
    }

    public String availabilityZone() {
        return availabilityZone;
    }

    public String volumeType() {
        return volumeType;
    }

    public boolean bootable() {
        return bootable;
    }

    public boolean multiattach() {
        return multiattach;
    }

    public String snapshotId() {
        return snapshotId;
    }

    public String sourceVolumeId() {
        return sourceVolumeId;
    }

    public String backupId() {
        return backupId;
    }

    String attachStatus() {
        return attachStatus == null ? DETACHED : attachStatus;
    }

    String attachmentId() {
        return attachmentId;
    }

    String attachedInstance() {
        return attachedInstance;
    }

    String attachedHost() {
        return attachedHost;
    }

    String mountpoint() {
        return mountpoint;
    }

    LocalDateTime attachedAt() {
        return attachedAt;
    }

    Map<String, String> adminMetadata() {
        return Map.copyOf(adminMetadata);
    }

    String volumeTypeId() {
        return volumeTypeId;
    }

}
