package dev.cinderemulator.volume;

import java.util.Map;

/**
 * A volume create request as the controller hands it to {@code volume/api.py create}: the sources
 * already looked up (the type too, null when not named), {@code size} still as the caller wrote it (null when absent).
 */
record VolumeRequest(String size, String name, String description, String availabilityZone,
        Map<String, String> metadata, Snapshot snapshot, Volume source, boolean fromImage,
        VolumeTypeRef volumeType) {
}
