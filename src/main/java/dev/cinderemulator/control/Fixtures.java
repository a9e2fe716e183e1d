package dev.cinderemulator.control;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.cinderemulator.web.CinderTime;
import dev.cinderemulator.backup.BackupControl;
import dev.cinderemulator.backup.BackupFixture;
import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.engine.EmulatorClock;
import dev.cinderemulator.engine.IdGenerator;
import dev.cinderemulator.volume.SnapshotFixture;
import dev.cinderemulator.volume.VolumeControl;
import dev.cinderemulator.volume.VolumeFixture;
import dev.cinderemulator.volume.Volume;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Fixture documents: {@code {volumes: [...], snapshots: [...], backups: [...]}} in JSON or YAML,
 * with Cinder's field names. A document is checked whole before anything is written, and written
 * in one transaction, so it is applied entirely or not at all. Export writes the same format, so
 * a saved state loads back as it was (into an emulator without those ids: reset first).
 */
@Component
class Fixtures {

    static final String DEFAULT_USER = "emulator-fixtures";
    private static final Set<String> ROOT = Set.of("volumes", "snapshots", "backups");
    private static final Set<String> VOLUME_FIELDS = Set.of("id", "project_id", "user_id", "name", "description",
            "status", "previous_status", "size", "availability_zone", "volume_type", "bootable", "multiattach",
            "snapshot_id", "source_volid", "metadata", "created_at", "updated_at");
    private static final Set<String> SNAPSHOT_FIELDS = Set.of("id", "project_id", "user_id", "volume_id", "name",
            "description", "status", "size", "metadata", "created_at", "updated_at");
    private static final Set<String> BACKUP_FIELDS = Set.of("id", "project_id", "user_id", "volume_id",
            "snapshot_id", "parent_id", "name", "description", "status", "fail_reason", "size", "object_count",
            "container", "availability_zone", "data_timestamp", "restore_volume_id", "metadata", "created_at",
            "updated_at");

    private final VolumeControl volumes;
    private final BackupControl backups;
    private final IdGenerator ids;
    private final EmulatorClock clock;
    private final EmulatorProperties properties;
    private final JsonMapper json;
    private final YAMLMapper yaml = YAMLMapper.builder().build();
    private final TransactionTemplate transaction;

