package dev.cinderemulator.volume;

import java.util.Map;

/** A volume create request after validation and defaulting, as the create flow's entry task sees it. */
record VolumeDraft(int size, String name, String description, String availabilityZone, Map<String, String> metadata,
        String snapshotId, String sourceVolumeId, boolean bootable) {
}
