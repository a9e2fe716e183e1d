package dev.cinderemulator.volume;

import java.util.Map;

/** What a backup carries back into a volume on restore: the source volume's metadata and identity. */
public record RestoredContent(String backupId, String sourceVolumeId, String sourceName, String sourceDescription,
        Map<String, String> metadata, boolean bootable) {
}
