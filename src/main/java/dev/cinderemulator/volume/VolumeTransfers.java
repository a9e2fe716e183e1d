package dev.cinderemulator.volume;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Repository;

import dev.cinderemulator.store.EntityTable;
import dev.cinderemulator.store.EntityTables;

/** The {@code transfers} table. */
@Repository
class VolumeTransfers {

    private final EntityTable<VolumeTransfer> table;

    VolumeTransfers(EntityTables tables) {
        this.table = tables.of(VolumeTransfer.class, "transfers", Map.of());
    }

    Optional<VolumeTransfer> findById(String id) {
        return table.findById(id);
    }

    /** Oldest first, as Cinder sorts them; {@code projectId} null means every project. */
    List<VolumeTransfer> findAll(String projectId) {
        return projectId == null ? table.findWhere(null, "created_at, id")
                : table.findWhere("source_project_id = ?", "created_at, id", projectId);
    }

    boolean existsForVolume(String volumeId) {
        return table.count("volume_id = ?", volumeId) > 0;
    }

    VolumeTransfer save(VolumeTransfer transfer) {
        return table.insert(transfer);
    }

    void delete(VolumeTransfer transfer) {
        table.delete(transfer);
    }

    int deleteAll() {
        return table.deleteWhere(null);
    }

    int deleteByProjectId(String projectId) {
        return table.deleteWhere("source_project_id = ?", projectId);
    }
}
