package dev.cinderemulator.volume;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Repository;

import dev.cinderemulator.store.EntityTables;
import dev.cinderemulator.store.ResourceTable;

/** The {@code volumes} table. */
@Repository
class Volumes extends ResourceTable<Volume> {

    Volumes(EntityTables tables) {
        super(tables, Volume.class, "volumes", Map.of("sourceVolumeId", "source_volid"));
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
