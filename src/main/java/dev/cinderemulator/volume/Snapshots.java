package dev.cinderemulator.volume;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Repository;

import dev.cinderemulator.store.EntityTables;
import dev.cinderemulator.store.ResourceTable;

/** The {@code snapshots} table. */
@Repository
class Snapshots extends ResourceTable<Snapshot> {

    Snapshots(EntityTables tables) {
        super(tables, Snapshot.class, "snapshots", Map.of());
    }

    List<Snapshot> findByVolumeId(String volumeId) {
        return table.findWhere("volume_id = ?", null, volumeId);
    }
}
