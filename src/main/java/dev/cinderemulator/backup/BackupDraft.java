package dev.cinderemulator.backup;

import java.util.Map;

/** A backup create request after schema validation. */
record BackupDraft(String volumeId, String snapshotId, String name, String description, String container,
        boolean incremental, boolean force, Map<String, String> metadata, String availabilityZone) {
}
