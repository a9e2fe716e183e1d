package dev.cinderemulator.quota;

import java.util.List;

/**
 * The names of the volume types that exist, each of which adds {@code volumes_<name>},
 * {@code gigabytes_<name>} and {@code snapshots_<name>} to the quota resources (Cinder's
 * {@code VolumeTypeQuotaEngine}). Implemented by whatever feature owns volume types; without one,
 * there is only Cinder's {@code __DEFAULT__} type.
 */
public interface VolumeTypeNames {

    List<String> names();
}
