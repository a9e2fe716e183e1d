package dev.cinderemulator.volume;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Repository;

import dev.cinderemulator.store.EntityTable;
import dev.cinderemulator.store.EntityTables;

/** The {@code qos_specs} table. */
@Repository
class QosSpecsTable {

    private final EntityTable<QosSpecs> table;

    QosSpecsTable(EntityTables tables) {
        this.table = tables.of(QosSpecs.class, "qos_specs", Map.of());
    }

    Optional<QosSpecs> findById(String id) {
        return table.findById(id);
    }

    boolean existsByName(String name) {
        return table.count("name = ?", name) > 0;
    }

    List<QosSpecs> findAll() {
        return table.findWhere(null, "created_at, id");
    }

    QosSpecs save(QosSpecs specs) {
        return table.insert(specs);
    }

    void delete(QosSpecs specs) {
        table.delete(specs);
    }

    void lockForUpdate(QosSpecs specs) {
        table.lockForUpdate(specs);
    }

    int deleteAll() {
        return table.deleteWhere(null);
    }
}
