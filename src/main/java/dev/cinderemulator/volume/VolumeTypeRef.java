package dev.cinderemulator.volume;

/** A volume's type as the volume row keeps it: {@code volume_type_id}, and the name views show. */
record VolumeTypeRef(String id, String name) {

    static final VolumeTypeRef DEFAULT = new VolumeTypeRef(VolumeType.DEFAULT_ID, Volume.DEFAULT_VOLUME_TYPE);
}
