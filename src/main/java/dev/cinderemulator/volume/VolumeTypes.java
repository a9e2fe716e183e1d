package dev.cinderemulator.volume;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Repository;

import dev.cinderemulator.store.EntityTable;
import dev.cinderemulator.store.EntityTables;

/** The {@code volume_types} table, extra specs and project access included. */
@Repository
class VolumeTypes {

    private final EntityTable<VolumeType> table;

    VolumeTypes(EntityTables tables) {
        this.table = tables.of(VolumeType.class, "volume_types", Map.of());
    }

    Optional<VolumeType> findById(String id) {
        return table.findById(id);
    }

    Optional<VolumeType> findByName(String name) {
        return table.findWhere("name = ?", "created_at, id", name).stream().findFirst();
    }

    List<VolumeType> findAll() {
        return table.findWhere(null, "created_at, id");
    }

    VolumeType save(VolumeType type) {
        return table.insert(type);
    }

    void delete(VolumeType type) {
        table.delete(type);
    }

    void lockForUpdate(VolumeType type) {
        table.lockForUpdate(type);
    }

    List<VolumeType> findByQosSpecsId(String qosSpecsId) {
        return table.findWhere("qos_specs_id = ?", "created_at, id", qosSpecsId);
    }

    /** The default type as the migration made it. */
    void resetDefault() {
        table.sql("UPDATE volume_types SET name = ?, description = ?, is_public = TRUE, extra_specs = '{}', "
                + "projects = '{}', qos_specs_id = NULL, updated_at = NULL, version = version + 1 WHERE id = ?")
                .params(Volume.DEFAULT_VOLUME_TYPE, "Default Volume Type", VolumeType.DEFAULT_ID).update();
    }

    /** A reset keeps only {@code __DEFAULT__}, as a fresh deployment has it. */
    int deleteAllButDefault() {
        return table.deleteWhere("id <> ?", VolumeType.DEFAULT_ID);
    }
}
