package dev.cinderemulator.backup;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.cinderemulator.web.CinderException;
import dev.cinderemulator.web.CinderTime;
import dev.cinderemulator.web.ParameterTypes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code backup_url} of an exported backup: base64 of the JSON of every Backup object field
 * ({@code Backup.encode_record}), so a record exported here, edited (say, given a new id) and
 * imported elsewhere round-trips as it does between Cinder deployments.
 */
record BackupRecord(String id, String volumeId, String snapshotId, String parentId, String name, String description,
        String container, int size, int objectCount, int dependentBackups, String encryptionKeyId,
        Map<String, String> metadata, LocalDateTime dataTimestamp) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** oslo.versionedobjects' {@code isotime}: seconds and a Z. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    static String encode(Backup backup) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", backup.id());
        record.put("user_id", backup.userId());
        record.put("project_id", backup.projectId());
        record.put("volume_id", backup.volumeId());
        record.put("host", backup.host());
        record.put("availability_zone", backup.availabilityZone());
        record.put("container", backup.container());
        record.put("parent_id", backup.parentId());
        record.put("status", backup.status().toString());
        record.put("fail_reason", backup.failReason());
        record.put("size", backup.size());
        record.put("display_name", backup.name());
        record.put("display_description", backup.description());
        record.put("service_metadata", "backup_" + backup.id());
        record.put("service", backup.service());
        record.put("object_count", backup.objectCount());
        record.put("temp_volume_id", null);
        record.put("temp_snapshot_id", null);
        record.put("num_dependent_backups", backup.dependentBackups());
        record.put("snapshot_id", backup.snapshotId());
        record.put("data_timestamp", iso(backup.dataTimestamp()));
        record.put("restore_volume_id", backup.restoreVolumeId());
        record.put("metadata", backup.metadata());
        record.put("encryption_key_id", backup.encryptionKeyId());
        record.put("created_at", iso(backup.createdAt()));
        record.put("updated_at", iso(backup.updatedAt()));
        record.put("deleted_at", null);
        record.put("deleted", false);
        record.put("driver_info", Map.of());
        return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(record));
    }

    /** {@code _get_import_backup} and the manager's checks, with their exact refusals. */
    static BackupRecord decode(String backupUrl) {
        byte[] json;
        try {
            json = ParameterTypes.decodeBase64(backupUrl);
        } catch (IllegalArgumentException undecodable) {
            throw CinderException.invalidInput("Can't decode backup record.");
        }
        JsonNode record;
        try {
            record = JSON.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (JacksonException unparsable) {
            throw CinderException.invalidInput("Can't parse backup record.");
        }
        if (record == null || !record.isObject()) {
            throw CinderException.invalidInput("Can't parse backup record.");
        }
        if (!record.hasNonNull("id")) {
            throw CinderException.invalidInput("Provided backup record is missing an id");
        }
        if (!record.hasNonNull("size")) {
            throw CinderException.invalidInput("Provided backup record is missing size attribute");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        if (record.path("metadata").isObject()) {
            record.get("metadata").properties().forEach(e -> metadata.put(e.getKey(), e.getValue().asString()));
        }
        try {
            return new BackupRecord(record.get("id").asString(), text(record, "volume_id"),
                    text(record, "snapshot_id"), text(record, "parent_id"), text(record, "display_name"),
                    text(record, "display_description"), text(record, "container"), record.get("size").asInt(),
                    record.path("object_count").asInt(0), record.path("num_dependent_backups").asInt(0),
                    text(record, "encryption_key_id"), metadata, time(text(record, "data_timestamp")));
        } catch (RuntimeException malformed) {
            throw CinderException.invalidInput("Can't parse backup record.");
        }
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static LocalDateTime time(String text) {
        return text == null ? null : CinderTime.parse(text);
    }

    private static String iso(LocalDateTime time) {
        return time == null ? null : ISO.format(time);
    }
}