    Fixtures(VolumeControl volumes, BackupControl backups, IdGenerator ids, EmulatorClock clock,
            EmulatorProperties properties, JsonMapper json, PlatformTransactionManager transactions) {
        this.volumes = volumes;
        this.backups = backups;
        this.ids = ids;
        this.clock = clock;
        this.properties = properties;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** JSON unless the media type says YAML ({@code application/yaml}, {@code application/x-yaml}, {@code text/yaml}). */
    JsonNode read(byte[] body, boolean asYaml) {
        if (body == null || body.length == 0) {
            throw ControlException.badRequest("The fixture document is empty");
        }
        try {
            JsonNode document = asYaml ? yaml.readTree(body) : json.readTree(body);
            if (document == null || document.isMissingNode()) {
                throw ControlException.badRequest("The fixture document is empty");
            }
            return document;
        } catch (JacksonException malformed) {
            throw ControlException.badRequest("The fixture document is not valid " + (asYaml ? "YAML" : "JSON")
                    + ": " + malformed.getOriginalMessage());
        }
    }

    static boolean isYaml(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (RuntimeException malformed) {
            throw new ControlException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unreadable Content-Type " + contentType);
        }
        if (type.getSubtype().equals("yaml") || type.getSubtype().equals("x-yaml")) {
            return true;
        }
        if (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")) {
            return false;
        }
        throw new ControlException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Fixture documents are application/json or application/yaml, not " + contentType);
    }

    /** Checks and loads one document in one transaction; returns how many of each it loaded. */
    Map<String, Integer> apply(JsonNode document) {
        return transaction.execute(status -> {
            Parsed parsed = parse(document);
            parsed.volumes.forEach(volumes::load);
            parsed.snapshots.forEach(volumes::load);
            backups.load(parsed.backups);
            Map<String, Integer> loaded = new LinkedHashMap<>();
            loaded.put("volumes", parsed.volumes.size());
            loaded.put("snapshots", parsed.snapshots.size());
            loaded.put("backups", parsed.backups.size());
            return loaded;
        });
    }

    boolean emulatorIsEmpty() {
        return volumes.isEmpty() && backups.isEmpty();
    }

    private record Parsed(List<VolumeFixture> volumes, List<SnapshotFixture> snapshots, List<BackupFixture> backups) {
    }

    private Parsed parse(JsonNode document) {
        if (!document.isObject()) {
            throw ControlException.badRequest("The fixture document must be an object with volumes, snapshots "
                    + "and/or backups, got " + FixtureFields.describe(document));
        }
        for (String key : document.propertyNames()) {
            if (key.equals("users") || key.equals("projects")) {
                throw FixtureFields.invalid(key, "identities come from configuration (emulator.identity.*) "
                        + "and cannot be loaded as fixtures");
            }
            if (!ROOT.contains(key)) {
                throw FixtureFields.invalid(key, "unknown section (known: backups, snapshots, volumes)");
            }
        }
        LocalDateTime now = clock.now();
        Map<String, VolumeFixture> documentVolumes = new HashMap<>();
        List<VolumeFixture> volumeList = new ArrayList<>();
        for (Item item : items(document, "volumes")) {
            VolumeFixture volume = volume(new FixtureFields(item.node, item.path, VOLUME_FIELDS), now);
            if (documentVolumes.putIfAbsent(volume.id(), volume) != null) {
                throw FixtureFields.invalid(item.path + ".id", "volume " + volume.id() + " appears twice");
            }
            if (volumes.findVolume(volume.id()).isPresent()) {
                throw conflict(item.path + ".id", "volume " + volume.id());
            }
            volumeList.add(volume);
        }
        Set<String> snapshotIds = new HashSet<>();
        List<SnapshotFixture> snapshotList = new ArrayList<>();
        for (Item item : items(document, "snapshots")) {
            FixtureFields fields = new FixtureFields(item.node, item.path, SNAPSHOT_FIELDS);
            SnapshotFixture snapshot = snapshot(fields, documentVolumes, now);
            if (!snapshotIds.add(snapshot.id())) {
                throw FixtureFields.invalid(item.path + ".id", "snapshot " + snapshot.id() + " appears twice");
            }
            if (volumes.snapshotExists(snapshot.id())) {
                throw conflict(item.path + ".id", "snapshot " + snapshot.id());
            }
            snapshotList.add(snapshot);
        }
        Map<String, BackupFixture> documentBackups = new LinkedHashMap<>();
        Map<String, String> pathOf = new HashMap<>();
        for (Item item : items(document, "backups")) {
            BackupFixture backup = backup(new FixtureFields(item.node, item.path, BACKUP_FIELDS), documentVolumes,
                    now);
            if (documentBackups.putIfAbsent(backup.id(), backup) != null) {
                throw FixtureFields.invalid(item.path + ".id", "backup " + backup.id() + " appears twice");
            }
            if (backups.find(backup.id()).isPresent()) {
                throw conflict(item.path + ".id", "backup " + backup.id());
            }
            pathOf.put(backup.id(), item.path);
        }
        for (BackupFixture backup : documentBackups.values()) {
            checkParent(backup, documentBackups, pathOf.get(backup.id()) + ".parent_id");
        }
        return new Parsed(volumeList, snapshotList, List.copyOf(documentBackups.values()));
    }

    private VolumeFixture volume(FixtureFields fields, LocalDateTime now) {
        String id = Optional.ofNullable(fields.uuid("id")).orElseGet(ids::newId);
        LocalDateTime created = Optional.ofNullable(fields.time("created_at")).orElse(now);
        Integer size = fields.integer("size", 1);
        if (size == null) {
            throw FixtureFields.invalid(fields.path("size"), "required");
        }
        return new VolumeFixture(id, fields.requiredText("project_id"), userOf(fields), fields.text("name"),
                fields.text("description"), fields.status(VolumeControl.VOLUME_STATUSES, "available"),
                fields.text("previous_status"), size,
                Optional.ofNullable(fields.text("availability_zone")).orElse(properties.cloud().availabilityZone()),
                Optional.ofNullable(fields.text("volume_type")).orElse(Volume.DEFAULT_VOLUME_TYPE),
                fields.flag("bootable"), fields.flag("multiattach"), fields.uuid("snapshot_id"),
                fields.uuid("source_volid"), fields.metadata("metadata"), created,
                Optional.ofNullable(fields.time("updated_at")).orElse(created));
    }

    private SnapshotFixture snapshot(FixtureFields fields, Map<String, VolumeFixture> documentVolumes,
            LocalDateTime now) {
        String volumeId = fields.requiredUuid("volume_id");
        Optional<VolumeFixture> volume = volumeOf(volumeId, documentVolumes);
        if (volume.isEmpty()) {
            throw FixtureFields.invalid(fields.path("volume_id"),
                    "no volume " + volumeId + " in this document or in the emulator");
        }
        LocalDateTime created = Optional.ofNullable(fields.time("created_at")).orElse(now);
        String project = Optional.ofNullable(fields.text("project_id")).orElse(volume.get().projectId());
        Integer size = Optional.ofNullable(fields.integer("size", 1)).orElse(volume.get().size());
        return new SnapshotFixture(Optional.ofNullable(fields.uuid("id")).orElseGet(ids::newId), project,
                userOf(fields), volumeId, fields.text("name"), fields.text("description"),
                fields.status(VolumeControl.SNAPSHOT_STATUSES, "available"), size, fields.metadata("metadata"),
                created, Optional.ofNullable(fields.time("updated_at")).orElse(created));
    }

    /**
     * The source volume need not exist (Cinder lets a volume be deleted while its backups stay); when
     * it does, it supplies the project and the size.
     */
    private BackupFixture backup(FixtureFields fields, Map<String, VolumeFixture> documentVolumes,
            LocalDateTime now) {
        String volumeId = fields.requiredUuid("volume_id");
        Optional<VolumeFixture> volume = volumeOf(volumeId, documentVolumes);
        String project = fields.text("project_id");
        if (project == null) {
            project = volume.map(VolumeFixture::projectId).orElseThrow(() -> FixtureFields.invalid(
                    fields.path("project_id"), "required when the volume is not in this document or the emulator"));
        }
        Integer size = fields.integer("size", 1);
        if (size == null) {
            size = volume.map(VolumeFixture::size).orElseThrow(() -> FixtureFields.invalid(fields.path("size"),
                    "required when the volume is not in this document or the emulator"));
        }
        String status = fields.status(BackupControl.STATUSES, "available");
        LocalDateTime created = Optional.ofNullable(fields.time("created_at")).orElse(now);
        Integer objects = fields.integer("object_count", 0);
        String failReason = fields.text("fail_reason");
        return BackupFixture.withServiceDefaults(Optional.ofNullable(fields.uuid("id")).orElseGet(ids::newId), project,
                userOf(fields), volumeId, fields.uuid("snapshot_id"), fields.uuid("parent_id"), fields.text("name"),
                fields.text("description"), status, failReason, size, objects, fields.text("container"),
                Optional.ofNullable(fields.text("availability_zone")).orElse(properties.cloud().availabilityZone()),
                Optional.ofNullable(fields.time("data_timestamp")).orElse(created),
                fields.uuid("restore_volume_id"), fields.metadata("metadata"), created,
                Optional.ofNullable(fields.time("updated_at")).orElse(created));
    }

    /** Incrementals: the parent is a backup of the same volume, here or already loaded, and no cycle. */
    private void checkParent(BackupFixture backup, Map<String, BackupFixture> documentBackups, String path) {
        Set<String> seen = new HashSet<>();
        seen.add(backup.id());
        BackupFixture child = backup;
        while (child.parentId() != null) {
            String parentId = child.parentId();
            BackupFixture parent = documentBackups.containsKey(parentId) ? documentBackups.get(parentId)
                    : backups.find(parentId).orElse(null);
            if (parent == null) {
                throw FixtureFields.invalid(path, "no backup " + parentId + " in this document or in the emulator");
            }
            if (child == backup && !parent.volumeId().equals(backup.volumeId())) {
                throw FixtureFields.invalid(path, "the parent " + parentId + " is a backup of volume "
                        + parent.volumeId() + ", not of " + backup.volumeId());
            }
            if (!seen.add(parentId)) {
                throw FixtureFields.invalid(path, "the chain of parents loops back to " + parentId);
            }
            child = parent;
        }
    }

    private Optional<VolumeFixture> volumeOf(String id, Map<String, VolumeFixture> documentVolumes) {
        return documentVolumes.containsKey(id) ? Optional.of(documentVolumes.get(id)) : volumes.findVolume(id);
    }

    private static String userOf(FixtureFields fields) {
        return Optional.ofNullable(fields.text("user_id")).orElse(DEFAULT_USER);
    }

    private static ControlException conflict(String path, String what) {
        return new ControlException(HttpStatus.CONFLICT,
                path + ": " + what + " already exists in the emulator (reset first, or choose another id)");
    }

    private record Item(JsonNode node, String path) {
    }

    private static List<Item> items(JsonNode document, String section) {
        JsonNode list = document.get(section);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw FixtureFields.invalid(section, "must be a list, got " + FixtureFields.describe(list));
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            items.add(new Item(list.get(i), section + "[" + i + "]"));
        }
        return items;
    }

