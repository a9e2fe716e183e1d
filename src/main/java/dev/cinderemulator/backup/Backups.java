package dev.cinderemulator.backup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Repository;

import dev.cinderemulator.store.EntityTables;
import dev.cinderemulator.store.ResourceTable;

/** The {@code backups} table. */
@Repository
class Backups extends ResourceTable<Backup> {

    Backups(EntityTables tables) {
        super(tables, Backup.class, "backups", Map.of("dependentBackups", "num_dependent_backups", "pendingImport",
                "import_record"));
    }

    boolean existsByParentId(String parentId) {
        return table.count("parent_id = ?", parentId) > 0;
    }

    List<Backup> findByVolumeIdAndProjectId(String volumeId, String projectId) {
        return table.findWhere("volume_id = ? AND project_id = ?", null, volumeId, projectId);
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
