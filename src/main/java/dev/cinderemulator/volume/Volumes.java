package dev.cinderemulator.volume;

import java.util.Map;

import org.springframework.stereotype.Repository;

import dev.cinderemulator.store.EntityTables;
import dev.cinderemulator.store.ResourceTable;

/** The {@code volumes} table. */
@Repository
class Volumes extends ResourceTable<Volume> {

    Volumes(EntityTables tables) {
        super(tables, Volume.class, "volumes", Map.of("sourceVolumeId", "source_volid"));
    }
}
