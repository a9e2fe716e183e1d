package dev.cinderemulator.volume;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.cinderemulator.web.CinderRequest;
import dev.cinderemulator.web.CinderTime;
import dev.cinderemulator.web.Microversions;

/**
 * Cinder's volume and snapshot views ({@code cinder/api/v3/views/volumes.py}, {@code snapshots.py}):
 * which fields appear at which microversion and for whom is decided here and nowhere else.
 */
final class VolumeViews {

    /** {@code api_utils._visible_admin_metadata_keys}: admin metadata every reader sees in {@code metadata}. */
    private static final List<String> VISIBLE_ADMIN_METADATA = List.of("readonly", "attached_mode");
    /** The emulated cinder-volume service's uuid, which volumes carry once it has created them. */
    static final String VOLUME_SERVICE_UUID = "0f5c6c62-53c5-4a1a-9d3b-6b7d3c1f2e48";
    static final String VOLUME_HOST = "emulator@lvm#lvm";

    private VolumeViews() {
    }

    static Map<String, Object> summary(CinderRequest request, Volume volume) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", volume.id());
        view.put("links", links(request, "volumes", volume.id()));
        view.put("name", volume.name());
        return view;
    }

    /**
     * The detail view ({@code views/volumes.py detail}), which create and update answer with. Admins
     * also get {@code migration_status}; {@code shared_targets} is the object default (true) until
     * the volume service sets the backend's value (false for LVM's default {@code lvm_share_target}),
     * and {@code service_uuid} is null until then too.
     */
    static Map<String, Object> detail(CinderRequest request, Volume volume) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", volume.id());
        view.put("status", volume.status().toString());
        view.put("size", volume.size());
        view.put("availability_zone", volume.availabilityZone());
        view.put("created_at", CinderTime.format(volume.createdAt()));
        view.put("updated_at", CinderTime.format(volume.updatedAt()));
        view.put("attachments", attachments(request, volume));
        view.put("name", volume.name());
        view.put("description", volume.description());
        view.put("volume_type", volume.volumeType());
        view.put("snapshot_id", volume.snapshotId());
        view.put("source_volid", volume.sourceVolumeId());
        view.put("metadata", volumeMetadata(volume));
        view.put("links", links(request, "volumes", volume.id()));
        view.put("user_id", volume.userId());
        view.put("bootable", Boolean.toString(volume.bootable()));
        view.put("encrypted", false);
        view.put("replication_status", null);
        view.put("consistencygroup_id", null);
        view.put("multiattach", volume.multiattach());
        if (request.isAdmin()) {
            view.put("migration_status", null);
        }
        if (request.atLeast(Microversions.GROUP_VOLUME)) {
            view.put("group_id", null);
        }
        if (request.atLeast(Microversions.VOLUME_DETAIL_PROVIDER_ID) && request.isAdmin()) {
            view.put("provider_id", null);
        }
        if (request.atLeast(Microversions.VOLUME_SHARED_TARGETS_AND_SERVICE_FIELDS)) {
            view.put("service_uuid", volume.onBackend() ? VOLUME_SERVICE_UUID : null);
            view.put("shared_targets", !volume.onBackend());
        }
        if (request.atLeast(Microversions.VOLUME_CLUSTER_NAME) && request.isAdmin()) {
            view.put("cluster_name", null);
        }
        if (request.atLeast(Microversions.VOLUME_TYPE_ID_IN_VOLUME_DETAIL)) {
            view.put("volume_type_id", volume.volumeTypeId());
        }
        if (request.atLeast(Microversions.USE_QUOTA)) {
            view.put("consumes_quota", true);
        }
        return view;
    }

    /** {@code views/volumes.py _get_attachments}: attached ones only; the host for admins only. */
    private static List<Map<String, Object>> attachments(CinderRequest request, Volume volume) {
        if (!volume.hasAttachment() || !Volume.ATTACHED.equals(volume.attachStatus())) {
            return List.of();
        }
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("id", volume.id());
        attachment.put("attachment_id", volume.attachmentId());
        attachment.put("volume_id", volume.id());
        attachment.put("server_id", volume.attachedInstance());
        attachment.put("host_name", request.isAdmin() ? volume.attachedHost() : null);
        attachment.put("device", volume.mountpoint());
        attachment.put("attached_at", CinderTime.format(volume.attachedAt()));
        return List.of(attachment);
    }

    /** {@code add_visible_admin_metadata}: readonly and attached_mode join (and override) the metadata. */
    private static Map<String, String> volumeMetadata(Volume volume) {
        Map<String, String> metadata = new TreeMap<>(volume.metadata());
        Map<String, String> admin = volume.adminMetadata();
        VISIBLE_ADMIN_METADATA.stream().filter(admin::containsKey).forEach(key -> metadata.put(key, admin.get(key)));
        return metadata;
    }

    /**
     * What show and the detail list answer: the detail view plus the attribute extensions, which
     * extend only those two actions. The tenant attribute is for every reader of the volume, the
     * host and migration attributes for admins ({@code policies/volumes.py}).
     */
    static Map<String, Object> shown(CinderRequest request, Volume volume) {
        Map<String, Object> view = detail(request, volume);
        if (request.isAdmin()) {
            view.put("os-vol-host-attr:host", VOLUME_HOST);
            view.put("os-vol-mig-status-attr:migstat", null);
            view.put("os-vol-mig-status-attr:name_id", null);
        }
        view.put("os-vol-tenant-attr:tenant_id", volume.projectId());
        return view;
    }

    /**
     * {@code views/snapshots.py} {@code summary}: what the plain list shows; the v3 view builder
     * adds its microversioned fields only in {@code detail} (create, show, update, the detail list).
     */
    static Map<String, Object> snapshotSummary(Snapshot snapshot) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", snapshot.id());
        view.put("created_at", CinderTime.format(snapshot.createdAt()));
        view.put("updated_at", CinderTime.format(snapshot.updatedAt()));
        view.put("name", snapshot.name());
        view.put("description", snapshot.description());
        view.put("volume_id", snapshot.volumeId());
        view.put("status", snapshot.status().toString());
        view.put("size", snapshot.size());
        view.put("metadata", new TreeMap<>(snapshot.metadata()));
        return view;
    }

    /** {@code views/snapshots.py} v3 {@code detail}: create, show, update and the detail list. */
    static Map<String, Object> snapshot(CinderRequest request, Snapshot snapshot) {
        Map<String, Object> view = snapshotSummary(snapshot);
        if (request.atLeast(Microversions.GROUP_SNAPSHOTS)) {
            view.put("group_snapshot_id", null);
        }
        if (request.atLeast(Microversions.SNAPSHOT_LIST_USER_ID)) {
            view.put("user_id", snapshot.userId());
        }
        if (request.atLeast(Microversions.USE_QUOTA)) {
            view.put("consumes_quota", true);
        }
        return view;
    }

    /**
     * Show and the detail list add {@code extended_snapshot_attributes} (any reader): the progress
     * the volume service reports ({@code 0%} at creation, {@code 100%} once done) and the project.
     */
    static Map<String, Object> snapshotShown(CinderRequest request, Snapshot snapshot) {
        Map<String, Object> view = snapshot(request, snapshot);
        view.put("os-extended-snapshot-attributes:progress", snapshot.progress());
        view.put("os-extended-snapshot-attributes:project_id", snapshot.projectId());
        return view;
    }

    static List<Map<String, String>> links(CinderRequest request, String collection, String id) {
        return List.of(Map.of("rel", "self", "href", request.selfHref(collection, id)),
                Map.of("rel", "bookmark", "href", request.bookmarkHref(collection, id)));
    }
}
