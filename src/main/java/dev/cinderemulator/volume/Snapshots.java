package dev.cinderemulator.volume;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Repository;

import dev.cinderemulator.store.EntityTable;
import dev.cinderemulator.store.EntityTables;
import dev.cinderemulator.store.QuotaUsage;

/** The {@code snapshots} table. */
@Repository
class Snapshots {

    private final EntityTable<Snapshot> table;

    Snapshots(EntityTables tables) {
        this.table = tables.of(Snapshot.class, "snapshots", Map.of("name", "display_name", "description",
                "display_description"));
    }

    Optional<Snapshot> findById(String id) {
        return table.findById(id);
    }

    Optional<Snapshot> findByIdAndProjectId(String id, String projectId) {
        return table.findById(id).filter(snapshot -> snapshot.projectId().equals(projectId));
    }

    List<Snapshot> findAllById(Collection<String> ids) {
        return table.findAllById(ids);
    }

    boolean existsById(String id) {
        return table.findById(id).isPresent();
    }

    List<Snapshot> findByVolumeId(String volumeId) {
        return table.findWhere("volume_id = ?", null, volumeId);
    }

    QuotaUsage usageOf(String projectId) {
        return table.sql("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM snapshots WHERE project_id = ?")
                .param(projectId).query((rs, row) -> new QuotaUsage(rs.getLong(1), rs.getLong(2))).single();
    }

    /** Oldest first; {@code projectId} null means every project. */
    List<Snapshot> findOldestFirst(String projectId) {
        return projectId == null ? table.findWhere(null, "created_at, id")
                : table.findWhere("project_id = ?", "created_at, id", projectId);
    }

    long count() {
        return table.count(null);
    }

    Snapshot save(Snapshot snapshot) {
        return table.insert(snapshot);
    }

    void delete(Snapshot snapshot) {
        table.delete(snapshot);
    }

    int deleteAll() {
        return table.deleteWhere(null);
    }

    int deleteByProjectId(String projectId) {
        return table.deleteWhere("project_id = ?", projectId);
    }

    void lockForUpdate(Snapshot snapshot) {
        table.lockForUpdate(snapshot);
    }
}
