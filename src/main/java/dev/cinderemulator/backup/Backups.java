package dev.cinderemulator.backup;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Repository;

import dev.cinderemulator.store.EntityTable;
import dev.cinderemulator.store.EntityTables;
import dev.cinderemulator.store.QuotaUsage;

/** The {@code backups} table. */
@Repository
class Backups {

    private final EntityTable<Backup> table;

    Backups(EntityTables tables) {
        this.table = tables.of(Backup.class, "backups", Map.of("name", "display_name", "description",
                "display_description", "dependentBackups", "num_dependent_backups", "pendingImport", "import_record"));
    }

    Optional<Backup> findById(String id) {
        return table.findById(id);
    }

    Optional<Backup> findByIdAndProjectId(String id, String projectId) {
        return table.findById(id).filter(backup -> backup.projectId().equals(projectId));
    }

    List<Backup> findAllById(Collection<String> ids) {
        return table.findAllById(ids);
    }

    boolean existsById(String id) {
        return table.findById(id).isPresent();
    }

    QuotaUsage usageOf(String projectId) {
        return table.sql("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM backups WHERE project_id = ?").param(projectId)
                .query((rs, row) -> new QuotaUsage(rs.getLong(1), rs.getLong(2))).single();
    }

    boolean existsByParentId(String parentId) {
        return table.count("parent_id = ?", parentId) > 0;
    }

    List<Backup> findByVolumeIdAndProjectId(String volumeId, String projectId) {
        return table.findWhere("volume_id = ? AND project_id = ?", null, volumeId, projectId);
    }

    /** Oldest first; {@code projectId} null means every project. */
    List<Backup> findOldestFirst(String projectId) {
        return projectId == null ? table.findWhere(null, "created_at, id")
                : table.findWhere("project_id = ?", "created_at, id", projectId);
    }

    long count() {
        return table.count(null);
    }

    Backup save(Backup backup) {
        return table.insert(backup);
    }

    void delete(Backup backup) {
        table.delete(backup);
    }

    int deleteAll() {
        return table.deleteWhere(null);
    }

    int deleteByProjectId(String projectId) {
        return table.deleteWhere("project_id = ?", projectId);
    }

    /** Concurrent updates of one backup queue on its row instead of failing each other's version check. */
    void lockForUpdate(Backup backup) {
        table.lockForUpdate(backup);
    }

    /** A new child must conflict with a concurrent delete of its parent, which checks for children. */
    void forceVersionIncrement(Backup backup) {
        table.forceVersionIncrement(backup);
    }

    Map<String, Long> countByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        table.sql("SELECT status, COUNT(*) FROM backups GROUP BY status").query((rs, row) -> {
            counts.put(rs.getString(1), rs.getLong(2));
            return null;
        }).list();
        return counts;
    }
}
