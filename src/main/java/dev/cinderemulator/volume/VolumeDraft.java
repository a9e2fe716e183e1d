package dev.cinderemulator.volume;

import java.util.Map;

/** A volume create request after validation and defaulting. */
record VolumeDraft(int size, String name, String description, String availabilityZone, Map<String, String> metadata,
        String snapshotId, String sourceVolumeId, boolean bootable, boolean multiattach) {
}
