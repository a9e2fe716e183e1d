package dev.cinderemulator.volume;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Repository;

import dev.cinderemulator.store.EntityTables;
import dev.cinderemulator.store.QuotaUsage;
import dev.cinderemulator.store.ResourceTable;

/** The {@code volumes} table. */
@Repository
class Volumes extends ResourceTable<Volume> {

    Volumes(EntityTables tables) {
        super(tables, Volume.class, "volumes", Map.of("sourceVolumeId", "source_volid"));
    }

    /** A project's volumes by volume type name: the per-type quota usage. */
    Map<String, QuotaUsage> usageByType(String projectId) {
        Map<String, QuotaUsage> usage = new LinkedHashMap<>();
        table.sql("SELECT volume_type, COUNT(*), COALESCE(SUM(size), 0) FROM volumes WHERE project_id = ? "
                + "GROUP BY volume_type").param(projectId)
                .query(rs -> {
                    usage.put(rs.getString(1), new QuotaUsage(rs.getLong(2), rs.getLong(3)));
                });
        return usage;
    }

    Optional<Volume> findByAttachmentId(String attachmentId) {
        return table.findWhere("attachment_id = ?", "id", attachmentId).stream().findFirst();
    }

    long countOfType(String volumeTypeId) {
        return table.count("volume_type_id = ?", volumeTypeId);
    }

    /** The name a volume shows is its type's: Cinder joins it, the emulator keeps it in step. */
    void renameType(String volumeTypeId, String name) {
        table.sql("UPDATE volumes SET volume_type = ? WHERE volume_type_id = ?").params(name, volumeTypeId).update();
    }
}
