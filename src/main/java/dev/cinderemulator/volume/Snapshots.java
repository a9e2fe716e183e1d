package dev.cinderemulator.volume;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Repository;

import dev.cinderemulator.store.EntityTables;
import dev.cinderemulator.store.QuotaUsage;
import dev.cinderemulator.store.ResourceTable;

/** The {@code snapshots} table. */
@Repository
class Snapshots extends ResourceTable<Snapshot> {

    Snapshots(EntityTables tables) {
        super(tables, Snapshot.class, "snapshots", Map.of());
    }

    /** A project's snapshots by their volume's type name: the per-type quota usage. */
    Map<String, QuotaUsage> usageByType(String projectId) {
        Map<String, QuotaUsage> usage = new LinkedHashMap<>();
        table.sql("SELECT v.volume_type, COUNT(*), COALESCE(SUM(s.size), 0) FROM snapshots s "
                + "JOIN volumes v ON v.id = s.volume_id WHERE s.project_id = ? GROUP BY v.volume_type")
                .param(projectId).query(rs -> {
                    usage.put(rs.getString(1), new QuotaUsage(rs.getLong(2), rs.getLong(3)));
                });
        return usage;
    }

    List<Snapshot> findByVolumeId(String volumeId) {
        return table.findWhere("volume_id = ?", null, volumeId);
    }
}
