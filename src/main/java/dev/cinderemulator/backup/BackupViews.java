package dev.cinderemulator.backup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.cinderemulator.web.CinderRequest;
import dev.cinderemulator.web.CinderTime;
import dev.cinderemulator.web.Microversions;

/**
 * Cinder's backup views ({@code api/views/backups.py}, {@code api/v3/views/backups.py}). The
 * summary (index, create, update, import) is always id, name and links; the detail grows with the
 * microversion, and the project and user ids only admins see.
 */
final class BackupViews {

    private BackupViews() {
    }

    static Map<String, Object> summary(CinderRequest request, Backup backup) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", backup.id());
        view.put("links", links(request, backup.id()));
        view.put("name", backup.name());
        return view;
    }

    static Map<String, Object> detail(CinderRequest request, Backup backup) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", backup.id());
        view.put("status", backup.status().toString());
        view.put("size", backup.size());
        view.put("object_count", backup.objectCount());
        view.put("availability_zone", backup.availabilityZone());
        view.put("container", backup.container());
        view.put("created_at", CinderTime.format(backup.createdAt()));
        view.put("updated_at", CinderTime.format(backup.updatedAt()));
        view.put("name", backup.name());
        view.put("description", backup.description());
        view.put("fail_reason", backup.failReason());
        view.put("volume_id", backup.volumeId());
        view.put("links", links(request, backup.id()));
        view.put("is_incremental", backup.isIncremental());
        view.put("has_dependent_backups", backup.dependentBackups() > 0);
        view.put("snapshot_id", backup.snapshotId());
        view.put("data_timestamp", CinderTime.format(backup.dataTimestamp()));
        if (request.atLeast(Microversions.BACKUP_PROJECT) && request.isAdmin()) {
            view.put("os-backup-project-attr:project_id", backup.projectId());
        }
        if (request.atLeast(Microversions.BACKUP_METADATA)) {
            view.put("metadata", new TreeMap<>(backup.metadata()));
        }
        if (request.atLeast(Microversions.BACKUP_PROJECT_USER_ID) && request.isAdmin()) {
            view.put("user_id", backup.userId());
        }
        String keyId = backup.encryptionKeyId();
        if (request.atLeast(Microversions.ENCRYPTION_KEY_ID_IN_DETAILS) && keyId != null && !keyId.equals(Backup.FIXED_KEY_ID)) {
            view.put("encryption_key_id", keyId);
        }
        return view;
    }

    private static List<Map<String, String>> links(CinderRequest request, String id) {
        return List.of(Map.of("rel", "self", "href", request.selfHref("backups", id)),
                Map.of("rel", "bookmark", "href", request.bookmarkHref("backups", id)));
    }
}
