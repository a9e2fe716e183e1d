package dev.cinderemulator.volume;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Repository;

import dev.cinderemulator.store.EntityTable;
import dev.cinderemulator.store.EntityTables;
import dev.cinderemulator.store.QuotaUsage;

/** The {@code volumes} table. */
@Repository
class Volumes {

    private final EntityTable<Volume> table;

    Volumes(EntityTables tables) {
        this.table = tables.of(Volume.class, "volumes", Map.of("name", "display_name", "description",
                "display_description", "sourceVolumeId", "source_volid"));
    }

    Optional<Volume> findById(String id) {
        return table.findById(id);
    }

    Optional<Volume> findByIdAndProjectId(String id, String projectId) {
        return table.findById(id).filter(volume -> volume.projectId().equals(projectId));
    }

    List<Volume> findAllById(Collection<String> ids) {
        return table.findAllById(ids);
    }

    QuotaUsage usageOf(String projectId) {
        return table.sql("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM volumes WHERE project_id = ?").param(projectId)
                .query((rs, row) -> new QuotaUsage(rs.getLong(1), rs.getLong(2))).single();
    }

    /** Oldest first; {@code projectId} null means every project. */
    List<Volume> findOldestFirst(String projectId) {
        return projectId == null ? table.findWhere(null, "created_at, id")
                : table.findWhere("project_id = ?", "created_at, id", projectId);
    }

    long count() {
        return table.count(null);
    }

    Volume save(Volume volume) {
        return table.insert(volume);
    }

    void delete(Volume volume) {
        table.delete(volume);
    }

    int deleteAll() {
        return table.deleteWhere(null);
    }

    int deleteByProjectId(String projectId) {
        return table.deleteWhere("project_id = ?", projectId);
    }

    /** Concurrent updates of one volume queue on its row instead of failing each other's version check. */
    void lockForUpdate(Volume volume) {
        table.lockForUpdate(volume);
    }
}
