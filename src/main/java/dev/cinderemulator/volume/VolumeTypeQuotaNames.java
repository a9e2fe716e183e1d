package dev.cinderemulator.volume;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.cinderemulator.quota.VolumeTypeNames;

/**
 * The volume types whose per-type quota resources ({@code volumes_<type>}, {@code gigabytes_<type>},
 * {@code snapshots_<type>}) Cinder's quota sets show: every type there is
 * ({@code cinder/quota.py VolumeTypeQuotaEngine}).
 */
@Component
class VolumeTypeQuotaNames implements VolumeTypeNames {

    private final VolumeTypes types;

    VolumeTypeQuotaNames(VolumeTypes types) {
        this.types = types;
    }

    @Override
    public List<String> names() {
        return types.findAll().stream().map(VolumeType::name).toList();
    }
}