    /** The current state, oldest first in each section, with null fields left out. */
    Map<String, Object> export(String projectId) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("volumes", volumes.volumes(projectId).stream().map(Fixtures::view).toList());
        document.put("snapshots", volumes.snapshots(projectId).stream().map(Fixtures::view).toList());
        document.put("backups", backups.backups(projectId).stream().map(Fixtures::view).toList());
        return document;
    }

    String render(Map<String, Object> document, boolean asYaml) {
        return asYaml ? yaml.writeValueAsString(document) : json.writeValueAsString(document);
    }

    private static Map<String, Object> view(VolumeFixture volume) {
        Map<String, Object> view = new LinkedHashMap<>();
        put(view, "id", volume.id());
        put(view, "project_id", volume.projectId());
        put(view, "user_id", volume.userId());
        put(view, "name", volume.name());
        put(view, "description", volume.description());
        put(view, "status", volume.status());
        put(view, "previous_status", volume.previousStatus());
        put(view, "size", volume.size());
        put(view, "availability_zone", volume.availabilityZone());
        put(view, "volume_type", volume.volumeType());
        put(view, "bootable", volume.bootable());
        put(view, "multiattach", volume.multiattach());
        put(view, "snapshot_id", volume.snapshotId());
        put(view, "source_volid", volume.sourceVolumeId());
        put(view, "metadata", volume.metadata());
        put(view, "created_at", CinderTime.format(volume.createdAt()));
        put(view, "updated_at", CinderTime.format(volume.updatedAt()));
        return view;
    }

    private static Map<String, Object> view(SnapshotFixture snapshot) {
        Map<String, Object> view = new LinkedHashMap<>();
        put(view, "id", snapshot.id());
        put(view, "project_id", snapshot.projectId());
        put(view, "user_id", snapshot.userId());
        put(view, "volume_id", snapshot.volumeId());
        put(view, "name", snapshot.name());
        put(view, "description", snapshot.description());
        put(view, "status", snapshot.status());
        put(view, "size", snapshot.size());
        put(view, "metadata", snapshot.metadata());
        put(view, "created_at", CinderTime.format(snapshot.createdAt()));
        put(view, "updated_at", CinderTime.format(snapshot.updatedAt()));
        return view;
    }

    private static Map<String, Object> view(BackupFixture backup) {
        Map<String, Object> view = new LinkedHashMap<>();
        put(view, "id", backup.id());
        put(view, "project_id", backup.projectId());
        put(view, "user_id", backup.userId());
        put(view, "volume_id", backup.volumeId());
        put(view, "snapshot_id", backup.snapshotId());
        put(view, "parent_id", backup.parentId());
        put(view, "name", backup.name());
        put(view, "description", backup.description());
        put(view, "status", backup.status());
        put(view, "fail_reason", backup.failReason());
        put(view, "size", backup.size());
        put(view, "object_count", backup.objectCount());
        put(view, "container", backup.container());
        put(view, "availability_zone", backup.availabilityZone());
        put(view, "data_timestamp", CinderTime.format(backup.dataTimestamp()));
        put(view, "restore_volume_id", backup.restoreVolumeId());
        put(view, "metadata", backup.metadata());
        put(view, "created_at", CinderTime.format(backup.createdAt()));
        put(view, "updated_at", CinderTime.format(backup.updatedAt()));
        return view;
    }

    private static void put(Map<String, Object> view, String key, Object value) {
        if (value != null && !(value instanceof Map<?, ?> map && map.isEmpty())) {
            view.put(key, value);
        }
    }
}
